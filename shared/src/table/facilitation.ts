// The instructor's controls (start, pause, resume, events, rounds, skip, end, broadcast) and
// the server clock's timeout, which only ends a turn whose clock has really run out.

import { botName } from "../bots/styles.ts";
import { phrase } from "../i18n/phrase.ts";
import { findEvent } from "../scenario/effective.ts";
import { mustBeIn, mustBeInstructor, mustNotBePaused } from "./authority.ts";
import { EventBatch } from "./batch.ts";
import { type CommandOf, systemActor } from "./commands.ts";
import type { TableEvent } from "./events.ts";
import { noAgreementOutcome } from "./outcome.ts";
import { type Decision, type Refusal, refuse } from "./refusals.ts";
import type { TableState } from "./state.ts";
import { conclude, injectEvent, nextTurn, startTurn } from "./turns.ts";

const refused = (refusal: Refusal): Decision => ({ ok: false, refusal });
/** The style of the bots a workshop's bot fill seats. */
const fillStyle = "boulware";
const running = ["briefing", "negotiating"] as const;
const notOver = ["lobby", "briefing", "negotiating"] as const;

function everySeatTaken(state: TableState): Refusal | null {
  const empty = Object.values(state.seats).filter((s) => !s.occupied);
  if (empty.length === 0) return null;
  return refuse("seats-empty", phrase("refusal.seats-empty", { roles: { roles: empty.map((s) => s.role) } }));
}

export function start(state: TableState, command: CommandOf<"start">, at: number): Decision {
  const refusal =
    mustBeInstructor(command.actor, "start-table") ??
    mustBeIn(state, ["lobby", "briefing"], "start-table") ??
    (state.botFill && state.phase === "lobby" ? null : everySeatTaken(state));
  if (refusal) return refused(refusal);
  if (state.phase === "lobby") {
    // A workshop set to fill with bots seats one in every empty seat as the briefing begins.
    const fill: TableEvent[] = Object.values(state.seats)
      .filter((seat) => !seat.occupied)
      .map((seat) => ({
        type: "seat-claimed",
        at,
        seat: seat.role,
        name: botName(fillStyle),
        by: command.actor,
        bot: fillStyle,
      }));
    return { ok: true, events: [...fill, { type: "briefing-started", at }] };
  }
  const batch = new EventBatch(state);
  batch.push({ type: "negotiations-started", at });
  const first = state.turnOrder[0];
  if (first === undefined) throw new Error("empty turn order");
  startTurn(batch, at, 1, first, true);
  return { ok: true, events: batch.events };
}

export function pause(state: TableState, command: CommandOf<"pause">, at: number): Decision {
  const refusal =
    mustBeInstructor(command.actor, "pause-table") ??
    mustBeIn(state, ["negotiating"], "pause-table") ??
    (state.paused ? refuse("paused", phrase("refusal.already-paused")) : null);
  if (refusal) return refused(refusal);
  return { ok: true, events: [{ type: "talks-paused", at }] };
}

export function resume(state: TableState, command: CommandOf<"resume">, at: number): Decision {
  const refusal =
    mustBeInstructor(command.actor, "resume-table") ??
    (state.paused ? null : refuse("not-paused", phrase("refusal.not-paused")));
  if (refusal) return refused(refusal);
  return { ok: true, events: [{ type: "talks-resumed", at }] };
}

export function injectScenarioEvent(
  state: TableState,
  command: CommandOf<"inject-event">,
  at: number,
): Decision {
  const refusal =
    mustBeInstructor(command.actor, "inject-events") ?? mustBeIn(state, notOver, "inject-event");
  if (refusal) return refused(refusal);
  const event = findEvent(state.effective.scenario, command.event);
  if (!event) {
    const known = state.effective.scenario.events.map((e) => e.id).join(", ");
    return refused(refuse("unknown-event", phrase("refusal.unknown-event", { event: command.event, known })));
  }
  // Effects are deltas: landing the same news twice would count it twice.
  if (state.effective.appliedEvents.includes(event.id)) {
    return refused(
      refuse(
        "event-already-injected",
        phrase("refusal.event-already-injected", { event: { event: event.id } }),
      ),
    );
  }
  const batch = new EventBatch(state);
  injectEvent(batch, at, event.id, false);
  return { ok: true, events: batch.events };
}

export function extendRounds(state: TableState, command: CommandOf<"extend-rounds">, at: number): Decision {
  const refusal =
    mustBeInstructor(command.actor, "extend-rounds") ?? mustBeIn(state, notOver, "extend-rounds");
  if (refusal) return refused(refusal);
  return {
    ok: true,
    events: [{ type: "rounds-extended", at, by: command.by, rounds: state.rounds + command.by }],
  };
}

export function skipTurn(state: TableState, command: CommandOf<"skip-turn">, at: number): Decision {
  const refusal =
    mustBeInstructor(command.actor, "skip-turn") ?? mustBeIn(state, ["negotiating"], "skip-turn");
  if (refusal || !state.turn)
    return refused(refusal ?? refuse("wrong-phase", phrase("refusal.no-turn-to-skip")));
  const batch = new EventBatch(state);
  batch.push({ type: "turn-skipped", at, seat: state.turn.seat });
  nextTurn(batch, at);
  return { ok: true, events: batch.events };
}

export function endTalks(state: TableState, command: CommandOf<"end-talks">, at: number): Decision {
  const refusal = mustBeInstructor(command.actor, "end-talks") ?? mustBeIn(state, running, "end-talks");
  if (refusal) return refused(refusal);
  const batch = new EventBatch(state);
  conclude(batch, at, noAgreementOutcome(state.effective, "ended-by-instructor"));
  return { ok: true, events: batch.events };
}

export function broadcast(_state: TableState, command: CommandOf<"broadcast">, at: number): Decision {
  const refusal = mustBeInstructor(command.actor, "broadcast");
  if (refusal) return refused(refusal);
  return { ok: true, events: [{ type: "broadcast-sent", at, text: command.text }] };
}

export function timeout(state: TableState, command: CommandOf<"timeout">, at: number): Decision {
  const refusal =
    (command.actor === systemActor ? null : refuse("not-allowed", phrase("refusal.only-clock-times-out"))) ??
    mustBeIn(state, ["negotiating"], "time-out-turn") ??
    mustNotBePaused(state);
  if (refusal || !state.turn)
    return refused(refusal ?? refuse("wrong-phase", phrase("refusal.no-turn-to-time-out")));
  if (at < state.turn.endsAt) {
    const left = Math.ceil((state.turn.endsAt - at) / 1000);
    return refused(
      refuse(
        "turn-not-expired",
        phrase("refusal.turn-not-expired", { role: { role: state.turn.seat }, seconds: left }),
      ),
    );
  }
  const batch = new EventBatch(state);
  batch.push({ type: "turn-timed-out", at, seat: state.turn.seat });
  nextTurn(batch, at);
  return { ok: true, events: batch.events };
}
