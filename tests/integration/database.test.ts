// The durable log on both set-ups: the embedded default (PGlite) and a real PostgreSQL server.
import { randomUUID } from "node:crypto";
import {
  appendEvents,
  applyMigrations,
  createEventAppender,
  type Database,
  type DatabaseSettings,
  LogConflictError,
  openDatabase,
  readEvents,
} from "@red-lines/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, backends, freshDatabaseSettings } from "../support/backends.ts";

describe.each(backends)("the event log on %s", (backend: Backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let tableId: string;
  let settings: DatabaseSettings;

  beforeAll(async () => {
    const fresh = await freshDatabaseSettings(backend);
    cleanup = fresh.cleanup;
    settings = fresh.settings;
    db = await openDatabase(fresh.settings);
    const workshop = await db.prisma.workshop.create({
      data: {
        joinCode: `T${randomUUID().slice(0, 8)}`,
        scenarioId: "ukraine-2026",
        variant: "back-channel",
        instructorKeyHash: "x",
      },
    });
    tableId = (await db.prisma.table.create({ data: { workshopId: workshop.id, number: 1 } })).id;
  });

  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });

  it("creates the schema on first open and finds nothing to apply the second time", async () => {
    expect(db.kind).toBe(backend);
    expect(db.appliedMigrations.length).toBeGreaterThan(0);
    if (settings.DATABASE_URL) expect(await applyMigrations(settings.DATABASE_URL)).toEqual([]);
  });

  it("numbers events 1, 2, 3… per table, even when appends race", async () => {
    const appends = Array.from({ length: 40 }, (_, index) =>
      appendEvents(db.prisma, tableId, [
        { type: "pinged", actor: "guest:a", payload: { index }, time: new Date() },
      ]),
    );
    const stored = (await Promise.all(appends)).flat();
    expect(stored.map((event) => event.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    const log = await readEvents(db.prisma, tableId);
    expect(log.map((event) => event.seq)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });

  it("appends a batch in one transaction with consecutive numbers", async () => {
    const before = await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } });
    const stored = await appendEvents(db.prisma, tableId, [
      { type: "a", actor: "x", payload: {}, time: new Date() },
      { type: "b", actor: "x", payload: { nested: { ok: true } }, time: new Date() },
    ]);
    expect(stored.map((event) => event.seq)).toEqual([before.lastSeq + 1, before.lastSeq + 2]);
    const read = await readEvents(db.prisma, tableId, before.lastSeq);
    expect(read.map((event) => [event.type, event.payload])).toEqual([
      ["a", {}],
      ["b", { nested: { ok: true } }],
    ]);
  });

  it("refuses a second event with the same table and sequence number", async () => {
    const [last] = await db.prisma.event.findMany({ where: { tableId }, orderBy: { seq: "desc" }, take: 1 });
    await expect(
      db.prisma.event.create({
        data: { tableId, seq: last?.seq ?? 1, type: "dup", actor: "x", payload: {}, time: new Date() },
      }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it("stores nothing and moves no counter when an append fails", async () => {
    const before = await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } });
    const count = await db.prisma.event.count({ where: { tableId } });
    await expect(
      appendEvents(db.prisma, tableId, [
        { type: "ok", actor: "x", payload: {}, time: new Date() },
        // An invalid date makes the insert fail after the counter moved, inside the transaction.
        { type: "bad", actor: "x", payload: {}, time: new Date(Number.NaN) },
      ]),
    ).rejects.toThrow();
    expect(await db.prisma.event.count({ where: { tableId } })).toBe(count);
    expect((await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } })).lastSeq).toBe(
      before.lastSeq,
    );
  });

  it("group-commits appends from many tables into few transactions, each table numbered 1, 2, 3…", async () => {
    const workshop = await db.prisma.workshop.findFirstOrThrow();
    const tables = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        db.prisma.table.create({ data: { workshopId: workshop.id, number: 100 + index } }),
      ),
    );
    const appender = createEventAppender(db.prisma);
    // Three rounds of appends, each table waiting for its own previous one (as a room does).
    const stored = await Promise.all(
      tables.map(async (table) => {
        const seqs: number[] = [];
        for (let round = 0; round < 3; round++) {
          const events = Array.from({ length: round + 1 }, (_, index) => ({
            type: "pinged",
            actor: "x",
            payload: { round, index },
            time: new Date(),
          }));
          const written = await appender.append(table.id, seqs.length, events);
          seqs.push(...written.map((event) => event.seq));
        }
        return seqs;
      }),
    );
    for (const seqs of stored) expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    for (const table of tables) {
      const log = await readEvents(db.prisma, table.id);
      expect(log.map((event) => [event.seq, event.payload])).toEqual([
        [1, { round: 0, index: 0 }],
        [2, { round: 1, index: 0 }],
        [3, { round: 1, index: 1 }],
        [4, { round: 2, index: 0 }],
        [5, { round: 2, index: 1 }],
        [6, { round: 2, index: 2 }],
      ]);
      expect((await db.prisma.table.findUniqueOrThrow({ where: { id: table.id } })).lastSeq).toBe(6);
    }
    const stats = appender.stats();
    expect(stats.appends).toBe(36);
    // Twelve tables appending together share commits instead of taking one each.
    expect(stats.transactions).toBeLessThan(36);
  });

  it("refuses an append made against an old sequence number and writes nothing for it", async () => {
    const appender = createEventAppender(db.prisma);
    const before = await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } });
    const count = await db.prisma.event.count({ where: { tableId } });
    const event = { type: "late", actor: "x", payload: {}, time: new Date() };
    await expect(appender.append(tableId, before.lastSeq - 1, [event])).rejects.toBeInstanceOf(
      LogConflictError,
    );
    expect(await db.prisma.event.count({ where: { tableId } })).toBe(count);
    // Two writers racing from the same point: exactly one wins.
    const results = await Promise.allSettled([
      appender.append(tableId, before.lastSeq, [event]),
      createEventAppender(db.prisma).append(tableId, before.lastSeq, [event]),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    expect(await db.prisma.event.count({ where: { tableId } })).toBe(count + 1);
  });

  it("rejects every append of a batch that fails and stores none of it", async () => {
    const appender = createEventAppender(db.prisma);
    const before = await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } });
    const count = await db.prisma.event.count({ where: { tableId } });
    await expect(
      appender.append(tableId, before.lastSeq, [
        { type: "ok", actor: "x", payload: {}, time: new Date() },
        { type: "bad", actor: "x", payload: {}, time: new Date(Number.NaN) },
      ]),
    ).rejects.toThrow();
    expect(await db.prisma.event.count({ where: { tableId } })).toBe(count);
    expect((await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } })).lastSeq).toBe(
      before.lastSeq,
    );
  });

  it("fails only the faulty append of a batch: another table's move in the same batch is stored", async () => {
    const appender = createEventAppender(db.prisma);
    const workshop = await db.prisma.workshop.findFirstOrThrow();
    const quiet = (await db.prisma.table.create({ data: { workshopId: workshop.id, number: 99 } })).id;
    const before = await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } });
    // Both appends are asked for in the same turn of the event loop, so they share a batch.
    const [bad, good] = await Promise.allSettled([
      // PostgreSQL refuses NUL in text (22P05); the server cleans typed text, this is the net.
      appender.append(tableId, before.lastSeq, [
        { type: "said", actor: "x", payload: { text: "a\u0000b" }, time: new Date() },
      ]),
      appender.append(quiet, 0, [{ type: "said", actor: "y", payload: { text: "fine" }, time: new Date() }]),
    ]);
    expect(bad?.status).toBe("rejected");
    expect(good?.status).toBe("fulfilled");
    expect((await readEvents(db.prisma, quiet)).map((event) => event.payload)).toEqual([{ text: "fine" }]);
    expect((await db.prisma.table.findUniqueOrThrow({ where: { id: tableId } })).lastSeq).toBe(
      before.lastSeq,
    );
  });

  it("refuses to append to a table that does not exist", async () => {
    await expect(
      appendEvents(db.prisma, randomUUID(), [{ type: "x", actor: "x", payload: {}, time: new Date() }]),
    ).rejects.toThrow();
  });
});

describe("the embedded database", () => {
  it("keeps its data across a restart", async () => {
    const fresh = await freshDatabaseSettings("embedded");
    try {
      const first = await openDatabase(fresh.settings);
      const workshop = await first.prisma.workshop.create({
        data: { joinCode: "KEEP1", scenarioId: "s", variant: "v", instructorKeyHash: "h" },
      });
      await first.close();
      const second = await openDatabase(fresh.settings);
      expect(second.appliedMigrations).toEqual([]);
      expect(await second.prisma.workshop.findUnique({ where: { id: workshop.id } })).not.toBeNull();
      await second.close();
    } finally {
      await fresh.cleanup();
    }
  });

  it("refuses a second opener of the same folder with a clear sentence", async () => {
    const fresh = await freshDatabaseSettings("embedded");
    const first = await openDatabase(fresh.settings);
    try {
      await expect(openDatabase(fresh.settings)).rejects.toThrow(/is in use by this process \(pid \d+\)/);
    } finally {
      await first.close();
      await fresh.cleanup();
    }
  });

  it("takes over a lock left behind by a process that died", async () => {
    const fresh = await freshDatabaseSettings("embedded");
    const { spawnSync } = await import("node:child_process");
    const { writeFile } = await import("node:fs/promises");
    const dead = spawnSync("true").pid; // exited by the time spawnSync returns
    await writeFile(`${fresh.dataDir}/red-lines.lock`, String(dead));
    const db = await openDatabase(fresh.settings);
    await db.close();
    await fresh.cleanup();
  });
});
