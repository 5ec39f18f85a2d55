// The one path every table change takes, free of any transport (the shape of Emmett's
// CommandHandler): decide a batch of commands on the state (evolving between them), turn
// red-line refusals into their events, append once with the expected sequence number, reload
// and decide again once if another writer got there first, and answer each command.
// The server's room, the simulator and TableScript all come through here.
import type { TableCommand } from "./commands.ts";
import { decide } from "./decide.ts";
import type { TableEvent } from "./events.ts";
import { evolve } from "./evolve.ts";
import type { Refusal } from "./refusals.ts";
import type { TableState } from "./state.ts";
import { refusalEvents } from "./status.ts";

/**
 * What a resent intent is matched on: its id scoped to who sent it (a seat's role or the
 * instructor), so one sender's ids never answer for another's.
 */
export function intentKey(sender: string, intentId: string): string {
  return `${sender}/${intentId}`;
}

/** A command as submitted: with the scoped intent key that makes a resend act once. */
export type Submitted = { command: TableCommand; intent?: string };

/** An event as logged: who caused it and under which intent. */
export type LoggedEvent = { event: TableEvent; actor: string; intent: string | null };

/** What the log says an intent came to: it acted, or it was a red-line attempt (logged, refused). */
export type IntentRecord = "done" | "refused";

/** A table as folded from its log. */
export type TableSnapshot = {
  state: TableState;
  lastSeq: number;
  intents: ReadonlyMap<string, IntentRecord>;
};

export type AppendResult = { ok: true; lastSeq: number } | { ok: false; conflict: true };

/** A table's log as the handler needs it: any store (the database, memory) can be one. */
export type TableLog = {
  load(): Promise<TableSnapshot>;
  /**
   * Appends the events if the log's last sequence number is still `expectedSeq`; answers a
   * conflict when another writer appended first; throws when nothing could be written.
   */
  append(expectedSeq: number, events: readonly LoggedEvent[]): Promise<AppendResult>;
};

export type CommandResult =
  | { status: "done"; repeat?: true }
  | { status: "refused"; refusal: Refusal }
  /** An earlier command of an all-or-nothing batch was refused, so this one was not tried. */
  | { status: "skipped" }
  | { status: "unavailable" };

export type BatchOptions = {
  /** Stop at the first refusal (a bot's move with its words): later commands are skipped. */
  allOrNothing?: boolean;
};

export type DecidedBatch = {
  results: CommandResult[];
  events: LoggedEvent[];
  state: TableState;
  intents: Map<string, IntentRecord>;
};

/**
 * Decides a batch on a state, in order, each command on the state the previous ones left. Pure.
 * An intent already in the log is answered `done` (or decided again if it was a refusal, whose
 * attempt is then not logged twice).
 */
export function decideBatch(
  snapshot: Pick<TableSnapshot, "state" | "intents">,
  submitted: readonly Submitted[],
  options: BatchOptions = {},
): DecidedBatch {
  let state = snapshot.state;
  const intents = new Map(snapshot.intents);
  const events: LoggedEvent[] = [];
  const results: CommandResult[] = [];
  let stopped = false;
  for (const { command, intent } of submitted) {
    if (stopped) {
      results.push({ status: "skipped" });
      continue;
    }
    const before = intent === undefined ? undefined : intents.get(intent);
    if (before === "done") {
      results.push({ status: "done", repeat: true });
      continue;
    }
    const decision = decide(state, command);
    // A seat trying to go past its own red line is refused, and the attempt is logged once.
    const produced = decision.ok
      ? decision.events
      : before === "refused"
        ? []
        : refusalEvents(state, command, decision.refusal);
    for (const event of produced) {
      state = evolve(state, event);
      events.push({ event, actor: command.actor, intent: intent ?? null });
    }
    if (intent !== undefined && produced.length > 0) intents.set(intent, decision.ok ? "done" : "refused");
    if (decision.ok) results.push({ status: "done" });
    else {
      results.push({ status: "refused", refusal: decision.refusal });
      if (options.allOrNothing) stopped = true;
    }
  }
  return { results, events, state, intents };
}

/** What an intent came to, read from the events logged under it. */
export function intentRecord(previous: IntentRecord | undefined, event: TableEvent): IntentRecord {
  return previous === "done" || event.type !== "red-line-refused" ? "done" : "refused";
}

export type Handled = {
  results: CommandResult[];
  /** The events this call appended (empty when nothing changed or nothing could be written). */
  events: LoggedEvent[];
  /** Whether the state moved: new events, or a reload that found another writer's. */
  changed: boolean;
};

/**
 * Holds one table's state and runs batches against its log. Callers run one batch at a time
 * (a room's queue): each decides on the state the previous one left.
 */
export class TableCommandHandler {
  private snapshot: TableSnapshot;

  constructor(
    private readonly log: TableLog,
    snapshot: TableSnapshot,
    private readonly onFault: (message: string) => void = () => {},
  ) {
    this.snapshot = snapshot;
  }

  get state(): TableState {
    return this.snapshot.state;
  }

  get lastSeq(): number {
    return this.snapshot.lastSeq;
  }

  /** Whether this sender's intent is in the log as done. */
  isDone(intent: string): boolean {
    return this.snapshot.intents.get(intent) === "done";
  }

  async handle(submitted: readonly Submitted[], options: BatchOptions = {}): Promise<Handled> {
    let changed = false;
    for (let attempt = 0; ; attempt++) {
      const decided = decideBatch(this.snapshot, submitted, options);
      if (decided.events.length === 0) return { results: decided.results, events: [], changed };
      let appended: AppendResult;
      try {
        appended = await this.log.append(this.snapshot.lastSeq, decided.events);
      } catch (error) {
        this.onFault(`could not append to the log: ${(error as Error).message}`);
        return { results: unavailable(decided.results), events: [], changed };
      }
      if (appended.ok) {
        this.snapshot = { state: decided.state, lastSeq: appended.lastSeq, intents: decided.intents };
        return { results: decided.results, events: decided.events, changed: true };
      }
      // Another writer appended first: fold the log again and decide once more on what it holds.
      if (attempt > 0 || !(await this.reload())) {
        this.onFault("its log kept moving on elsewhere; the batch was not written");
        return { results: unavailable(decided.results), events: [], changed };
      }
      changed = true;
    }
  }

  /** Folds the log again (after a conflict, or when told it moved on). */
  async reload(): Promise<boolean> {
    try {
      this.snapshot = await this.log.load();
      return true;
    } catch (error) {
      this.onFault(`could not reload the log: ${(error as Error).message}`);
      return false;
    }
  }
}

/** Nothing was written: refusals stand (they changed nothing anyway), the rest were not done. */
function unavailable(results: CommandResult[]): CommandResult[] {
  return results.map((result) => (result.status === "refused" ? result : { status: "unavailable" }));
}

/** A log in memory, for tests, scripts and simulations: appends always succeed unless told to fail. */
export class MemoryTableLog implements TableLog {
  readonly entries: LoggedEvent[] = [];
  /** Test hooks: make the next appends conflict (as if another writer won) or fail. */
  conflictsToSimulate = 0;
  failuresToSimulate = 0;

  constructor(private readonly initial: TableState) {}

  async load(): Promise<TableSnapshot> {
    return foldLogged(this.initial, this.entries);
  }

  async append(expectedSeq: number, events: readonly LoggedEvent[]): Promise<AppendResult> {
    if (this.failuresToSimulate > 0) {
      this.failuresToSimulate -= 1;
      throw new Error("simulated failure to write");
    }
    if (this.conflictsToSimulate > 0 || expectedSeq !== this.entries.length) {
      if (this.conflictsToSimulate > 0) this.conflictsToSimulate -= 1;
      return { ok: false, conflict: true };
    }
    this.entries.push(...events);
    return { ok: true, lastSeq: this.entries.length };
  }
}

/** A snapshot folded from logged events (sequence numbers from 1, one per event). */
export function foldLogged(
  initial: TableState,
  logged: readonly LoggedEvent[],
  lastSeq = logged.length,
): TableSnapshot {
  let state = initial;
  const intents = new Map<string, IntentRecord>();
  for (const { event, intent } of logged) {
    state = evolve(state, event);
    if (intent !== null) intents.set(intent, intentRecord(intents.get(intent), event));
  }
  return { state, lastSeq, intents };
}
