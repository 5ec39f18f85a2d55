// Finding or starting the room of a table from the server side: for the instructor console's
// commands, and to bring running tables back after a restart so their clocks tick again.
import { matchMaker } from "@colyseus/core";
import type { Db } from "@red-lines/db";
import { negotiationRoomName } from "@red-lines/shared/engine";
import type { Logger } from "../logging.ts";

const starting = new Map<string, Promise<string>>();

/**
 * The id of the room running a table, starting one if none is. Creation goes through the
 * matchmaker's joinOrCreate, the same locked path a player's join takes, so a console command
 * and a student arriving together still get one room; the seat it reserves simply lapses.
 */
export async function ensureTableRoom(tableId: string): Promise<string> {
  const found = await matchMaker.findOneRoomAvailable(negotiationRoomName, { tableId });
  if (found) return found.roomId;
  let pending = starting.get(tableId);
  if (!pending) {
    pending = matchMaker
      .joinOrCreate(negotiationRoomName, { tableId })
      .then((reservation) => reservation.roomId)
      .finally(() => starting.delete(tableId));
    starting.set(tableId, pending);
  }
  return pending;
}

/** Tables whose negotiations started and have not concluded: their clocks are running. */
export async function runningTableIds(prisma: Db): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT e.table_id::text AS id FROM "event" e
    WHERE e.type = 'negotiations-started'
      AND NOT EXISTS (SELECT 1 FROM "event" c WHERE c.table_id = e.table_id AND c.type = 'talks-concluded')`;
  return rows.map((row) => row.id);
}

/** After a start (or a crash), every running table gets its room back, and with it its clock. */
export async function restoreRunningTables(prisma: Db, logger: Logger): Promise<number> {
  const ids = await runningTableIds(prisma);
  let restored = 0;
  for (const id of ids) {
    try {
      await ensureTableRoom(id);
      restored += 1;
    } catch (error) {
      logger.error({ tableId: id, err: error }, `could not restore table ${id}: ${(error as Error).message}`);
    }
  }
  return restored;
}
