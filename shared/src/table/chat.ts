// Talk at the table: the public chat every seat and observer reads, and private channels
// between two seats that only those two (and the instructor) read.
import { phrase } from "../i18n/phrase.ts";
import { knownSeat, mustBeSeat, mustBeSeated } from "./authority.ts";
import type { CommandOf } from "./commands.ts";
import { type Decision, refuse } from "./refusals.ts";
import type { TableState } from "./state.ts";

export function say(state: TableState, command: CommandOf<"say">, at: number): Decision {
  const to = command.to ?? null;
  const refusal =
    mustBeSeat(state, command.actor, "use-chat") ??
    mustBeSeated(state, command.actor) ??
    (to === null ? null : knownSeat(state, to)) ??
    (to === command.actor ? refuse("invalid-recipient", phrase("refusal.message-yourself")) : null);
  if (refusal) return { ok: false, refusal };
  return { ok: true, events: [{ type: "message-sent", at, from: command.actor, to, text: command.text }] };
}

/** A bot's reasoning, from a seat a bot is playing; people have their own words at the table. */
export function botNote(state: TableState, command: CommandOf<"bot-note">, at: number): Decision {
  const refusal =
    mustBeSeat(state, command.actor, "note-bot-reasoning") ??
    mustBeSeated(state, command.actor) ??
    (state.seats[command.actor]?.bot ? null : refuse("not-allowed", phrase("refusal.bot-note-not-allowed")));
  if (refusal) return { ok: false, refusal };
  return { ok: true, events: [{ type: "bot-noted", at, seat: command.actor, text: command.text }] };
}
