// Erasing one student's name and words on request, in the stored log itself: each event of the
// seat that carries them is rewritten in place by the shared `erasedEvent` (name replaced, text
// emptied, marked erased), the seat's row loses its name, and the table's erasure count moves on so
// that no replay or debrief cached from the log is served again. The log keeps every event, so it
// still folds to the same game.
import type { Db, Prisma } from "@red-lines/db";
import {
  countErasure,
  type ErasureCounts,
  erasedEvent,
  erasedStudentName,
  eventSchema,
  type TableEvent,
} from "@red-lines/shared/engine";

/** The event types that can carry a student's name or words. */
const personalTypes: TableEvent["type"][] = [
  "seat-claimed",
  "message-sent",
  "version-objected",
  "walked-out",
];

export async function eraseSeat(prisma: Db, tableId: string, role: string): Promise<ErasureCounts> {
  return prisma.$transaction(async (tx) => {
    // The table's row is what every append advances: locking it holds appends back meanwhile.
    await tx.$queryRaw`SELECT id FROM "table" WHERE id = ${tableId}::uuid FOR UPDATE`;
    const rows = await tx.event.findMany({
      where: { tableId, type: { in: personalTypes } },
      orderBy: { seq: "asc" },
      select: { seq: true, payload: true },
    });
    const changed: TableEvent[] = [];
    for (const row of rows) {
      const erased = erasedEvent(eventSchema.parse(row.payload), role);
      if (!erased) continue;
      await tx.event.update({
        where: { tableId_seq: { tableId, seq: row.seq } },
        data: { payload: erased as Prisma.InputJsonValue },
      });
      changed.push(erased);
    }
    await tx.seat.updateMany({
      where: { tableId, role, displayName: { not: null } },
      data: { displayName: erasedStudentName },
    });
    await tx.table.update({ where: { id: tableId }, data: { erasures: { increment: 1 } } });
    return countErasure(changed);
  });
}
