// The database goes away mid-negotiation: intents are refused with a clear error, nothing is half
// done (no event stored, no client told of a change), and play resumes when the database is back.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import { type ErrorMessage, negotiationRoomName, type TableView } from "@red-lines/shared/engine";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { postJson } from "../support/api.ts";
import { cutDatabase } from "../support/postgres.ts";
import { startTestServer } from "../support/server.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("postgresql");
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

type Seat = { room: Room; views: TableView[]; errors: ErrorMessage[]; done: string[] };

async function sit(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const seat: Seat = { room, views: [], errors: [], done: [] };
  followViews(room, (view: TableView) => seat.views.push(view));
  room.onMessage("error", (error: ErrorMessage) => seat.errors.push(error));
  room.onMessage("done", (message: { intentId: string }) => seat.done.push(message.intentId));
  room.onMessage("*", () => {});
  return seat;
}

async function act(seat: Seat, command: Record<string, unknown>): Promise<string> {
  const intentId = randomUUID();
  seat.room.send("command", { intentId, command });
  await waitFor(() => seat.done.includes(intentId) || seat.errors.some((e) => e.intentId === intentId), {
    timeout: 15_000,
    what: `${String(command.type)} to be answered`,
  });
  return intentId;
}

describe("a database outage", () => {
  it("refuses intents with a clear error, stores and tells nothing, and play resumes afterwards", async () => {
    const post = async (path: string, body: unknown) => (await postJson(server.url, path, body)).body;
    const workshop = await post("/workshops", { scenarioId: "ukraine-2026", tables: 1, turnSeconds: 600 });
    const seats: Record<string, Seat> = {};
    let tableId = "";
    for (const role of ["us", "ukraine", "europe", "russia"]) {
      const joined = await post("/join", { code: workshop.joinCode, name: role, role });
      tableId = joined.tableId as string;
      seats[role] = await sit({ tableId, seatToken: joined.seatToken as string });
    }
    const instructor = await sit({
      tableId,
      instructorKey: workshop.instructorKey as string,
    });
    await waitFor(() => instructor.views.at(-1)?.seats.every((seat) => seat.occupied));
    await act(instructor, { type: "start" });
    await act(instructor, { type: "start" });
    const us = seats.us as Seat;
    await act(us, { type: "set-option", issue: "territory", option: "deferred" });
    const eventsBefore = await server.database.prisma.event.count({ where: { tableId } });
    const viewsBefore = (seats.russia as Seat).views.length;

    // The server's database, by name (its location reads host:port/name).
    const name = server.database.location.split("/").at(-1) as string;
    const admin = new pg.Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    try {
      await cutDatabase(admin, name, false);
      const refused = await act(us, { type: "set-option", issue: "ceasefire", option: "current-line" });
      const error = us.errors.find((e) => e.intentId === refused);
      expect(error?.code).toBe("unavailable");
      expect(error?.message).toMatch(/could not be saved, so nothing was done/);
      // Nobody was told of a change that did not happen.
      expect((seats.russia as Seat).views.length).toBe(viewsBefore);
      expect(us.views.at(-1)?.draft).toEqual({ territory: "deferred" });
    } finally {
      await cutDatabase(admin, name, true);
      await admin.end();
    }

    // Back: the same move now goes through, once, and the log holds exactly what clients saw.
    await waitFor(
      async () => {
        const intentId = await act(us, { type: "set-option", issue: "ceasefire", option: "current-line" });
        return us.done.includes(intentId);
      },
      { timeout: 20_000, interval: 500, what: "the database to be usable again" },
    );
    await waitFor(() => (seats.russia as Seat).views.at(-1)?.draft.ceasefire === "current-line");
    const events = await server.database.prisma.event.findMany({
      where: { tableId },
      orderBy: { seq: "asc" },
    });
    expect(events.length).toBe(eventsBefore + 1);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
  });
});
