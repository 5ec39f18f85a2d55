// DATA_RETENTION_DAYS: workshops whose talks are over, and that nothing has happened in for that
// many days, are deleted with everything of them (deletion.ts), at start and then once a day.
//
// A workshop is due when
//   - none of its tables is unfinished: each one's talks have concluded, or never started (no
//     briefing, no negotiation); a table left mid-negotiation keeps its workshop until the
//     instructor ends its talks or deletes it; and
//   - its last activity, the latest event of any of its tables (or its creation, when none has
//     any), is more than DATA_RETENTION_DAYS days ago.
// So a finished class is kept that long after its last move, and a workshop set up and never
// played that long after it was created.
import type { Db } from "@red-lines/db";
import type { Logger } from "../logging.ts";
import { deleteWorkshop } from "./deletion.ts";

const day = 24 * 60 * 60 * 1000;

/** The workshops due for deletion at `now`, oldest first. */
export async function expiredWorkshops(prisma: Db, now: Date, days: number): Promise<string[]> {
  const cutoff = new Date(now.getTime() - days * day);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT w.id::text AS id FROM "workshop" w
    WHERE GREATEST(w.created_at, COALESCE(
        (SELECT max(e."time") FROM "event" e JOIN "table" t ON t.id = e.table_id WHERE t.workshop_id = w.id),
        w.created_at)) < ${cutoff}
      AND NOT EXISTS (
        SELECT 1 FROM "table" t WHERE t.workshop_id = w.id
          AND EXISTS (SELECT 1 FROM "event" e WHERE e.table_id = t.id
            AND e.type IN ('briefing-started', 'negotiations-started'))
          AND NOT EXISTS (SELECT 1 FROM "event" e WHERE e.table_id = t.id AND e.type = 'talks-concluded'))
    ORDER BY w.created_at`;
  return rows.map((row) => row.id);
}

/** One pass: deletes the workshops due and logs how many and which (ids only, never names). */
export async function applyRetention(prisma: Db, days: number, now: Date, logger: Logger): Promise<string[]> {
  const due = await expiredWorkshops(prisma, now, days);
  const deleted: string[] = [];
  let snapshots = 0;
  for (const workshopId of due) {
    const gone = await deleteWorkshop(prisma, workshopId);
    if (!gone) continue;
    deleted.push(workshopId);
    snapshots += gone.snapshotsDeleted;
  }
  logger.info(
    { retentionDays: days, deleted: deleted.length, workshopIds: deleted, snapshotsDeleted: snapshots },
    deleted.length === 0
      ? `retention: no workshop finished more than ${days} days ago to delete`
      : `retention: deleted ${deleted.length} workshop${deleted.length === 1 ? "" : "s"} finished more than ${days} days ago: ${deleted.join(", ")}`,
  );
  return deleted;
}

/**
 * Runs retention now and then every day until stopped. A failed pass is logged and tried again
 * the next day; it never stops the server.
 */
export function scheduleRetention(options: {
  prisma: Db;
  days: number;
  logger: Logger;
  now?: () => number;
  /** Milliseconds between passes: a day (tests shorten it). */
  every?: number;
}): { ran: Promise<void>; stop(): Promise<void> } {
  const { prisma, days, logger } = options;
  const now = options.now ?? Date.now;
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    running = running
      .then(() => applyRetention(prisma, days, new Date(now()), logger))
      .then(
        () => undefined,
        (error: Error) => logger.error({ err: error }, `retention: the pass failed: ${error.message}`),
      );
    return running;
  };
  const ran = pass();
  const timer = setInterval(pass, options.every ?? day);
  timer.unref();
  return {
    ran,
    /** No more passes; resolves once a pass under way is done (before the database closes). */
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}
