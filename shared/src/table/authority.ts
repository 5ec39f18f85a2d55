// The checks every command passes before its own rules: who may act, whether that seat is
// taken, the phase, the pause and the turn. Each returns a refusal, or null when it passes.
import { instructorActor, systemActor } from "./commands.ts";
import { notYourTurn, type Refusal, refuse, wrongPhase } from "./refusals.ts";
import { isRole, type Phase, possessive, roleName, type TableState } from "./state.ts";

/** The actor must be one of the scenario's seats (not the instructor or the clock). */
export function mustBeSeat(state: TableState, actor: string, action: string): Refusal | null {
  if (actor === instructorActor)
    return refuse("not-allowed", `The instructor cannot ${action}; only a seat can.`);
  if (actor === systemActor)
    return refuse("not-allowed", `The server's clock cannot ${action}; only a seat can.`);
  return knownSeat(state, actor);
}

export function knownSeat(state: TableState, seat: string): Refusal | null {
  return isRole(state, seat)
    ? null
    : refuse("unknown-seat", `There is no seat called "${seat}" at this table.`);
}

export function mustBeInstructor(actor: string, action: string): Refusal | null {
  return actor === instructorActor ? null : refuse("not-allowed", `Only the instructor can ${action}.`);
}

export function mustBeSeated(state: TableState, seat: string): Refusal | null {
  if (state.seats[seat]?.occupied) return null;
  const name = roleName(state, seat);
  return refuse("not-seated", `${possessive(name)} seat is empty; take the seat before acting for ${name}.`);
}

export function mustBeIn(state: TableState, phases: readonly Phase[], action: string): Refusal | null {
  return phases.includes(state.phase) ? null : wrongPhase(state, action);
}

export function mustNotBePaused(state: TableState): Refusal | null {
  return state.paused ? refuse("paused", "The table is paused; wait for the instructor to resume it.") : null;
}

export function mustBeOnTurn(state: TableState, seat: string): Refusal | null {
  return state.turn?.seat === seat ? null : notYourTurn(state);
}

/** The checks a seat's move in the negotiation passes, in the order a player would want to hear them. */
export function seatMove(
  state: TableState,
  actor: string,
  action: string,
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
