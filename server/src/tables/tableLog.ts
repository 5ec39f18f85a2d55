// A negotiating table as stored: its config (from the workshop) and its event log, folded with
// the shared engine's evolve. The same fold serves a room's start, a restart after a crash, replay.
import { type Db, type EventAppender, LogConflictError } from "@red-lines/db";
import {
  eventSchema,
  foldLogged,
  initialTableState,
  type LoggedEvent,
  loadScenario,
  type Scenario,
  type TableConfig,
  type TableEvent,
  type TableLog,
  type TableSnapshot,
  type TableState,
  workshopSettingsSchema,
} from "@red-lines/shared/engine";
import { getScenario, withFormerOutcomes } from "@red-lines/shared/scenarios";

export type LoadedTable = {
  tableId: string;
  workshopId: string;
  number: number;
  instructorKeyHash: string;
  /** The workshop's choice to fill empty seats with bots when a table starts. */
  botFill: boolean;
  /** The scenario the table is played with: the workshop's stored snapshot. */
  scenario: Scenario;
  /** How the table was set up, on that snapshot: what replays and debriefs fold from. */
  config: TableConfig;
  state: TableState;
  /** The log as folded, oldest first. */
  events: TableEvent[];
  lastSeq: number;
  /** How many times a student's words were erased from the log: with lastSeq, its version. */
  erasures: number;
  /** The state, sequence number and intents, as the command handler holds them. */
  snapshot: TableSnapshot;
};

export async function loadTable(prisma: Db, tableId: string): Promise<LoadedTable | null> {
  const table = await prisma.table.findUnique({
    where: { id: tableId },
    include: { workshop: { include: { scenario: true } }, events: { orderBy: { seq: "asc" } } },
  });
  if (!table) return null;
  const settings = workshopSettingsSchema.parse(table.workshop.settings);
  const scenario = storedScenario(table.workshop.scenario, settings.scenarioId);
  const config: TableConfig = {
    scenario,
    variant: settings.variant,
    rounds: settings.rounds,
    turnSeconds: settings.turnSeconds,
    botFill: settings.botFill,
  };
  const initial = initialTableState(config);
  // Our own log, written only by the command path; a row that does not parse is corruption.
  const logged: LoggedEvent[] = table.events.map((row) => ({
    event: eventSchema.parse(row.payload),
    actor: row.actor,
    intent: row.intent,
  }));
  const events = logged.map((entry) => entry.event);
  const snapshot = foldLogged(initial, logged, table.lastSeq);
  return {
    tableId: table.id,
    workshopId: table.workshopId,
    number: table.number,
    instructorKeyHash: table.workshop.instructorKeyHash,
    botFill: settings.botFill,
    scenario,
    config,
    state: snapshot.state,
    events,
    lastSeq: table.lastSeq,
    erasures: table.erasures,
    snapshot,
  };
}

/** A table's log in the database, as the shared command handler uses it. */
export function databaseTableLog(prisma: Db, appender: EventAppender, tableId: string): TableLog {
  return {
    async load() {
      const loaded = await loadTable(prisma, tableId);
      if (!loaded) throw new Error(`table ${tableId} is gone from the database`);
      return loaded.snapshot;
    },
    async append(expectedSeq, events) {
      try {
        const stored = await appender.append(tableId, expectedSeq, events.map(toNewEvent));
        return { ok: true, lastSeq: stored.at(-1)?.seq ?? expectedSeq };
      } catch (error) {
        if (error instanceof LogConflictError) return { ok: false, conflict: true };
        throw error;
      }
    },
  };
}

export function toNewEvent({ event, actor, intent }: LoggedEvent) {
  return { type: event.type, actor, payload: event, time: new Date(event.at), intent };
}

/**
 * The workshop's scenario snapshot, validated like any scenario file; workshops created before
 * snapshots existed fall back to the built-in scenario of that id. A snapshot older than outcome
 * classes gets the classes its tables were then classed by.
 */
const snapshots = new Map<string, Scenario>();

function storedScenario(snapshot: { hash: string; data: unknown } | null, scenarioId: string): Scenario {
  if (snapshot) {
    const cached = snapshots.get(snapshot.hash);
    if (cached) return cached;
    const loaded = loadScenario(withFormerOutcomes(snapshot.data));
    if (!loaded.ok) throw new Error(`the stored scenario snapshot for "${scenarioId}" is invalid`);
    if (snapshots.size > 100) snapshots.clear();
    snapshots.set(snapshot.hash, loaded.scenario);
    return loaded.scenario;
  }
  const builtIn = getScenario(scenarioId);
  if (!builtIn) throw new Error(`no scenario "${scenarioId}" for this workshop`);
  return builtIn;
}

/**
 * The scenario a workshop is played with, as its tables fold it: its snapshot (read from the
 * database once per process), else the built-in of its id; undefined when neither exists. Seating
 * and the instructor's overview read it too, so a table's seats are always the snapshot's roles.
 */
export async function workshopScenario(
  prisma: Pick<Db, "scenarioSnapshot">,
  workshop: { scenarioHash: string | null; scenarioId: string },
): Promise<Scenario | undefined> {
  const { scenarioHash: hash, scenarioId } = workshop;
  if (hash === null) return getScenario(scenarioId);
  const cached = snapshots.get(hash);
  if (cached) return cached;
  const snapshot = await prisma.scenarioSnapshot.findUnique({
    where: { hash },
    select: { hash: true, data: true },
  });
  return snapshot ? storedScenario(snapshot, scenarioId) : getScenario(scenarioId);
}
