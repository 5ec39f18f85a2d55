// The table room end to end over real WebSockets: a real server on a free port, a real database,
// and Colyseus SDK clients as the browser uses them.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import type { ErrorMessage, EventMessage } from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/server.ts";
import { upgradeStatus } from "../support/upgrade.ts";
import { waitFor } from "../support/wait.ts";

type Participants = { forEach(cb: (value: { name: string }, key: string) => void): void };
type Seen = { events: EventMessage[]; errors: ErrorMessage[]; history: EventMessage[][] };

let server: Awaited<ReturnType<typeof startTestServer>>;
const open: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded");
});

afterAll(async () => {
  // leave() on a room already left never settles, so only the open ones.
  await Promise.all(open.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

async function join(name: string, table: number): Promise<{ room: Room; seen: Seen }> {
  const room = await new Client(server.url).joinOrCreate("table", { name, table });
  open.push(room);
  const seen: Seen = { events: [], errors: [], history: [] };
  room.onMessage("event", (event: EventMessage) => seen.events.push(event));
  room.onMessage("error", (error: ErrorMessage) => seen.errors.push(error));
  room.onMessage("history", (events: EventMessage[]) => seen.history.push(events));
  return { room, seen };
}

function names(room: Room): string[] {
  const list: string[] = [];
  // Undefined until the first state arrives, just after the join resolves.
  (room.state as { participants?: Participants } | undefined)?.participants?.forEach((p) => {
    list.push(p.name);
  });
  return list.sort();
}

async function eventCount(): Promise<number> {
  return server.database.prisma.event.count();
}

describe("presence", () => {
  it("shows a second participant to the first within a second, and removes them when they leave", async () => {
    const ada = await join("Ada", 1);
    await waitFor(() => names(ada.room).includes("Ada"), { what: "Ada to see herself" });
    const joinedAt = performance.now();
    const bo = await join("Bo", 1);
    await waitFor(() => names(ada.room).includes("Bo"), {
      timeout: 1_000,
      what: "Bo in Ada's presence list",
    });
    const latency = performance.now() - joinedAt;
    console.log(`presence latency (join requested → visible to the other client): ${latency.toFixed(0)} ms`);
    await waitFor(() => names(bo.room).length === 2, { what: "Bo's own list" });
    expect(names(bo.room)).toEqual(["Ada", "Bo"]);

    await bo.room.leave();
    await waitFor(() => !names(ada.room).includes("Bo"), { timeout: 1_000, what: "Bo to leave Ada's list" });
    expect(names(ada.room)).toEqual(["Ada"]);
  });

  it("keeps tables apart", async () => {
    const one = await join("Cy", 2);
    const two = await join("Di", 3);
    await waitFor(() => names(one.room).includes("Cy") && names(two.room).includes("Di"));
    expect(names(one.room)).toEqual(["Cy"]);
    expect(names(two.room)).toEqual(["Di"]);
  });

  it("refuses to seat someone without a name, saying why", async () => {
    await expect(new Client(server.url).joinOrCreate("table", { name: "   ", table: 1 })).rejects.toThrow(
      /Enter a display name/,
    );
    await expect(new Client(server.url).joinOrCreate("table", { name: "Eve", table: 99 })).rejects.toThrow(
      /table number is a whole number from 1 to 30/,
    );
  });
});

describe("the ping intent", () => {
  it("is stored in the log, then broadcast to everyone at the table", async () => {
    const ada = await join("Ada", 4);
    const bo = await join("Bo", 4);
    const before = await eventCount();
    const intentId = randomUUID();
    ada.room.send("ping", { intentId, note: "hello table" });
    const [received] = await waitFor(() => bo.seen.events.length > 0 && bo.seen.events, {
      what: "Bo to get the ping",
    });
    expect(received).toMatchObject({
      type: "pinged",
      actor: "guest:Ada",
      payload: { intentId, note: "hello table" },
    });
    await waitFor(() => ada.seen.events.length > 0);
    expect(ada.seen.events[0]?.seq).toBe(received?.seq);
    // Broadcast only after the append: the row is there with the same number.
    const row = await server.database.prisma.event.findFirst({
      where: { payload: { path: ["intentId"], equals: intentId } },
    });
    expect(row?.seq).toBe(received?.seq);
    expect(await eventCount()).toBe(before + 1);
  });

  it("acts once on an intent sent twice, as the SDK may resend after a reconnect", async () => {
    const ada = await join("Ada", 5);
    const intentId = randomUUID();
    ada.room.send("ping", { intentId });
    ada.room.send("ping", { intentId });
    const marker = randomUUID();
    ada.room.send("ping", { intentId: marker });
    await waitFor(() => ada.seen.events.some((event) => event.payload.intentId === marker));
    expect(ada.seen.events.filter((event) => event.payload.intentId === intentId)).toHaveLength(1);
  });

  it("gives a newcomer the table's recent history", async () => {
    const ada = await join("Ada", 6);
    ada.room.send("ping", { intentId: randomUUID(), note: "before you came" });
    await waitFor(() => ada.seen.events.length > 0);
    const late = await join("Late", 6);
    const [history] = await waitFor(() => late.seen.history.length > 0 && late.seen.history);
    expect(history?.map((event) => event.payload.note)).toContain("before you came");
  });
});

describe("malformed messages", () => {
  it("get a clear error reply and leave the room and the log untouched", async () => {
    const ada = await join("Ada", 7);
    const bo = await join("Bo", 7);
    await waitFor(() => names(ada.room).length === 2);
    const before = await eventCount();

    ada.room.send("ping", { intentId: "not-a-uuid", note: 42 });
    ada.room.send("ping", { intentId: randomUUID(), admin: true });
    ada.room.send("ping", "just a string");
    ada.room.send("ping");
    ada.room.send("launch", { intentId: randomUUID() });
    ada.room.send(7, { intentId: randomUUID() });
    await waitFor(() => ada.seen.errors.length === 6, { what: "six error replies" });

    const [badFields, extraField, notObject, empty, unknown, numeric] = ada.seen.errors;
    expect(badFields).toMatchObject({ code: "invalid-message", intent: "ping", intentId: "not-a-uuid" });
    expect(badFields?.issues?.map((issue) => issue.path).sort()).toEqual(["intentId", "note"]);
    expect(badFields?.message).toMatch(/intentId: intentId must be a UUID/);
    expect(extraField?.code).toBe("invalid-message");
    expect(extraField?.message).toMatch(/admin/);
    expect(notObject?.code).toBe("invalid-message");
    expect(empty?.code).toBe("invalid-message");
    expect(unknown).toMatchObject({ code: "unknown-intent" });
    expect(unknown?.message).toMatch(/"launch".*Known messages: ping/);
    expect(numeric?.code).toBe("unknown-intent");

    // Nothing was appended or broadcast; the sender is still seated and can act.
    expect(await eventCount()).toBe(before);
    expect(bo.seen.events).toEqual([]);
    expect(bo.seen.errors).toEqual([]);
    expect(names(bo.room)).toEqual(["Ada", "Bo"]);
    const intentId = randomUUID();
    ada.room.send("ping", { intentId });
    await waitFor(() => bo.seen.events.some((event) => event.payload.intentId === intentId));
  });

  it("that cannot even be decoded get an error reply, and the sender keeps its seat", async () => {
    const ada = await join("Ada", 9);
    await waitFor(() => names(ada.room).length === 1);
    const before = await eventCount();
    // ROOM_DATA (13), the string "ping", then bytes that are not valid msgpack.
    ada.room.connection.send(new Uint8Array([13, 0xa4, ...Buffer.from("ping"), 0xc1, 0xff, 0xc1]));
    const [error] = await waitFor(() => ada.seen.errors.length > 0 && ada.seen.errors, {
      what: "an error reply",
    });
    expect(error).toMatchObject({ code: "invalid-message" });
    expect(error?.message).toMatch(/could not be decoded/);
    expect(ada.room.connection.isOpen).toBe(true);
    const intentId = randomUUID();
    ada.room.send("ping", { intentId });
    await waitFor(() => ada.seen.events.some((event) => event.payload.intentId === intentId));
    expect(await eventCount()).toBe(before + 1);
  });

  it("are rate limited with a reply rather than a disconnect", async () => {
    const ada = await join("Ada", 8);
    for (let i = 0; i < 30; i++) ada.room.send("ping", { intentId: randomUUID() });
    await waitFor(() => ada.seen.errors.some((error) => error.code === "rate-limited"), {
      what: "a rate-limit reply",
    });
    expect(ada.seen.errors.find((error) => error.code === "rate-limited")?.message).toMatch(
      /at most 20 a second/,
    );
    await waitFor(() => ada.seen.events.length >= 20);
    expect(ada.room.connection.isOpen).toBe(true);
  });
});

describe("origins", () => {
  const upgrade = (origin: string) => upgradeStatus(`${server.url}/some-room-id?sessionId=x`, origin);

  it("refuses a WebSocket opened by a page from another site", async () => {
    expect(await upgrade("https://evil.example")).toBe(403);
  });

  it("gives no cross-site permission on HTTP routes", async () => {
    const response = await fetch(`${server.url}/__healthcheck`, {
      headers: { Origin: "https://evil.example" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
