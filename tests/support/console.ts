// An instructor console joined from a test: its snapshots, table tiles, alerts and command
// answers collected as they come, and a command that waits for its answer.
import { randomUUID } from "node:crypto";
import type { Client, Room } from "@colyseus/sdk";
import {
  type ConsoleAlert,
  type ConsoleResultsMessage,
  type ConsoleSnapshot,
  type ConsoleTable,
  consoleRoomName,
  consoleSnapshotSchema,
  type ErrorMessage,
} from "@red-lines/shared/protocol";
import { waitFor } from "./wait.ts";

export type Console = {
  room: Room;
  snapshots: ConsoleSnapshot[];
  tiles: Map<number, ConsoleTable>;
  alerts: ConsoleAlert[];
  results: ConsoleResultsMessage[];
  errors: ErrorMessage[];
  /** Sends a command to these tables and resolves with the console's answer to it. */
  command(tables: "all" | number[], command: Record<string, unknown>): Promise<ConsoleResultsMessage>;
};

/** Joins a workshop's console through `client` and waits for its first snapshot. */
export async function openConsole(
  client: Client,
  workshop: { workshopId: string; instructorKey: string },
  options: { timeout?: number } = {},
): Promise<Console> {
  const room = await client.joinOrCreate(consoleRoomName, {
    workshopId: workshop.workshopId,
    instructorKey: workshop.instructorKey,
  });
  const desk: Console = {
    room,
    snapshots: [],
    tiles: new Map(),
    alerts: [],
    results: [],
    errors: [],
    async command(tables, command) {
      const intentId = randomUUID();
      room.send("command", { intentId, tables, command });
      return waitFor(() => desk.results.find((r) => r.intentId === intentId), {
        timeout: options.timeout ?? 5_000,
        what: `the console's ${String(command.type)} to be answered`,
      });
    },
  };
  room.onMessage("snapshot", (snapshot: ConsoleSnapshot) => {
    desk.snapshots.push(consoleSnapshotSchema.parse(snapshot));
    for (const tile of snapshot.tables) desk.tiles.set(tile.number, tile);
    desk.alerts.push(...snapshot.alerts);
  });
  room.onMessage("table", (tile: ConsoleTable) => desk.tiles.set(tile.number, tile));
  room.onMessage("alert", (alert: ConsoleAlert) => desk.alerts.push(alert));
  room.onMessage("results", (results: ConsoleResultsMessage) => desk.results.push(results));
  room.onMessage("error", (error: ErrorMessage) => desk.errors.push(error));
  room.onMessage("*", () => {});
  await waitFor(() => desk.snapshots.length > 0, {
    timeout: options.timeout ?? 5_000,
    what: "the console's snapshot",
  });
  return desk;
}
