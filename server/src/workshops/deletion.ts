// Deleting a workshop with everything of it: its tables, seats and event logs (the database
// cascades from the workshop row), its settings, and its live rooms, whose connections are told
// why. Scenario snapshots that no workshop and no stored studio scenario uses any more go too.
import type { Db } from "@red-lines/db";
import { closeWorkshopRooms } from "../rooms/liveRooms.ts";

export type DeletedWorkshop = {
  workshopId: string;
  tables: number;
  seats: number;
  events: number;
  /** Scenario snapshots deleted because nothing uses them any more. */
  snapshotsDeleted: number;
};

/** Deletes one workshop and answers what went, or null when there was no such workshop. */
export async function deleteWorkshop(prisma: Db, workshopId: string): Promise<DeletedWorkshop | null> {
  const removed = await removeWorkshop(prisma, workshopId);
  if (!removed) return null;
  // After the rows: a room closed now cannot be joined again into a table that still exists.
  await closeWorkshopRooms(workshopId, removed.tableIds);
  const snapshotsDeleted = await deleteUnusedSnapshots(prisma);
  const { tableIds, ...counts } = removed;
  return { workshopId, ...counts, snapshotsDeleted };
}

async function removeWorkshop(prisma: Db, workshopId: string) {
  return prisma.$transaction(async (tx) => {
    const tables = await tx.table.findMany({
      where: { workshopId },
      select: { id: true, _count: { select: { seats: true, events: true } } },
    });
    // Tables, seats and events go with the workshop (ON DELETE CASCADE).
    const { count } = await tx.workshop.deleteMany({ where: { id: workshopId } });
    if (count === 0) return null;
    return {
      tableIds: tables.map((table) => table.id),
      tables: tables.length,
      seats: tables.reduce((sum, table) => sum + table._count.seats, 0),
      events: tables.reduce((sum, table) => sum + table._count.events, 0),
    };
  });
}

/**
 * Deletes every scenario snapshot no workshop plays and no stored studio scenario points at.
 * A workshop created meanwhile on one of them makes the delete fail on its foreign key (RESTRICT),
 * and nothing is deleted this time; the next deletion or retention run tries again.
 */
export async function deleteUnusedSnapshots(prisma: Db): Promise<number> {
  try {
    return await prisma.$executeRaw`
      DELETE FROM "scenario" s
      WHERE NOT EXISTS (SELECT 1 FROM "workshop" w WHERE w.scenario_hash = s.hash)
        AND NOT EXISTS (SELECT 1 FROM "stored_scenario" st WHERE st.hash = s.hash)`;
  } catch {
    return 0;
  }
}
