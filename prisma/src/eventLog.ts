// The append-only event log: sequence numbers assigned atomically per table, inside one transaction.
import type { Prisma } from "../generated/client.ts";
import type { Db } from "./client.ts";

export type NewEvent = {
  type: string;
  actor: string;
  payload: Prisma.InputJsonValue;
  time: Date;
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
