// Restore after a crash: the server is killed with SIGKILL mid-negotiation and started again on
// the same database; every event a client was told of is still there, tables rebuild from their
// logs, seats come back with their tokens, and play goes on. On both database set-ups.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import {
  type ConsoleSnapshot,
  type ConsoleTable,
  consoleRoomName,
  negotiationRoomName,
  type TableView,
} from "@red-lines/shared/engine";
import { afterEach, describe, expect, inject, it } from "vitest";
import { postJson } from "../support/api.ts";
import { createDatabase } from "../support/postgres.ts";
import { spawnServer } from "../support/serverProcess.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startServer(env: Record<string, string>) {
  return spawnServer(env, cleanups);
}

type Seat = { room: Room; views: TableView[]; done: string[] };

async function sit(url: string, options: Record<string, string>): Promise<Seat> {
  const room = await new Client(url).joinOrCreate(negotiationRoomName, withProtocol(options));
  room.reconnection.enabled = false;
  const seat: Seat = { room, views: [], done: [] };
  followViews(room, (view: TableView) => seat.views.push(view));
  room.onMessage("done", (message: { intentId: string }) => seat.done.push(message.intentId));
  room.onMessage("*", () => {});
  cleanups.push(() => (room.connection.isOpen ? room.leave().catch(() => undefined) : undefined));
  return seat;
}

async function act(seat: Seat, command: Record<string, unknown>) {
  const intentId = randomUUID();
  seat.room.send("command", { intentId, command });
  await waitFor(() => seat.done.includes(intentId), { what: `${String(command.type)} to be done` });
}

describe.each(["embedded", "postgresql"] as const)("after SIGKILL, on %s", (backend) => {
  it("rebuilds the table from its log with nothing a client saw missing, and play goes on", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "red-lines-crash-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (backend === "postgresql") {
      env.DATABASE_URL = await createDatabase(
        inject("postgresUrl"),
        `crash_${randomUUID().replaceAll("-", "")}`,
      );
    }
    const first = await startServer(env);
    const post = async (url: string, route: string, body: unknown) => (await postJson(url, route, body)).body;
    const workshop = await post(first.url, "/workshops", { scenarioId: "ukraine-2026", tables: 1 });
    const tokens: Record<string, { tableId: string; seatToken: string }> = {};
    const seats: Record<string, Seat> = {};
    for (const role of ["us", "ukraine", "europe", "russia"]) {
      const joined = await post(first.url, "/join", { code: workshop.joinCode, name: role, role });
      tokens[role] = { tableId: joined.tableId as string, seatToken: joined.seatToken as string };
      seats[role] = await sit(first.url, tokens[role]);
    }
    const tableId = tokens.us?.tableId as string;
    const instructor = await sit(first.url, { tableId, instructorKey: workshop.instructorKey as string });
    await waitFor(() => instructor.views.at(-1)?.seats.every((seat) => seat.occupied));
    await act(instructor, { type: "start" });
    await act(instructor, { type: "start" });
    const us = seats.us as Seat;
    await act(us, { type: "set-option", issue: "territory", option: "deferred" });
    await act(us, { type: "set-option", issue: "ceasefire", option: "current-line" });
    // Answered done before the crash; sent again after the restart, it must not act twice.
    const said = randomUUID();
    seats.ukraine?.room.send("command", { intentId: said, command: { type: "say", text: "Said once." } });
    await waitFor(() => seats.ukraine?.done.includes(said), { what: "the line to be said" });
    await waitFor(() => instructor.views.at(-1)?.publicChat.length === 1);
    const seenBeforeCrash = instructor.views.at(-1);

    // A second workshop on a 5-second clock, negotiating when the server dies.
    const quick = await post(first.url, "/workshops", {
      scenarioId: "ukraine-2026",
      tables: 1,
      turnSeconds: 5,
    });
    let quickTableId = "";
    for (const role of ["us", "ukraine", "europe", "russia"]) {
      const joined = await post(first.url, "/join", { code: quick.joinCode, name: role, role });
      quickTableId = joined.tableId as string;
      await sit(first.url, { tableId: quickTableId, seatToken: joined.seatToken as string });
    }
    const quickDesk = await sit(first.url, {
      tableId: quickTableId,
      instructorKey: quick.instructorKey as string,
    });
    await waitFor(() => quickDesk.views.at(-1)?.seats.every((seat) => seat.occupied));
    await act(quickDesk, { type: "start" });
    await act(quickDesk, { type: "start" });
    expect(quickDesk.views.at(-1)?.turn?.seat).toBe("us");

    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));

    const second = await startServer(env);

    // Nobody has reconnected to the quick table, yet its clock runs on: the server restored it.
    const console = await new Client(second.url).joinOrCreate(consoleRoomName, {
      workshopId: quick.workshopId,
      instructorKey: quick.instructorKey,
    });
    cleanups.push(() => (console.connection.isOpen ? console.leave().catch(() => undefined) : undefined));
    let tile: ConsoleTable | undefined;
    console.onMessage("snapshot", (snapshot: ConsoleSnapshot) => {
      tile = snapshot.tables[0];
    });
    console.onMessage("table", (update: ConsoleTable) => {
      tile = update;
    });
    console.onMessage("*", () => {});
    await waitFor(() => tile?.live && tile.status.turnSeat !== "us", {
      timeout: 10_000,
      what: "the restored table's clock to pass the turn on",
    });
    expect(tile?.connected).toEqual([]);
    const back = await sit(second.url, tokens.us as { tableId: string; seatToken: string });
    await waitFor(() => back.views.length > 0, { what: "the restored view" });
    const restored = back.views.at(-1);
    expect(restored?.phase).toBe("negotiating");
    expect(restored?.turn?.seat).toBe("us");
    expect(restored?.draft).toEqual({ territory: "deferred", ceasefire: "current-line" });
    const watcher = await sit(second.url, { tableId, instructorKey: workshop.instructorKey as string });
    await waitFor(() => watcher.views.length > 0);
    // Everything the instructor saw before the crash is there (the turn clock aside, which runs on).
    const { turn: _a, ...before } = seenBeforeCrash as TableView;
    const { turn: _b, ...after } = watcher.views.at(-1) as TableView;
    expect(after).toEqual(before);

    await act(back, { type: "table-draft" });
    await waitFor(() => watcher.views.at(-1)?.currentVersion === 1, { what: "play to go on" });

    // The intent resent after the restart is answered from the log, and acts once.
    const ukraine = await sit(second.url, tokens.ukraine as { tableId: string; seatToken: string });
    ukraine.room.send("command", { intentId: said, command: { type: "say", text: "Said once." } });
    await waitFor(() => ukraine.done.includes(said), { what: "the resend to be answered" });
    await act(ukraine, { type: "say", text: "A new line." });
    expect(watcher.views.at(-1)?.publicChat.map((message) => message.text)).toEqual([
      "Said once.",
      "A new line.",
    ]);
  }, 60_000);
});
