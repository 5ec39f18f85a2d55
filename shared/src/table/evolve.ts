// Folds one event into a table state. Pure and total over the events `decide` emits: replays,
// debriefs and crash recovery all rebuild a table with this function.
import { applyEvent } from "../scenario/effective.ts";
import type { TableEvent } from "./events.ts";
import type { TableState, TurnEnd, Version } from "./state.ts";

export function evolve(state: TableState, event: TableEvent): TableState {
  switch (event.type) {
    case "seat-claimed":
      return {
        ...state,
        seats: {
          ...state.seats,
          [event.seat]: { role: event.seat, occupied: true, occupant: event.name, bot: event.bot ?? null },
        },
      };
    case "seat-released":
      return {
        ...state,
        seats: {
          ...state.seats,
          [event.seat]: { role: event.seat, occupied: false, occupant: null, bot: null },
        },
      };
    case "briefing-started":
      return { ...state, phase: "briefing" };
    case "negotiations-started":
      return { ...state, phase: "negotiating" };
    case "turn-started":
      // Untabled edits do not outlive the turn: each seat starts from the text on the table.
      return {
        ...state,
        turn: { round: event.round, seat: event.seat, endsAt: event.endsAt },
        lastRound: event.round,
        draft: { ...(state.versions.at(-1)?.package ?? {}) },
      };
    case "option-set":
      return { ...state, draft: { ...state.draft, [event.issue]: event.option } };
    case "option-cleared": {
      const { [event.issue]: _, ...draft } = state.draft;
      return { ...state, draft };
    }
    case "version-tabled":
      return {
        ...state,
        lastTurnEnd: turnEnd(state, event.seat, "tabled", event.at),
        versions: [
          ...state.versions,
          {
            number: event.version,
            package: { ...event.package },
            tabledBy: event.seat,
            at: event.at,
            responses: {},
          },
        ],
      };
    case "version-accepted":
      return updateVersion(state, event.version, (v) => ({
        ...v,
        responses: { ...v.responses, [event.seat]: { stance: "accepted", at: event.at } },
      }));
    case "version-objected":
      return updateVersion(state, event.version, (v) => ({
        ...v,
        responses: {
          ...v.responses,
          [event.seat]: {
            stance: "objected",
            issues: [...event.issues],
            note: event.note,
            // An erased note has no words left in any language.
            ...(event.noteTranslations && !event.erased ? { noteTranslations: event.noteTranslations } : {}),
            at: event.at,
          },
        },
      }));
    case "acceptance-withdrawn":
      return updateVersion(state, event.version, (v) => {
        const { [event.seat]: _, ...responses } = v.responses;
        return { ...v, responses };
      });
    case "turn-passed":
      return { ...state, lastTurnEnd: turnEnd(state, event.seat, "passed", event.at) };
    case "turn-timed-out":
      return { ...state, lastTurnEnd: turnEnd(state, event.seat, "timed-out", event.at) };
    case "turn-skipped":
      return { ...state, lastTurnEnd: turnEnd(state, event.seat, "skipped", event.at) };
    case "bot-noted":
    case "walked-out":
      // Facts for the timeline; the turn-started or talks-concluded that follows moves the state.
      return state;
    case "talks-paused":
      return { ...state, paused: true, pausedAt: event.at };
    case "talks-resumed": {
      const pausedFor = event.at - (state.pausedAt ?? event.at);
      return {
        ...state,
        paused: false,
        pausedAt: null,
        turn: state.turn ? { ...state.turn, endsAt: state.turn.endsAt + pausedFor } : null,
      };
    }
    case "event-injected":
      return {
        ...state,
        effective: applyEvent(state.effective, event.event),
        news: [...state.news, { event: event.event, at: event.at, scheduled: event.scheduled }],
      };
    case "rounds-extended":
      return { ...state, rounds: event.rounds };
    case "broadcast-sent":
      return { ...state, broadcasts: [...state.broadcasts, { text: event.text, at: event.at }] };
    case "message-sent":
      return {
        ...state,
        messages: [
          ...state.messages,
          {
            from: event.from,
            to: event.to,
            text: event.text,
            // An erased message has no words left in any language.
            ...(event.translations && !event.erased ? { translations: event.translations } : {}),
            at: event.at,
          },
        ],
      };
    case "red-line-refused":
      return {
        ...state,
        redLineAttempts: [
          ...state.redLineAttempts,
          {
            seat: event.seat,
            action: event.action,
            rules: [...event.rules],
            version: event.version,
            at: event.at,
          },
        ],
      };
    case "talks-concluded":
      return {
        ...state,
        phase: "concluded",
        paused: false,
        pausedAt: null,
        turn: null,
        outcome: event.outcome,
      };
  }
}

/** Folds a sequence of events: the table's state is `fold(initial, log)`. */
export function fold(state: TableState, events: readonly TableEvent[]): TableState {
  return events.reduce(evolve, state);
}

function turnEnd(state: TableState, seat: string, how: TurnEnd["how"], at: number): TurnEnd {
  return { seat, round: state.turn?.round ?? state.lastRound, how, at };
}

function updateVersion(state: TableState, number: number, update: (v: Version) => Version): TableState {
  if (!state.versions.some((v) => v.number === number)) throw new Error(`no version ${number} to update`);
  return { ...state, versions: state.versions.map((v) => (v.number === number ? update(v) : v)) };
}
