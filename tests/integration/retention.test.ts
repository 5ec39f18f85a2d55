// DATA_RETENTION_DAYS against a real server and database, embedded and PostgreSQL: a server
// started with it deletes the workshops whose talks are over (or never started) and that have
// seen no activity for that long, keeps a recent one and an unfinished one, and logs what it did.
import { readServerEnv, scheduleRetention } from "@red-lines/server";
import { afterEach, describe, expect, it } from "vitest";
import { backends, freshDatabaseSettings } from "../support/backends.ts";
import {
  createWorkshop,
  type DataServer,
  playTable,
  startServerOn,
  type TestWorkshop,
  tablesOf,
} from "../support/dataServer.ts";
import { waitFor } from "../support/wait.ts";

const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Moves a workshop and everything its tables logged `days` into the past. */
async function backdate(server: DataServer, workshop: TestWorkshop, days: number) {
  const prisma = server.database.prisma;
  const shift = `${days} days`;
  await prisma.$executeRaw`UPDATE "workshop" SET created_at = created_at - ${shift}::interval WHERE id = ${workshop.workshopId}::uuid`;
  await prisma.$executeRaw`
    UPDATE "event" SET "time" = "time" - ${shift}::interval
    WHERE table_id IN (SELECT id FROM "table" WHERE workshop_id = ${workshop.workshopId}::uuid)`;
}

describe("DATA_RETENTION_DAYS", () => {
  it("is off unless set, and takes a whole number of days", () => {
    const unset = readServerEnv({});
    expect(unset.ok && unset.env.DATA_RETENTION_DAYS).toBeUndefined();
    const bad = readServerEnv({ DATA_RETENTION_DAYS: "0" });
    expect(bad).toEqual({
      ok: false,
      problems: ["DATA_RETENTION_DAYS must be a whole number of days from 1 to 3650 (or unset to keep data)"],
    });
    expect(readServerEnv({ DATA_RETENTION_DAYS: "a month" }).ok).toBe(false);
  });

  for (const backend of backends) {
    it(`deletes finished and unused workshops older than the period at start, and keeps the rest (${backend})`, async () => {
      const fresh = await freshDatabaseSettings(backend);
      cleanups.push(fresh.cleanup);
      const first = await startServerOn(fresh.settings);
      let firstStopped = false;
      cleanups.push(() => (firstStopped ? Promise.resolve() : first.stop()));
      const workshop = async (play: "finished" | "running" | "unused") => {
        const created = await createWorkshop(first.url);
        const [table] = await tablesOf(first.url, created);
        if (play !== "unused" && table)
          await playTable(first.url, table.id, created.instructorKey, play === "finished");
        return created;
      };
      const oldFinished = await workshop("finished");
      const oldUnused = await workshop("unused");
      const oldRunning = await workshop("running");
      const recentFinished = await workshop("finished");
      const borderline = await workshop("finished");
      for (const old of [oldFinished, oldUnused, oldRunning]) await backdate(first, old, 40);
      await backdate(first, borderline, 29);
      const events = await first.database.prisma.event.count();
      await first.stop();
      firstStopped = true;

      const second = await startServerOn(fresh.settings, { DATA_RETENTION_DAYS: "30" });
      cleanups.push(() => second.stop());
      const remaining = await second.database.prisma.workshop.findMany({ select: { id: true } });
      expect(remaining.map((row) => row.id).sort()).toEqual(
        [oldRunning, recentFinished, borderline].map((kept) => kept.workshopId).sort(),
      );
      // Their tables and logs went with them; the others' stayed.
      expect(await second.database.prisma.table.count()).toBe(3);
      expect(await second.database.prisma.event.count()).toBeLessThan(events);
      const line = second.records.find((record) => record.msg.startsWith("retention:"));
      expect(line).toMatchObject({
        level: "info",
        retentionDays: 30,
        deleted: 2,
        msg: expect.stringMatching(/^retention: deleted 2 workshops finished more than 30 days ago: /),
      });
      expect(((line?.workshopIds ?? []) as string[]).sort()).toEqual(
        [oldFinished.workshopId, oldUnused.workshopId].sort(),
      );
    }, 120_000);
  }

  it("passes again each day: a workshop that comes due after the start is deleted by a later pass", async () => {
    const fresh = await freshDatabaseSettings("embedded");
    cleanups.push(fresh.cleanup);
    const server = await startServerOn(fresh.settings);
    cleanups.push(() => server.stop());
    const finished = await createWorkshop(server.url);
    const [table] = await tablesOf(server.url, finished);
    if (table) await playTable(server.url, table.id, finished.instructorKey, true);

    // The schedule the server runs with DATA_RETENTION_DAYS, its day shortened to 50 ms and its
    // clock in the test's hands.
    const day = 24 * 60 * 60 * 1000;
    let clock = Date.now();
    const schedule = scheduleRetention({
      prisma: server.database.prisma,
      days: 30,
      logger: server.logger,
      now: () => clock,
      every: 50,
    });
    cleanups.push(() => schedule.stop());
    await schedule.ran;
    const passes = () => server.records.filter((record) => record.msg.startsWith("retention:"));
    expect(passes()[0]?.msg).toBe("retention: no workshop finished more than 30 days ago to delete");
    expect(await server.database.prisma.workshop.count()).toBe(1);

    clock += 31 * day; // a month on
    const deleted = await waitFor(() => passes().find((record) => record.deleted === 1), {
      what: "a later pass to delete the workshop",
    });
    expect(deleted.workshopIds).toEqual([finished.workshopId]);
    expect(await server.database.prisma.workshop.count()).toBe(0);
  }, 60_000);
});
