// Reconnection over real WebSockets: a seat whose connection drops keeps its place for the grace
// period (short here) and resumes with the full view; after it the seat is free.

import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  type ConsoleResultsMessage,
  consoleRoomName,
  negotiationRoomName,
  type TableView,
} from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
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

describe("a dropped seat", () => {
  /** Cuts the socket as a network failure would (not a consented leave). */
  function cut(room: Room) {
    (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close(3000, "network lost");
  }

  async function seatOn(target: typeof server) {
    const post = async (path: string, body: unknown) => (await postJson(target.url, path, body)).body;
    const workshop = await post("/workshops", { scenarioId: "ukraine-2026", tables: 1 });
    const joined = await post("/join", { code: workshop.joinCode, name: "Dana", role: "europe" });
    const room = await new Client(target.url).joinOrCreate(negotiationRoomName, {
      tableId: joined.tableId,
      seatToken: joined.seatToken,
    });
    room.reconnection.enabled = false; // the test reconnects by hand, to control the timing
    room.onMessage("*", () => {});
    const observer = await new Client(target.url).joinOrCreate(negotiationRoomName, {
      tableId: joined.tableId,
    });
    const views: TableView[] = [];
    observer.onMessage("view", (view: TableView) => views.push(view));
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
    const view = await new Promise<TableView>((resolve) => back.onMessage("view", resolve));
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

    const desk = await new Client(url).joinOrCreate(consoleRoomName, {
      workshopId: workshop.workshopId,
      instructorKey: workshop.instructorKey,
    });
    rooms.push(desk);
    const results: ConsoleResultsMessage[] = [];
    desk.onMessage("results", (message: ConsoleResultsMessage) => results.push(message));
    desk.onMessage("*", () => {});
    const intentId = randomUUID();
    desk.send("command", { intentId, tables: [1], command: { type: "release-seat", seat: "europe" } });
    const answer = await waitFor(() => results.find((message) => message.intentId === intentId));
    expect(answer.results).toEqual([{ table: 1, status: "done" }]);

    const eve = await join("Eve");
    expect(eve.status).toBe(201);
    expect(eve.body.seatToken).not.toBe(joined.seatToken);
    const seated = await new Client(url).joinOrCreate(negotiationRoomName, {
      tableId: eve.body.tableId,
      seatToken: eve.body.seatToken,
    });
    rooms.push(seated);
    seated.onMessage("*", () => {});
    await waitFor(() => views.at(-1)?.seats.find((seat) => seat.role === "europe")?.occupant === "Eve");
    await expect(
      new Client(url).joinOrCreate(negotiationRoomName, {
        tableId: joined.tableId,
        seatToken: joined.seatToken,
      }),
    ).rejects.toThrow(/not valid for this table/);
  });
});
