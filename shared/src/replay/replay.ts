// Replay: a table's log folded with the same `evolve` and projected with the same `viewFor` as
// the live table, at any point of the log, from any perspective and in any language. Snapshots
// every N events keep seeking fast on long logs.
import { renderer } from "../i18n/catalogs.ts";
import type { Locale } from "../i18n/locales.ts";
import { instructorActor } from "../table/commands.ts";
import { initialTableState, type TableConfig } from "../table/config.ts";
import { describeEvent } from "../table/describe.ts";
import type { TableEvent } from "../table/events.ts";
import { evolve } from "../table/evolve.ts";
import type { TableState } from "../table/state.ts";
import { viewFor } from "../table/view.ts";
import type { TableView } from "../table/viewSchema.ts";

export type TimelineEntry = {
  /** The event's sequence number: the replay position just after it. */
  seq: number;
  at: number;
  type: TableEvent["type"];
  text: string;
  /** The version a `version-tabled` event tabled, for "jump to version". */
  version: number | null;
};

export type Replay = {
  /** Number of events; positions run from 0 (before the first) to `length`. */
  length: number;
  /** The table after the first `at` events. */
  stateAt(at: number): TableState;
  /** The table there as `perspective` saw it, in `locale` (English by default). */
  viewAt(at: number, perspective: string, locale?: Locale): TableView;
  /** The events this perspective may know happened, each described in `locale` (English by default). */
  timeline(perspective: string, locale?: Locale): TimelineEntry[];
};

/**
 * Whether a perspective may know an event happened: private messages only between their two
 * seats, a seat's red-line attempts and a bot's reasoning only to that seat; the instructor
 * sees all, and everyone else everything public.
 */
export function eventVisibleTo(event: TableEvent, perspective: string): boolean {
  if (perspective === instructorActor) return true;
  switch (event.type) {
    case "message-sent":
      return event.to === null || event.from === perspective || event.to === perspective;
    case "red-line-refused":
    case "bot-noted":
      return event.seat === perspective;
    default:
      return true;
  }
}

export function createReplay(
  config: TableConfig,
  events: readonly TableEvent[],
  options: { snapshotEvery?: number } = {},
): Replay {
  const every = Math.max(1, options.snapshotEvery ?? 100);
  const initial = initialTableState(config);
  const snapshots: TableState[] = [initial];
  let state = initial;
  events.forEach((event, index) => {
    state = evolve(state, event);
    if ((index + 1) % every === 0) snapshots.push(state);
  });
  const clamp = (at: number) => Math.min(events.length, Math.max(0, Math.floor(at)));

  function stateAt(at: number): TableState {
    const target = clamp(at);
    const base = Math.floor(target / every);
    let folded = snapshots[base] ?? initial;
    for (let index = base * every; index < target; index++) {
      folded = evolve(folded, events[index] as TableEvent);
    }
    return folded;
  }

  return {
    length: events.length,
    stateAt,
    viewAt: (at, perspective, locale = "en") => viewFor(stateAt(at), perspective, locale),
    timeline(perspective, locale = "en") {
      const render = renderer(initial.effective.scenario, locale);
      const entries: TimelineEntry[] = [];
      let folded = initial;
      events.forEach((event, index) => {
        folded = evolve(folded, event);
        if (!eventVisibleTo(event, perspective)) return;
        entries.push({
          seq: index + 1,
          at: event.at,
          type: event.type,
          text: render(describeEvent(folded, event)),
          version: event.type === "version-tabled" ? event.version : null,
        });
      });
      return entries;
    },
  };
}
