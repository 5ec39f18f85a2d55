"use client";
// The instructor console's live connection: every table's tile, the alerts, and `run`, which sends
// an instructor command to some tables or all and resolves with each table's answer. It speaks the
// page's language: joined with `locale`, and told when the reader switches, the server sends the
// tiles' last actions and names, the alerts, the events and the refusals in it (a switch brings
// the whole snapshot again).
import {
  type ConsoleAlert,
  type ConsoleResult,
  type ConsoleSnapshot,
  type ConsoleTable,
  consoleAlertSchema,
  consoleMessages,
  consoleResultsMessageSchema,
  consoleRoomName,
  consoleSnapshotSchema,
  consoleTableSchema,
  type ErrorMessage,
  errorMessageSchema,
} from "@red-lines/shared/protocol";
import { useState } from "react";
import { type LiveRoom, useLiveRoom } from "./liveRoom.ts";

export type ConsoleReply =
  | { kind: "results"; results: ConsoleResult[] }
  | { kind: "error"; error: ErrorMessage }
  | { kind: "timeout" }
  | { kind: "offline" };

export type ConsoleConnection = Omit<LiveRoom<ConsoleReply>, "send" | "failureCode"> & {
  joinCode: string | null;
  /** The workshop's observer token, for observer links (null until the first snapshot). */
  watchToken: string | null;
  /** The scenario's events, for the "inject" menus (empty until the first snapshot). */
  events: ConsoleSnapshot["events"];
  /** Tiles by table number, in order. */
  tables: ConsoleTable[];
  alerts: ConsoleAlert[];
  notice: ErrorMessage | null;
  run(tables: "all" | number[], command: { type: string } & Record<string, unknown>): Promise<ConsoleReply>;
};

const noEvents: ConsoleSnapshot["events"] = [];

export function useConsole(workshopId: string, instructorKey: string | null): ConsoleConnection {
  const [snapshot, setSnapshot] = useState<Pick<
    ConsoleSnapshot,
    "joinCode" | "watchToken" | "events"
  > | null>(null);
  const [tiles, setTiles] = useState<Map<string, ConsoleTable>>(new Map());
  const [alerts, setAlerts] = useState<ConsoleAlert[]>([]);
  const [notice, setNotice] = useState<ErrorMessage | null>(null);
  const options = instructorKey ? { workshopId, instructorKey } : null;
  const live = useLiveRoom<ConsoleReply>(
    consoleRoomName,
    options,
    (room, answer) => {
      room.onMessage(consoleMessages.snapshot, (payload: unknown) => {
        const parsed = consoleSnapshotSchema.safeParse(payload);
        if (!parsed.success) return;
        setSnapshot({
          joinCode: parsed.data.joinCode,
          watchToken: parsed.data.watchToken,
          events: parsed.data.events,
        });
        setTiles(new Map(parsed.data.tables.map((tile) => [tile.tableId, tile])));
        setAlerts(parsed.data.alerts);
      });
      room.onMessage(consoleMessages.table, (payload: unknown) => {
        const parsed = consoleTableSchema.safeParse(payload);
        if (parsed.success) setTiles((previous) => new Map(previous).set(parsed.data.tableId, parsed.data));
      });
      room.onMessage(consoleMessages.alert, (payload: unknown) => {
        const parsed = consoleAlertSchema.safeParse(payload);
        if (parsed.success) setAlerts((previous) => [...previous, parsed.data].slice(-200));
      });
      room.onMessage(consoleMessages.results, (payload: unknown) => {
        const parsed = consoleResultsMessageSchema.safeParse(payload);
        if (parsed.success) answer(parsed.data.intentId, { kind: "results", results: parsed.data.results });
      });
      room.onMessage(consoleMessages.error, (payload: unknown) => {
        const parsed = errorMessageSchema.safeParse(payload);
        if (!parsed.success) return;
        if (parsed.data.intentId) answer(parsed.data.intentId, { kind: "error", error: parsed.data });
        else setNotice(parsed.data);
      });
    },
    { followLocale: true },
  );
  return {
    status: live.status,
    problem: live.problem,
    joinCode: snapshot?.joinCode ?? null,
    watchToken: snapshot?.watchToken ?? null,
    events: snapshot?.events ?? noEvents,
    tables: [...tiles.values()].sort((a, b) => a.number - b.number),
    alerts,
    notice,
    run: (tables, command) => live.send(consoleMessages.command, { tables, command }),
  };
}
