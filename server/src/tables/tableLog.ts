// A negotiating table as stored: its config (from the workshop) and its event log, folded with
// the shared engine's evolve. The same fold serves a room's start, a restart after a crash, replay.
import type { Db } from "@red-lines/db";
import {
  eventSchema,
  fold,
  initialTableState,
  type TableEvent,
  type TableState,
  workshopSettingsSchema,
} from "@red-lines/shared";

export type LoadedTable = {
  tableId: string;
  workshopId: string;
  number: number;
  instructorKeyHash: string;
  /** The workshop's choice to fill empty seats with bots when a table starts. */
  botFill: boolean;
  state: TableState;
  /** The log as folded, oldest first. */
  events: TableEvent[];
  lastSeq: number;
};

export async function loadTable(prisma: Db, tableId: string): Promise<LoadedTable | null> {
  const table = await prisma.table.findUnique({
    where: { id: tableId },
    include: { workshop: true, events: { orderBy: { seq: "asc" } } },
  });
  if (!table) return null;
  const settings = workshopSettingsSchema.parse(table.workshop.settings);
  const initial = initialTableState({
    scenario: settings.scenarioId,
    variant: settings.variant,
    rounds: settings.rounds,
    turnSeconds: settings.turnSeconds,
  });
  // Our own log, written only by the command path; a row that does not parse is corruption.
  const events: TableEvent[] = table.events.map((row) => eventSchema.parse(row.payload));
  return {
    tableId: table.id,
    workshopId: table.workshopId,
    number: table.number,
    instructorKeyHash: table.workshop.instructorKeyHash,
    botFill: settings.botFill,
    state: fold(initial, events),
    events,
    lastSeq: table.lastSeq,
  };
}

export function toNewEvents(events: TableEvent[], actor: string) {
  return events.map((event) => ({ type: event.type, actor, payload: event, time: new Date(event.at) }));
}
