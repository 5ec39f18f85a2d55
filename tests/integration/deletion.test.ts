// Deleting a workshop against a real server and database: everything of it goes (tables, seats,
// events, settings), its live rooms close with a sentence, other workshops stay as they were, and
// scenario snapshots go only once no workshop and no stored studio scenario uses them.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import { closeCodes, consoleRoomName } from "@red-lines/shared/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { createWorkshop, playTable, type TestWorkshop, tablesOf } from "../support/dataServer.ts";
import { startTestServer } from "../support/server.ts";
import { joinTable } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded", { BOT_DELAY_MS: "60000" });
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

function remove(workshop: TestWorkshop, key = workshop.instructorKey) {
  return fetch(`${server.url}/api/workshops/${workshop.workshopId}`, {
    method: "DELETE",
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
}

/** What the database holds of a workshop: its row, tables, seats and events. */
async function holdings(workshopId: string) {
  const prisma = server.database.prisma;
  const tables = await prisma.table.findMany({ where: { workshopId }, select: { id: true } });
  const tableIds = tables.map((table) => table.id);
  return {
    workshop: await prisma.workshop.count({ where: { id: workshopId } }),
    tables: tables.length,
    seats: await prisma.seat.count({ where: { tableId: { in: tableIds } } }),
    events: await prisma.event.count({ where: { tableId: { in: tableIds } } }),
  };
}

/** How a room ended: its close code and the reason sent with it. */
function ending(room: Room): Promise<{ code: number; reason: string | undefined }> {
  return new Promise((resolve) => room.onLeave((code, reason) => resolve({ code, reason })));
}

describe("deleting a workshop", () => {
  it("deletes everything of it, closes its live rooms with a sentence and leaves other workshops alone", async () => {
    const doomed = await createWorkshop(server.url, 2);
    const kept = await createWorkshop(server.url, 1);
    const [first] = await tablesOf(server.url, doomed);
    const [keptTable] = await tablesOf(server.url, kept);
    if (!first || !keptTable) throw new Error("tables missing");
    // A student at the doomed workshop's first table, live; the instructor's console, live.
    const joined = await postJson(server.url, "/join", {
      code: doomed.joinCode,
      name: "Zoë Deletable",
      role: "ukraine",
      table: 1,
    });
    expect(joined.status).toBe(201);
    await playTable(server.url, first.id, doomed.instructorKey, false);
    await playTable(server.url, keptTable.id, kept.instructorKey, true);
    const student = await joinTable(server.url, {
      tableId: first.id,
      seatToken: joined.body.seatToken as string,
    });
    const console = await new Client(server.url).joinOrCreate(consoleRoomName, {
      workshopId: doomed.workshopId,
      instructorKey: doomed.instructorKey,
    });
    rooms.push(student, console);
    student.onMessage("*", () => {});
    console.onMessage("*", () => {});
    const studentEnd = ending(student);
    const consoleEnd = ending(console);
    const before = await holdings(doomed.workshopId);
    expect(before).toMatchObject({ workshop: 1, tables: 2, seats: 1 });
    expect(before.events).toBeGreaterThan(4);
    const keptBefore = await holdings(kept.workshopId);
    const snapshot = (
      await server.database.prisma.workshop.findUniqueOrThrow({ where: { id: kept.workshopId } })
    ).scenarioHash;

    // Who may delete: the instructor key, and nobody else.
    expect((await remove(doomed, "")).status).toBe(401);
    expect((await remove(doomed, "not-the-key")).status).toBe(403);
    expect(await holdings(doomed.workshopId)).toEqual(before);

    const answer = await remove(doomed);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      deleted: {
        workshopId: doomed.workshopId,
        tables: 2,
        seats: 1,
        events: before.events,
        snapshotsDeleted: 0,
      },
    });
    expect(await holdings(doomed.workshopId)).toEqual({ workshop: 0, tables: 0, seats: 0, events: 0 });

    // Its live rooms closed for good, saying why.
    expect(await studentEnd).toEqual({
      code: closeCodes.workshopDeleted,
      reason: expect.stringContaining("deleted this workshop"),
    });
    expect((await consoleEnd).code).toBe(closeCodes.workshopDeleted);
    await expect(
      joinTable(server.url, { tableId: first.id, seatToken: joined.body.seatToken as string }),
    ).rejects.toThrow(/no such table/i);
    const lookUp = await fetch(`${server.url}/api/join/${doomed.joinCode}`, {
      headers: { "x-forwarded-for": randomUUID() },
    });
    expect(lookUp.status).toBe(404);
    // Gone, so its key opens nothing any more: the same answer as a wrong key.
    expect((await remove(doomed)).status).toBe(403);

    // The other workshop, and the snapshot it plays, are untouched.
    expect(await holdings(kept.workshopId)).toEqual(keptBefore);
    expect(await server.database.prisma.scenarioSnapshot.count({ where: { hash: snapshot ?? "" } })).toBe(1);
    const overview = await fetch(`${server.url}/api/workshops/${kept.workshopId}`, {
      headers: { authorization: `Bearer ${kept.instructorKey}` },
    });
    expect(overview.status).toBe(200);

    // Logged by ids and counts, never the student's name.
    const line = await waitFor(() =>
      server.records.find((record) => record.msg.includes(`workshop ${doomed.workshopId} deleted`)),
    );
    expect(line).toMatchObject({ workshopId: doomed.workshopId, tables: 2, events: before.events });
    expect(JSON.stringify(server.records)).not.toContain("Zoë");
  });

  it("deletes a scenario snapshot once nothing uses it, and keeps one a stored studio scenario points at", async () => {
    const prisma = server.database.prisma;
    const allied = async () => {
      const created = await postJson<TestWorkshop>(server.url, "/workshops", {
        scenarioId: "allied-coordination-2026",
        tables: 1,
      });
      expect(created.status).toBe(201);
      const row = await prisma.workshop.findUniqueOrThrow({ where: { id: created.body.workshopId } });
      return { workshop: created.body, hash: row.scenarioHash ?? "" };
    };

    // Only this workshop plays the allied scenario: its snapshot goes with it.
    const alone = await allied();
    expect(await prisma.scenarioSnapshot.count({ where: { hash: alone.hash } })).toBe(1);
    const deleted = (await (await remove(alone.workshop)).json()) as {
      deleted: { snapshotsDeleted: number };
    };
    expect(deleted.deleted.snapshotsDeleted).toBe(1);
    expect(await prisma.scenarioSnapshot.count({ where: { hash: alone.hash } })).toBe(0);

    // A stored studio scenario points at the same content: the snapshot stays for it.
    const again = await allied();
    expect(again.hash).toBe(alone.hash);
    await prisma.storedScenario.create({ data: { scenarioId: "allied-copy", version: 1, hash: again.hash } });
    expect((await remove(again.workshop)).status).toBe(200);
    expect(await prisma.scenarioSnapshot.count({ where: { hash: again.hash } })).toBe(1);

    // The flagship's snapshot, still played by the first test's kept workshop, was never touched.
    expect(await prisma.scenarioSnapshot.count({ where: { scenarioId: "ukraine-2026" } })).toBe(1);
  });
});
