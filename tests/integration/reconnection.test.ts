// Reconnection over real WebSockets: a seat whose connection drops keeps its place for the grace
// period (short here) and resumes with the full view; after it the seat is free.

import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  type ConsoleResultsMessage,
  closeCodes,
  consoleRoomName,
  negotiationRoomName,
  type TableView,
} from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, watchTokenOf } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

const graceSeconds = 2;
let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded", { RECONNECT_GRACE_SECONDS: String(graceSeconds) });
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

/** A console for the workshop that runs one command at table 1 and waits for its answer. */
async function consoleOf(url: string, workshop: Record<string, string>) {
  const desk = await new Client(url).joinOrCreate(consoleRoomName, {
    workshopId: workshop.workshopId,
    instructorKey: workshop.instructorKey,
  });
  rooms.push(desk);
  const results: ConsoleResultsMessage[] = [];
  desk.onMessage("results", (message: ConsoleResultsMessage) => results.push(message));
  desk.onMessage("*", () => {});
  return async (command: Record<string, unknown>) => {
    const intentId = randomUUID();
    desk.send("command", { intentId, tables: [1], command });
    return (await waitFor(() => results.find((message) => message.intentId === intentId))).results;
  };
}

describe("a dropped seat", () => {
  /** Cuts the socket as a network failure would (not a consented leave). */
  function cut(room: Room) {
    (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close(3000, "network lost");
  }

  async function seatOn(target: typeof server) {
    const post = async (path: string, body: unknown) => (await postJson(target.url, path, body)).body;
    const workshop = await post("/workshops", { scenarioId: "ukraine-2026", tables: 1 });
    const joined = await post("/join", { code: workshop.joinCode, name: "Dana", role: "europe" });
    const room = await new Client(target.url).joinOrCreate(
      negotiationRoomName,
      withProtocol({
        tableId: joined.tableId,
        seatToken: joined.seatToken,
      }),
    );
    room.reconnection.enabled = false; // the test reconnects by hand, to control the timing
    room.onMessage("*", () => {});
    const observer = await new Client(target.url).joinOrCreate(
      negotiationRoomName,
      withProtocol({
        tableId: joined.tableId,
        watchToken: await watchTokenOf(target.url, workshop as { workshopId: string; instructorKey: string }),
      }),
    );
    const views: TableView[] = [];
    followViews(observer, (view: TableView) => views.push(view));
    observer.onMessage("*", () => {});
    rooms.push(room, observer);
    await waitFor(() => views.at(-1)?.seats.find((seat) => seat.role === "europe")?.occupied);
    return { room, views, url: target.url, workshop, joined };
  }

  it("keeps its place through a reconnect within the grace period, with the full view", async () => {
    const { room, views, url } = await seatOn(server);
    const token = room.reconnectionToken;
    cut(room);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const back = await new Client(url).reconnect(token);
    const view = await new Promise<TableView>((resolve) => followViews(back, resolve));
    rooms.push(back);
    expect(view.me?.role ?? view.perspective).toBe("europe");
    expect(views.at(-1)?.seats.find((seat) => seat.role === "europe")?.occupied).toBe(true);
  });

  it("is freed after the grace period, so the instructor may reassign it", async () => {
    const { room, views, url } = await seatOn(server);
    const token = room.reconnectionToken;
    cut(room);
    await waitFor(() => views.at(-1)?.seats.find((seat) => seat.role === "europe")?.occupied === false, {
      timeout: (graceSeconds + 3) * 1000,
      what: "the seat to be freed",
    });
    await expect(new Client(url).reconnect(token)).rejects.toThrow();
  });

  it("can be given to someone new once the instructor releases it, and the old link stops working", async () => {
    const { room, views, url, workshop, joined } = await seatOn(server);
    cut(room);
    await waitFor(() => views.at(-1)?.seats.find((seat) => seat.role === "europe")?.occupied === false, {
      timeout: (graceSeconds + 3) * 1000,
      what: "the seat to be freed",
    });
    const join = (name: string) => postJson(url, "/join", { code: workshop.joinCode, name, role: "europe" });
    // Until the instructor decides, the seat stays its holder's: nobody else may take it.
    expect((await join("Eve")).body).toMatchObject({ error: { code: "seat-taken" } });

    const run = await consoleOf(url, workshop);
    expect(await run({ type: "release-seat", seat: "europe" })).toEqual([{ table: 1, status: "done" }]);

    const eve = await join("Eve");
    expect(eve.status).toBe(201);
    expect(eve.body.seatToken).not.toBe(joined.seatToken);
    const seated = await new Client(url).joinOrCreate(
      negotiationRoomName,
      withProtocol({
        tableId: eve.body.tableId,
        seatToken: eve.body.seatToken,
      }),
    );
    rooms.push(seated);
    seated.onMessage("*", () => {});
    await waitFor(() => views.at(-1)?.seats.find((seat) => seat.role === "europe")?.occupant === "Eve");
    await expect(
      new Client(url).joinOrCreate(
        negotiationRoomName,
        withProtocol({
          tableId: joined.tableId,
          seatToken: joined.seatToken,
        }),
      ),
    ).rejects.toThrow(/not valid for this table/);
  });
});

describe("a seat's access", () => {
  /** A seat on the SDK, with everything it hears. */
  async function seat(url: string, tableId: string, seatToken: string) {
    const room = await new Client(url).joinOrCreate(
      negotiationRoomName,
      withProtocol({ tableId, seatToken }),
    );
    room.reconnection.enabled = false;
    const views: TableView[] = [];
    const errors: { code: string; intentId?: string }[] = [];
    followViews(room, (view: TableView) => views.push(view));
    room.onMessage("error", (error: { code: string; intentId?: string }) => errors.push(error));
    room.onMessage("*", () => {});
    rooms.push(room);
    await waitFor(() => views.at(-1)?.me);
    return { room, views, errors };
  }

  async function workshopWith(url: string, roles: string[]) {
    const post = async (path: string, body: unknown) => (await postJson(url, path, body)).body;
    const workshop = await post("/workshops", { scenarioId: "ukraine-2026", tables: 1 });
    const joined: Record<string, Record<string, string>> = {};
    for (const role of roles)
      joined[role] = await post("/join", { code: workshop.joinCode, name: role, role });
    return { workshop, joined };
  }

  it("ends for good when the instructor releases it: its old reconnection is refused", async () => {
    const { workshop, joined } = await workshopWith(server.url, ["russia", "ukraine"]);
    const tableId = joined.russia?.tableId as string;
    const old = await seat(server.url, tableId, joined.russia?.seatToken as string);
    const token = old.room.reconnectionToken;
    const closed = new Promise<number>((resolve) => old.room.onLeave((code) => resolve(code)));
    const run = await consoleOf(server.url, workshop);
    expect(await run({ type: "release-seat", seat: "russia" })).toEqual([{ table: 1, status: "done" }]);
    expect(await closed).toBe(closeCodes.seatRevoked);

    // Someone new takes Russia with the code; Ukraine writes to them privately.
    const newcomer = await postJson(server.url, "/join", {
      code: workshop.joinCode,
      name: "Nina",
      role: "russia",
    });
    expect(newcomer.status).toBe(201);
    const nina = await seat(
      server.url,
      tableId,
      (newcomer.body as Record<string, string>).seatToken as string,
    );
    const ukraine = await seat(server.url, tableId, joined.ukraine?.seatToken as string);
    ukraine.room.send("command", {
      intentId: randomUUID(),
      command: { type: "say", to: "russia", text: "For Nina only" },
    });
    await waitFor(() => nina.views.at(-1)?.privateChannels.length);

    // The released player tries its old reconnection token: refused, nothing received.
    await expect(new Client(server.url).reconnect(token)).rejects.toThrow();
  });

  it("ends when the seat is left: the open connection sees what an observer sees and cannot act", async () => {
    const { workshop, joined } = await workshopWith(server.url, ["russia"]);
    const tableId = joined.russia?.tableId as string;
    const russia = await seat(server.url, tableId, joined.russia?.seatToken as string);
    russia.room.send("command", { intentId: randomUUID(), command: { type: "leave-seat" } });
    await waitFor(() => russia.views.at(-1)?.me === null && russia.views.at(-1)?.perspective === "observer", {
      what: "an observer's view after leaving the seat",
    });

    // A bot takes the seat; the old connection's words are not Russia's.
    const run = await consoleOf(server.url, workshop);
    expect(await run({ type: "assign-seat", seat: "russia", bot: "boulware" })).toEqual([
      { table: 1, status: "done" },
    ]);
    const intentId = randomUUID();
    russia.room.send("command", { intentId, command: { type: "say", text: "I am still Russia" } });
    await waitFor(() =>
      russia.errors.find((error) => error.intentId === intentId && error.code === "seat-lost"),
    );
    expect(russia.views.at(-1)?.publicChat.map((m) => m.text)).not.toContain("I am still Russia");
  });
});
