// Talk at the table: the public chat every seat and observer reads, and private channels
// between two seats that only those two (and the instructor) read.
import { knownSeat, mustBeSeat, mustBeSeated } from "./authority.ts";
import type { CommandOf } from "./commands.ts";
import { type Decision, refuse } from "./refusals.ts";
import type { TableState } from "./state.ts";

export function say(state: TableState, command: CommandOf<"say">, at: number): Decision {
  const to = command.to ?? null;
  const refusal =
    mustBeSeat(state, command.actor, "use the table chat") ??
    mustBeSeated(state, command.actor) ??
    (to === null ? null : knownSeat(state, to)) ??
    (to === command.actor
      ? refuse("invalid-recipient", "A private channel needs another seat; you cannot message yourself.")
      : null);
  if (refusal) return { ok: false, refusal };
  return { ok: true, events: [{ type: "message-sent", at, from: command.actor, to, text: command.text }] };
}
