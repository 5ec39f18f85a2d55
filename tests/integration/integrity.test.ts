// A table's integrity against careless networks and hostile clients, over real WebSockets: one
// room per table whatever the watchers, intents scoped to their sender, floods closed with their
// own code, and one connection per seat.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  closeCodes,
  type ErrorMessage,
  negotiationRoomName,
  outdatedProtocolCode,
  type TableView,
  tableProtocolVersion,
} from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, watchTokenOf } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded", { RECONNECT_GRACE_SECONDS: "30" });
});

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await server?.stop();
});

type Workshop = { workshopId: string; joinCode: string; instructorKey: string };

type Connection = {
  room: Room;
  views: TableView[];
  done: string[];
  errors: ErrorMessage[];
  closed: Promise<number>;
};

async function connect(options: Record<string, string>): Promise<Connection> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  room.reconnection.enabled = false;
  rooms.push(room);
  const connection: Connection = {
    room,
    views: [],
    done: [],
    errors: [],
    closed: new Promise((resolve) => room.onLeave((code) => resolve(code))),
  };
  followViews(room, (view: TableView) => connection.views.push(view));
  room.onMessage("done", (message: { intentId: string }) => connection.done.push(message.intentId));
  room.onMessage("error", (error: ErrorMessage) => connection.errors.push(error));
  room.onMessage("*", () => {});
  await waitFor(() => connection.views.length > 0, { what: "the first view" });
  return connection;
}

async function workshop(): Promise<Workshop> {
  return (await postJson<Workshop>(server.url, "/workshops", { scenarioId: "ukraine-2026", tables: 1 })).body;
}

async function seat(created: Workshop, role: string) {
  const joined = (
    await postJson<{ tableId: string; seatToken: string }>(server.url, "/join", {
      code: created.joinCode,
      name: `${role} player`,
      role,
    })
  ).body;
  return { tableId: joined.tableId, seatToken: joined.seatToken };
}

function say(connection: Connection, text: string, intentId: string = randomUUID()) {
  connection.room.send("command", { intentId, command: { type: "say", text } });
  return intentId;
}

describe("one table, one room", () => {
  it("keeps every seat in the room its watchers fill, and caps the watchers on their own", async () => {
    const created = await workshop();
    const europe = await seat(created, "europe");
    const watchToken = await watchTokenOf(server.url, created);
    const watchers: Connection[] = [];
    for (let index = 0; index < 50; index++) {
      watchers.push(await connect({ tableId: europe.tableId, watchToken }));
    }
    // The 51st watcher is told why; it does not open a second room.
    await expect(
      new Client(server.url).joinOrCreate(
        negotiationRoomName,
        withProtocol({ tableId: europe.tableId, watchToken }),
      ),
    ).rejects.toThrow(/already has 50 observers/);
    // Dropped instructor tabs hold reconnection slots; they must not push a seat out either.
    for (let index = 0; index < 5; index++) {
      const tab = await connect({ tableId: europe.tableId, instructorKey: created.instructorKey });
      (tab.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close(3000, "cut");
    }
    const player = await connect(europe);
    expect(new Set([...watchers, player].map((connection) => connection.room.roomId)).size).toBe(1);
    // The seat's chat reaches the watchers: they are at the same table.
    say(player, "Everyone here?");
    await waitFor(() => watchers[49]?.views.at(-1)?.publicChat.some((m) => m.text === "Everyone here?"), {
      what: "the line to reach a watcher",
    });
  });

  it("lets nobody watch without the observer link, and nobody in with a wrong one", async () => {
    const created = await workshop();
    const { tableId } = await seat(created, "us");
    await expect(
      new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol({ tableId })),
    ).rejects.toThrow(/observer link/);
    await expect(
      new Client(server.url).joinOrCreate(
        negotiationRoomName,
        withProtocol({ tableId, watchToken: "x".repeat(32) }),
      ),
    ).rejects.toThrow(/observer link is not valid/);
  });

  it("tells a client of another protocol version, or of none, to reload, and lets a current one in", async () => {
    const created = await workshop();
    const { tableId, seatToken } = await seat(created, "us");
    for (const protocol of [undefined, tableProtocolVersion - 1, tableProtocolVersion + 1]) {
      const joining = new Client(server.url).joinOrCreate(negotiationRoomName, {
        tableId,
        seatToken,
        ...(protocol === undefined ? {} : { protocol }),
      });
      await expect(joining).rejects.toMatchObject({ code: outdatedProtocolCode });
      await expect(joining).rejects.toThrow(/Reload the page/);
    }
    const current = await connect({ tableId, seatToken });
    await waitFor(() => current.views.at(-1)?.me?.role === "us", { what: "the seat's view" });
  });
});

describe("an intent id", () => {
  it("answers only for its own sender: the same id from another seat or a watcher does not pass as done", async () => {
    const created = await workshop();
    const europeSeat = await seat(created, "europe");
    const europe = await connect(europeSeat);
    const russia = await connect(await seat(created, "russia"));
    const watcher = await connect({
      tableId: europeSeat.tableId,
      watchToken: await watchTokenOf(server.url, created),
    });
    const shared = randomUUID();
    say(europe, "From Brussels.", shared);
    await waitFor(() => europe.done.includes(shared));
    say(russia, "From Moscow.", shared);
    await waitFor(() => russia.done.includes(shared), { what: "Russia's own intent to be done" });
    say(watcher, "From the gallery.", shared);
    await waitFor(() => watcher.errors.some((error) => error.intentId === shared));
    expect(watcher.done).not.toContain(shared);
    await waitFor(() => europe.views.at(-1)?.publicChat.length === 2);
    expect(europe.views.at(-1)?.publicChat.map((m) => [m.from, m.text])).toEqual([
      ["europe", "From Brussels."],
      ["russia", "From Moscow."],
    ]);
  });
});

describe("a flood", () => {
  it("closes the connection at once with its own code, and keeps the seat for its holder", async () => {
    const created = await workshop();
    const token = await seat(created, "ukraine");
    const ukraine = await connect(token);
    const started = Date.now();
    for (let index = 0; index < 300; index++) say(ukraine, `spam ${index}`);
    const code = await ukraine.closed;
    expect(code).toBe(closeCodes.flooded);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ukraine.errors.map((error) => error.code)).toContain("flooded");
    // Its seat is kept like any dropped seat's: the holder comes back to it.
    const back = await connect(token);
    expect(back.views.at(-1)?.me?.role).toBe("ukraine");
    const line = say(back, "Sorry about that.");
    await waitFor(() => back.done.includes(line), { what: "the returning holder to act" });
  });
});

describe("a seat", () => {
  it("is held by one connection: a newer one takes over and the older one is told why and closed", async () => {
    const created = await workshop();
    const token = await seat(created, "us");
    const first = await connect(token);
    const second = await connect(token);
    expect(await first.closed).toBe(closeCodes.seatReplaced);
    expect(first.errors.map((error) => error.code)).toContain("seat-replaced");
    const line = say(second, "Now from my laptop.");
    await waitFor(() => second.done.includes(line));
    expect(second.views.at(-1)?.seats.find((s) => s.role === "us")?.occupied).toBe(true);
  });
});
