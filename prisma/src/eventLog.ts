// The append-only event log: sequence numbers assigned atomically per table, inside one transaction.
import type { Prisma } from "../generated/client.ts";
import type { Db } from "./client.ts";

export type NewEvent = {
  type: string;
  actor: string;
  payload: Prisma.InputJsonValue;
  time: Date;
  /** The sender-scoped intent that produced it, if any. */
  intent?: string | null;
};

export type StoredEvent = NewEvent & { tableId: string; seq: number };

/**
 * Appends events to a table's log and returns them with their sequence numbers. Advancing the
 * table's counter locks its row, so concurrent appends to one table (from any process) serialise
 * and never collide; either every event is stored or none is.
 */
export async function appendEvents(prisma: Db, tableId: string, events: NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  return prisma.$transaction(async (tx) => {
    const { lastSeq } = await tx.table.update({
      where: { id: tableId },
      data: { lastSeq: { increment: events.length } },
      select: { lastSeq: true },
    });
    const first = lastSeq - events.length + 1;
    const rows = events.map((event, index) => ({ ...event, tableId, seq: first + index }));
    await tx.event.createMany({ data: rows });
    return rows;
  });
}

/** A table's events in order, optionally only those after a sequence number. */
export function readEvents(prisma: Db, tableId: string, afterSeq = 0) {
  return prisma.event.findMany({ where: { tableId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" } });
}

/** A table's log moved on since the writer last read it: someone else appended first. */
export class LogConflictError extends Error {
  constructor(readonly tableId: string) {
    super(`The log of table ${tableId} was appended to by another writer; reload it and decide again.`);
    this.name = "LogConflictError";
  }
}

type PendingAppend = {
  tableId: string;
  expectedLastSeq: number;
  events: NewEvent[];
  resolve: (stored: StoredEvent[]) => void;
  reject: (error: Error) => void;
  /** When it was asked for (performance.now()), for its latency. */
  asked: number;
};

/**
 * What a server measures of the group commit (its metrics), told as it happens; this package knows
 * nothing of how it is recorded.
 */
export type AppendObserver = {
  /** A transaction was written: how many appends (one per table) and events it carried, and its time. */
  transaction?(written: { appends: number; events: number; seconds: number }): void;
  /** An append was answered, from the moment it was asked for (waiting for its batch included). */
  append?(answered: { outcome: "stored" | "conflict" | "failed"; seconds: number }): void;
};

export type EventAppender = {
  /**
   * Appends events to a table's log, provided its last sequence number is still
   * `expectedLastSeq` (optimistic concurrency: two writers of one table can never interleave).
   * Resolves once the events are committed; rejects with LogConflictError when the table moved
   * on, or with the database's error when nothing could be written.
   */
  append(tableId: string, expectedLastSeq: number, events: NewEvent[]): Promise<StoredEvent[]>;
  /** Resolves when every append asked for so far has been written or refused. */
  drain(): Promise<void>;
  /** Transactions written and appends they carried, for benchmarks and logs. */
  stats(): { transactions: number; appends: number; events: number };
};

/**
 * Group commit across tables: appends that arrive while a transaction is being written wait and
 * go together in the next one: one statement that advances the counters still at their expected
 * values and inserts the rows of exactly those tables.
 * At low load each append is written at once; under load, hundreds of tables share one commit.
 */
export function createEventAppender(
  prisma: Db,
  options: { maxBatch?: number; observer?: AppendObserver } = {},
): EventAppender {
  const maxBatch = options.maxBatch ?? 500;
  const observer = options.observer ?? {};
  const answered = (entry: PendingAppend, outcome: "stored" | "conflict" | "failed") =>
    observer.append?.({ outcome, seconds: (performance.now() - entry.asked) / 1000 });
  let pending: PendingAppend[] = [];
  let running: Promise<void> | undefined;
  const counts = { transactions: 0, appends: 0, events: 0 };

  async function write(batch: PendingAppend[]): Promise<void> {
    const ids = batch.map((entry) => entry.tableId);
    const expected = batch.map((entry) => entry.expectedLastSeq);
    const sizes = batch.map((entry) => entry.events.length);
    let advanced: Set<string>;
    const started = performance.now();
    try {
      // One statement, so one round trip and its own transaction: advance every counter still at
      // its expected value, and store the events of exactly the tables whose counter moved.
      const rows = batch.flatMap((entry) =>
        entry.events.map((event, index) => ({ entry, event, seq: entry.expectedLastSeq + index + 1 })),
      );
      const tableIds = rows.map((row) => row.entry.tableId);
      const seqs = rows.map((row) => row.seq);
      const types = rows.map((row) => row.event.type);
      const actors = rows.map((row) => row.event.actor);
      const payloads = rows.map((row) => JSON.stringify(row.event.payload));
      const times = rows.map((row) => row.event.time.toISOString());
      const intents = rows.map((row) => row.event.intent ?? null);
      const won = await prisma.$queryRaw<{ id: string }[]>`
        WITH v AS (
          SELECT * FROM unnest(${ids}::uuid[], ${expected}::int[], ${sizes}::int[]) AS v(id, expected, n)
        ), advanced AS (
          UPDATE "table" AS t SET last_seq = t.last_seq + v.n FROM v
          WHERE t.id = v.id AND t.last_seq = v.expected
          RETURNING t.id
        ), stored AS (
          INSERT INTO "event" (table_id, seq, type, actor, payload, "time", intent)
          SELECT e.table_id, e.seq, e.type, e.actor, e.payload::jsonb, e.at::timestamptz, e.intent
          FROM unnest(${tableIds}::uuid[], ${seqs}::int[], ${types}::text[], ${actors}::text[],
                      ${payloads}::text[], ${times}::text[], ${intents}::text[])
               AS e(table_id, seq, type, actor, payload, at, intent)
          WHERE e.table_id IN (SELECT id FROM advanced)
        )
        SELECT id::text AS id FROM advanced`;
      advanced = new Set(won.map((row) => row.id));
    } catch (error) {
      const [only] = batch;
      if (batch.length === 1 && only) {
        answered(only, "failed");
        only.reject(error as Error);
        return;
      }
      // Nothing of the batch was stored. One table's bad data must not fail the others' moves:
      // each append is written again on its own, and only the faulty one fails.
      for (const entry of batch) await write([entry]);
      return;
    }
    counts.transactions += 1;
    observer.transaction?.({
      appends: batch.length,
      events: sizes.reduce((sum, size) => sum + size, 0),
      seconds: (performance.now() - started) / 1000,
    });
    for (const entry of batch) {
      if (!advanced.has(entry.tableId)) {
        answered(entry, "conflict");
        entry.reject(new LogConflictError(entry.tableId));
        continue;
      }
      answered(entry, "stored");
      counts.appends += 1;
      counts.events += entry.events.length;
      entry.resolve(
        entry.events.map((event, index) => ({
          ...event,
          tableId: entry.tableId,
          seq: entry.expectedLastSeq + index + 1,
        })),
      );
    }
  }

  /** Takes at most one append per table (a second one must see the first one's counter). */
  function takeBatch(): PendingAppend[] {
    const batch: PendingAppend[] = [];
    const rest: PendingAppend[] = [];
    const tables = new Set<string>();
    for (const entry of pending) {
      if (batch.length < maxBatch && !tables.has(entry.tableId)) {
        tables.add(entry.tableId);
        batch.push(entry);
      } else rest.push(entry);
    }
    pending = rest;
    return batch;
  }

  function kick(): void {
    if (running) return;
    running = (async () => {
      // Let every message already received in this turn of the event loop join the batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (pending.length > 0) await write(takeBatch());
    })().finally(() => {
      running = undefined;
      if (pending.length > 0) kick();
    });
  }

  return {
    append(tableId, expectedLastSeq, events) {
      if (events.length === 0) return Promise.resolve([]);
      return new Promise<StoredEvent[]>((resolve, reject) => {
        pending.push({ tableId, expectedLastSeq, events, resolve, reject, asked: performance.now() });
        kick();
      });
    },
    async drain() {
      while (running) await running;
    },
    stats: () => ({ ...counts }),
  };
}
