// Hostile and broken input against a real server: a flood of random and malformed messages
// leaves the server up and the log valid; a fault in one table's handler touches no other table.
import { randomUUID } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { Client, type Room } from "@colyseus/sdk";
import {
  createRandom,
  eventSchema,
  fold,
  initialTableState,
  negotiationRoomName,
  type TableView,
} from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
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

async function post(route: string, body: unknown) {
  return (await postJson(server.url, route, body)).body;
}

type Connection = { room: Room; views: TableView[]; replies: { type: string; payload: unknown }[] };

async function connect(options: Record<string, string>): Promise<Connection> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const connection: Connection = { room, views: [], replies: [] };
  followViews(room, (view) => connection.views.push(view));
  room.onMessage("*", (type, payload) => {
    if (type !== "view" && type !== "patch") connection.replies.push({ type: String(type), payload });
  });
  return connection;
}

async function table(tables = 1) {
  const workshop = await post("/workshops", { scenarioId: "ukraine-2026", tables });
  const seats: Connection[] = [];
  const tableIds: string[] = [];
  for (let t = 0; t < tables; t++) {
    for (const role of ["us", "ukraine", "europe", "russia"]) {
      const joined = await post("/join", { code: workshop.joinCode, name: role, role, table: t + 1 });
      tableIds[t] = joined.tableId as string;
      seats.push(await connect({ tableId: joined.tableId as string, seatToken: joined.seatToken as string }));
    }
  }
  const instructors = await Promise.all(
    tableIds.map((tableId) => connect({ tableId, instructorKey: workshop.instructorKey as string })),
  );
  return { seats, instructors, tableIds };
}

/** A random value of any JSON shape, sometimes close to a real command. */
function junk(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = [
    "type",
    "issue",
    "option",
    "version",
    "to",
    "text",
    "territory",
    "nato",
    "accept",
    "start",
    "russia",
  ];
  switch (Math.floor(random() * (depth > 2 ? 4 : 7))) {
    case 0:
      return Math.floor(random() * 2 ** 31) * (random() < 0.5 ? -1 : 1);
    case 1:
      return pick(words).repeat(1 + Math.floor(random() * 3));
    case 2:
      return random() < 0.5 ? null : random() < 0.5;
    case 3:
      return "x".repeat(Math.floor(random() * 2000));
    case 4:
      return Array.from({ length: Math.floor(random() * 4) }, () => junk(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = 0; i < 1 + Math.floor(random() * 4); i++) object[pick(words)] = junk(random, depth + 1);
      return object;
    }
  }
}

function randomMessage(random: () => number): { type: string | number; payload: unknown } {
  const commandTypes = [
    "start",
    "set-option",
    "table-draft",
    "accept",
    "object",
    "pass",
    "say",
    "walk-out",
    "fly",
  ];
  const roll = random();
  if (roll < 0.15)
    return { type: random() < 0.5 ? "junk" : Math.floor(random() * 300), payload: junk(random) };
  if (roll < 0.3) return { type: "command", payload: junk(random) };
  if (roll < 0.45) return { type: "command", payload: { intentId: "not-a-uuid", command: junk(random) } };
  const command: Record<string, unknown> = {
    type: commandTypes[Math.floor(random() * commandTypes.length)],
  };
  if (random() < 0.8) command.issue = ["territory", "nato", "ceasefire", "bogus"][Math.floor(random() * 4)];
  if (random() < 0.8)
    command.option = ["deferred", "renounced", "current-line", "bogus", 7][Math.floor(random() * 5)];
  if (random() < 0.4) command.version = [1, 2, 0, -1, "1"][Math.floor(random() * 5)];
  if (random() < 0.3) command.text = junk(random);
  if (random() < 0.2) command.actor = "instructor";
  if (random() < 0.2) command.extra = junk(random);
  return { type: "command", payload: { intentId: randomUUID(), command } };
}

describe("a flood of random and malformed messages", () => {
  it("leaves the server up, every sender seated, and only valid events in the log", async () => {
    const { seats, instructors, tableIds } = await table();
    const [instructor] = instructors;
    if (!instructor) throw new Error("no instructor");
    const generator = createRandom(20261123);
    const random = () => generator.next();
    const senders = [...seats, instructor];
    const perSender = 200; // 1,000 messages in all
    for (let burst = 0; burst < perSender / 18; burst++) {
      for (const sender of senders) {
        for (let i = 0; i < 18 && burst * 18 + i < perSender; i++) {
          const message = randomMessage(random);
          sender.room.send(message.type as string, message.payload);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 1_050)); // stay under the per-second limit
    }
    // Every sender is still connected and the table still answers a valid command.
    for (const sender of senders) expect(sender.room.connection.isOpen).toBe(true);
    const replies = senders.reduce((count, sender) => count + sender.replies.length, 0);
    expect(replies).toBeGreaterThan(500);

    const rows = await server.database.prisma.event.findMany({
      where: { tableId: tableIds[0] as string },
      orderBy: { seq: "asc" },
    });
    const events = rows.map((row) => eventSchema.parse(row.payload));
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    const state = fold(initialTableState({ scenario: "ukraine-2026" }), events);
    expect(state.phase).toBe(instructor.views.at(-1)?.phase);
  }, 60_000);
});

describe("a fault in one table's handler", () => {
  it("is answered and contained: the other table plays on and nobody is disconnected", async () => {
    const { seats, instructors } = await table(2);
    const [faulty, healthy] = instructors;
    if (!faulty || !healthy) throw new Error("two instructors expected");
    // Inject a fault into table 1's room only, as a bug in a handler would be.
    const room = (await matchMaker.getLocalRoomById(faulty.room.roomId)) as unknown as {
      receive: () => void;
    };
    room.receive = () => {
      throw new Error("injected fault");
    };
    faulty.room.send("command", { intentId: randomUUID(), command: { type: "start" } });
    await waitFor(() => faulty.replies.some((reply) => reply.type === "error"), {
      what: "the fault to be answered",
    });
    expect(faulty.replies.find((reply) => reply.type === "error")?.payload).toMatchObject({
      code: "internal",
    });
    expect(server.logs.join("\n")).toMatch(/onMessage failed: .*injected fault/);

    const intentId = randomUUID();
    healthy.room.send("command", { intentId, command: { type: "start" } });
    await waitFor(() => healthy.views.at(-1)?.phase === "briefing", { what: "the other table to start" });
    for (const connection of [...seats, ...instructors]) expect(connection.room.connection.isOpen).toBe(true);
  });
});
