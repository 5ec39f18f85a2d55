// Erasing one student's name and words on request, against a real server and database: the
// stored log loses them (events kept, marked erased), and so do the views, the replay, the
// debrief and the exports, while the game the log folds to stays the same.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  consoleMessages,
  consoleRoomName,
  erasedStudentName,
  eventSchema,
  fold,
  followViews,
  initialTableState,
  negotiationRoomName,
  type TableView,
  type TimelineEntry,
} from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
import { withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded");
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

type Seat = { views: TableView[]; act(command: Record<string, unknown>): Promise<void> };

async function sit(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const done: string[] = [];
  const views: TableView[] = [];
  room.onMessage("done", (message: { intentId: string }) => done.push(message.intentId));
  room.onMessage("*", () => {});
  followViews(room, (view) => views.push(view));
  return {
    views,
    async act(command) {
      const intentId = randomUUID();
      room.send("command", { intentId, command });
      await waitFor(() => done.includes(intentId), { what: `${String(command.type)} to be done` });
    },
  };
}

/** Words only the Ukrainian student wrote, and their name: none may survive the erasure. */
const secrets = [
  "Olena Kovalenko",
  "our fallback is the Dnipro",
  "between us, Washington",
  "no, never this",
  "I leave, Olena",
];

async function playedTable() {
  const workshop = (
    await postJson(server.url, "/workshops", {
      scenarioId: "ukraine-2026",
      variant: "back-channel",
      tables: 1,
    })
  ).body;
  const seats: Record<string, Seat> = {};
  let tableId = "";
  for (const role of ["us", "ukraine", "europe", "russia"]) {
    const name = role === "ukraine" ? "Olena Kovalenko" : `${role} student`;
    const joined = (await postJson(server.url, "/join", { code: workshop.joinCode, name, role })).body;
    tableId = joined.tableId as string;
    seats[role] = await sit({ tableId, seatToken: joined.seatToken as string });
  }
  const instructor = await sit({ tableId, instructorKey: workshop.instructorKey as string });
  await waitFor(async () => (await server.database.prisma.event.count({ where: { tableId } })) >= 4);
  const [us, ukraine] = [seats.us as Seat, seats.ukraine as Seat];
  await instructor.act({ type: "start" });
  await instructor.act({ type: "start" });
  await ukraine.act({ type: "say", text: "our fallback is the Dnipro" });
  await ukraine.act({ type: "say", to: "us", text: "between us, Washington" });
  await us.act({ type: "say", text: "We hear you" });
  await us.act({ type: "set-option", issue: "territory", option: "deferred" });
  await us.act({ type: "table-draft" });
  await ukraine.act({ type: "object", version: 1, issues: ["territory"], note: "no, never this" });
  await ukraine.act({ type: "pass" });
  await ukraine.act({ type: "walk-out", note: "I leave, Olena" });
  return { workshop, tableId, us, instructor };
}

async function get(path: string, key: string) {
  const response = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, text: await response.text() };
}

function erase(workshopId: string, tableId: string, role: string, key?: string) {
  return fetch(`${server.url}/api/workshops/${workshopId}/tables/${tableId}/seats/${role}/erase`, {
    method: "POST",
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
}

describe("erasing a student's name and words", () => {
  it("removes them from the stored log, views, replay, debrief and exports, and leaves the game as played", async () => {
    const { workshop, tableId, us } = await playedTable();
    const key = workshop.instructorKey as string;
    const workshopId = workshop.workshopId as string;
    const prisma = server.database.prisma;
    const rowsBefore = await prisma.event.findMany({ where: { tableId }, orderBy: { seq: "asc" } });
    const config = { scenario: "ukraine-2026", variant: "back-channel" } as const;
    const stateBefore = fold(
      initialTableState(config),
      rowsBefore.map((row) => eventSchema.parse(row.payload)),
    );
    expect(stateBefore.phase).toBe("concluded");
    const timelineBefore = JSON.parse((await get(`/tables/${tableId}/timeline?as=instructor`, key)).text) as {
      events: TimelineEntry[];
    };
    // Read before, so a debrief and a replay cached from the log are there to go stale.
    const debriefPath = `/workshops/${workshopId}/tables/${tableId}/debrief`;
    expect((await get(debriefPath, key)).text).toContain("between us, Washington");
    expect((await get(`/tables/${tableId}/replay?as=instructor`, key)).text).toContain("Olena Kovalenko");

    // The instructor's console, open: its walk-out alert quotes the note.
    const console = await new Client(server.url).joinOrCreate(consoleRoomName, {
      workshopId,
      instructorKey: key,
    });
    rooms.push(console);
    const snapshots: string[] = [];
    console.onMessage(consoleMessages.snapshot, (snapshot: unknown) =>
      snapshots.push(JSON.stringify(snapshot)),
    );
    console.onMessage("*", () => {});
    await waitFor(() => snapshots[0]?.includes("I leave, Olena"), { what: "the console's first snapshot" });

    expect((await erase(workshopId, tableId, "ukraine")).status).toBe(401);
    expect((await erase(workshopId, tableId, "ukraine", "not-the-key")).status).toBe(403);
    const missing = await erase(workshopId, tableId, "china", key);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "no-such-seat" } });

    const answer = await erase(workshopId, tableId, "ukraine", key);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      table: 1,
      role: "ukraine",
      erased: { names: 1, messages: 2, notes: 2 },
    });

    // The stored log: the same events in the same order, without the name and the words.
    const rowsAfter = await prisma.event.findMany({ where: { tableId }, orderBy: { seq: "asc" } });
    expect(rowsAfter.map((row) => [row.seq, row.type, row.actor])).toEqual(
      rowsBefore.map((row) => [row.seq, row.type, row.actor]),
    );
    const stored = JSON.stringify(rowsAfter.map((row) => row.payload));
    for (const words of secrets) expect(stored).not.toContain(words);
    expect(stored).toContain("We hear you");
    expect(stored).toContain("us student");
    const erasedRows = rowsAfter.filter((row) => (row.payload as { erased?: boolean }).erased);
    expect(erasedRows.map((row) => row.type).sort()).toEqual(
      ["message-sent", "message-sent", "seat-claimed", "version-objected", "walked-out"].sort(),
    );
    const seat = await prisma.seat.findFirstOrThrow({ where: { tableId, role: "ukraine" } });
    expect(seat.displayName).toBe(erasedStudentName);

    // Still replayable: it folds to the same game, names and words apart.
    const stateAfter = fold(
      initialTableState(config),
      rowsAfter.map((row) => eventSchema.parse(row.payload)),
    );
    expect(stateAfter.outcome).toEqual(stateBefore.outcome);
    expect(stateAfter.versions).toEqual(
      stateBefore.versions.map((version) => ({
        ...version,
        responses: {
          ...version.responses,
          ukraine: { ...version.responses.ukraine, note: "" },
        },
      })),
    );
    expect(stateAfter.seats.ukraine?.occupant).toBe(erasedStudentName);
    const timelineAfter = JSON.parse((await get(`/tables/${tableId}/timeline?as=instructor`, key)).text) as {
      events: TimelineEntry[];
    };
    expect(timelineAfter.events.map((entry) => entry.type)).toEqual(
      timelineBefore.events.map((entry) => entry.type),
    );

    // Every way out of the server: replay at every step, debrief, exports, the overview.
    const reads = [
      `/tables/${tableId}/timeline?as=instructor`,
      ...timelineAfter.events.map((entry) => `/tables/${tableId}/replay?as=instructor&at=${entry.seq}`),
      `/tables/${tableId}/replay?as=us`,
      debriefPath,
      `/workshops/${workshopId}/class`,
      `/workshops/${workshopId}/log.json`,
      `/workshops/${workshopId}/log.csv`,
      `/workshops/${workshopId}/tables/${tableId}/versions.csv`,
      `/workshops/${workshopId}`,
    ];
    for (const path of reads) {
      const read = await get(path, key);
      expect(read.status, path).toBe(200);
      for (const words of secrets) expect(read.text, path).not.toContain(words);
    }
    const replay = JSON.parse((await get(`/tables/${tableId}/replay?as=instructor`, key)).text) as {
      view: TableView;
    };
    expect(replay.view.seats.find((candidate) => candidate.role === "ukraine")?.occupant).toBe(
      erasedStudentName,
    );
    expect(replay.view.publicChat.map((message) => message.text)).toEqual(["", "We hear you"]);
    // The debrief read before was cached: it is made again, the private message kept, its text gone.
    expect((await get(debriefPath, key)).text).toContain(
      '"privateMessages":[{"from":"ukraine","to":"us","text":""',
    );

    // A connection still at the table gets the erased view at once.
    await waitFor(
      () => {
        const latest = us.views.at(-1);
        return latest?.publicChat[0]?.text === "" && !JSON.stringify(latest).includes("Olena");
      },
      { what: "the live view without the erased words" },
    );

    // The console reads its alerts and tiles again: the walk-out still there, its note gone.
    const rebuilt = await waitFor(() => snapshots[1], { what: "the console's snapshot after the erasure" });
    expect(rebuilt).toContain("Ukraine walked out.");
    expect(rebuilt).toContain(erasedStudentName);
    for (const words of secrets) expect(rebuilt).not.toContain(words);

    // Logged by ids and counts only.
    const line = await waitFor(() =>
      server.records.find((record) => record.msg.startsWith("erased the name and words")),
    );
    expect(line).toMatchObject({ tableId, role: "ukraine", names: 1, messages: 2, notes: 2 });
    for (const words of secrets) expect(JSON.stringify(server.records)).not.toContain(words);
  });
});
