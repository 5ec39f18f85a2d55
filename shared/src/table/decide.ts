// The decider's judgement: a command against the current state gives the events that follow
// from it, or a typed refusal saying why not. Pure: time comes in on the command.

import { phrase } from "../i18n/phrase.ts";
import { botNote, say } from "./chat.ts";
import { commandSchema, type TableCommand, toMillis } from "./commands.ts";
import {
  broadcast,
  endTalks,
  extendRounds,
  injectScenarioEvent,
  pause,
  resume,
  skipTurn,
  start,
  timeout,
} from "./facilitation.ts";
import { accept, clearOption, object, pass, setOption, tableDraft, walkOut } from "./negotiation.ts";
import { type Decision, type Refusal, refuse } from "./refusals.ts";
import { assignSeat, claimSeat, leaveSeat, releaseSeat } from "./seating.ts";
import type { TableState } from "./state.ts";

export function decide(state: TableState, command: TableCommand): Decision {
  const at = toMillis(command.at);
  switch (command.type) {
    case "claim-seat":
      return claimSeat(state, command, at);
    case "leave-seat":
      return leaveSeat(state, command, at);
    case "assign-seat":
      return assignSeat(state, command, at);
    case "release-seat":
      return releaseSeat(state, command, at);
    case "start":
      return start(state, command, at);
    case "pause":
      return pause(state, command, at);
    case "resume":
      return resume(state, command, at);
    case "inject-event":
      return injectScenarioEvent(state, command, at);
    case "extend-rounds":
      return extendRounds(state, command, at);
    case "skip-turn":
      return skipTurn(state, command, at);
    case "end-talks":
      return endTalks(state, command, at);
    case "broadcast":
      return broadcast(state, command, at);
    case "set-option":
      return setOption(state, command, at);
    case "clear-option":
      return clearOption(state, command, at);
    case "table-draft":
      return tableDraft(state, command, at);
    case "accept":
      return accept(state, command, at);
    case "object":
      return object(state, command, at);
    case "pass":
      return pass(state, command, at);
    case "walk-out":
      return walkOut(state, command, at);
    case "say":
      return say(state, command, at);
    case "bot-note":
      return botNote(state, command, at);
    case "timeout":
      return timeout(state, command, at);
  }
}

/** Parses untrusted input into a command, or an `invalid-command` refusal naming the first problem. */
export function parseCommand(
  data: unknown,
): { ok: true; command: TableCommand } | { ok: false; refusal: Refusal } {
  const parsed = commandSchema.safeParse(data);
  if (parsed.success) return { ok: true, command: parsed.data };
  const [issue] = parsed.error.issues;
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return {
    ok: false,
    refusal: refuse(
      "invalid-command",
      phrase("refusal.invalid-command", { detail: `${where}${issue?.message ?? "invalid"}` }),
    ),
  };
}
