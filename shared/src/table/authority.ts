// The checks every command passes before its own rules: who may act, whether that seat is
// taken, the phase, the pause and the turn. Each returns a refusal, or null when it passes.

import { phrase } from "../i18n/phrase.ts";
import { instructorActor, systemActor } from "./commands.ts";
import { type Action, actionPhrase, notYourTurn, type Refusal, refuse, wrongPhase } from "./refusals.ts";
import { isRole, type Phase, type TableState } from "./state.ts";

/** The actor must be one of the scenario's seats (not the instructor or the clock). */
export function mustBeSeat(state: TableState, actor: string, action: Action): Refusal | null {
  if (actor === instructorActor)
    return refuse("not-allowed", phrase("refusal.instructor-not-a-seat", { action: actionPhrase(action) }));
  if (actor === systemActor)
    return refuse("not-allowed", phrase("refusal.clock-not-a-seat", { action: actionPhrase(action) }));
  return knownSeat(state, actor);
}

export function knownSeat(state: TableState, seat: string): Refusal | null {
  return isRole(state, seat) ? null : refuse("unknown-seat", phrase("refusal.unknown-seat", { seat }));
}

export function mustBeInstructor(actor: string, action: Action): Refusal | null {
  return actor === instructorActor
    ? null
    : refuse("not-allowed", phrase("refusal.only-instructor", { action: actionPhrase(action) }));
}

export function mustBeSeated(state: TableState, seat: string): Refusal | null {
  if (state.seats[seat]?.occupied) return null;
  return refuse("not-seated", phrase("refusal.not-seated", { role: { role: seat } }));
}

export function mustBeIn(state: TableState, phases: readonly Phase[], action: Action): Refusal | null {
  return phases.includes(state.phase) ? null : wrongPhase(state, action);
}

export function mustNotBePaused(state: TableState): Refusal | null {
  return state.paused ? refuse("paused", phrase("refusal.paused")) : null;
}

export function mustBeOnTurn(state: TableState, seat: string): Refusal | null {
  return state.turn?.seat === seat ? null : notYourTurn(state);
}

/** The checks a seat's move in the negotiation passes, in the order a player would want to hear them. */
export function seatMove(
  state: TableState,
  actor: string,
  action: Action,
  options: { phases?: readonly Phase[]; turn?: boolean } = {},
): Refusal | null {
  return (
    mustBeSeat(state, actor, action) ??
    mustBeSeated(state, actor) ??
    mustBeIn(state, options.phases ?? ["negotiating"], action) ??
    mustNotBePaused(state) ??
    (options.turn ? mustBeOnTurn(state, actor) : null)
  );
}
