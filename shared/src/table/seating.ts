// Seating decisions: a seat is claimed or left by whoever takes it, assigned or released by
// the instructor. The state records only that a seat is taken and by what display name.
import { botName } from "../bots/styles.ts";
import { phrase } from "../i18n/phrase.ts";
import { knownSeat, mustBeIn, mustBeInstructor, mustBeSeat, mustBeSeated } from "./authority.ts";
import { type CommandOf, systemActor } from "./commands.ts";
import type { Decision, Refusal } from "./refusals.ts";
import { refuse } from "./refusals.ts";
import type { TableState } from "./state.ts";

const open = ["lobby", "briefing", "negotiating"] as const;
const refused = (refusal: Refusal): Decision => ({ ok: false, refusal });

function mustBeFree(state: TableState, seat: string): Refusal | null {
  if (!state.seats[seat]?.occupied) return null;
  const by = state.seats[seat]?.occupant;
  return refuse(
    "seat-taken",
    by
      ? phrase("refusal.seat-taken-by", { role: { role: seat }, name: by })
      : phrase("refusal.seat-taken", { role: { role: seat } }),
  );
}

export function claimSeat(state: TableState, command: CommandOf<"claim-seat">, at: number): Decision {
  // A person takes a seat back from the bot keeping it warm.
  const fromBot = state.seats[command.actor]?.bot != null;
  const refusal =
    mustBeSeat(state, command.actor, "claim-seat") ??
    mustBeIn(state, open, "take-seat") ??
    (fromBot ? null : mustBeFree(state, command.actor));
  if (refusal) return refused(refusal);
  return {
    ok: true,
    events: [
      ...(fromBot ? [{ type: "seat-released" as const, at, seat: command.actor, by: systemActor }] : []),
      { type: "seat-claimed", at, seat: command.actor, name: command.name ?? null, by: command.actor },
    ],
  };
}

export function leaveSeat(state: TableState, command: CommandOf<"leave-seat">, at: number): Decision {
  const refusal =
    mustBeSeat(state, command.actor, "leave-a-seat") ??
    mustBeIn(state, open, "leave-your-seat") ??
    mustBeSeated(state, command.actor);
  if (refusal) return refused(refusal);
  return { ok: true, events: [{ type: "seat-released", at, seat: command.actor, by: command.actor }] };
}

export function assignSeat(state: TableState, command: CommandOf<"assign-seat">, at: number): Decision {
  const refusal =
    mustBeInstructor(command.actor, "assign-seats") ??
    knownSeat(state, command.seat) ??
    mustBeIn(state, open, "assign-seat") ??
    mustBeFree(state, command.seat);
  if (refusal) return refused(refusal);
  return {
    ok: true,
    events: [
      {
        type: "seat-claimed",
        at,
        seat: command.seat,
        name: command.name ?? (command.bot ? botName(command.bot) : null),
        by: command.actor,
        ...(command.bot ? { bot: command.bot } : {}),
      },
    ],
  };
}

export function releaseSeat(state: TableState, command: CommandOf<"release-seat">, at: number): Decision {
  const refusal =
    mustBeInstructor(command.actor, "release-seats") ??
    knownSeat(state, command.seat) ??
    mustBeIn(state, open, "release-seat") ??
    mustBeSeated(state, command.seat);
  if (refusal) return refused(refusal);
  return { ok: true, events: [{ type: "seat-released", at, seat: command.seat, by: command.actor }] };
}
