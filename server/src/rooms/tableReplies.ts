// What a table room says back: the answer to an intent (done, the engine's refusal, or an
// error), and the sentences for a seat that is lost, released or taken over.
import {
  type CommandResult,
  type ErrorMessage,
  type Refusal,
  type ShownRefusal,
  tableMessages,
} from "@red-lines/shared/engine";
import { rateLimitedError } from "./messageRate.ts";

/** What a connection that no longer holds its seat is told when it tries to act. */
export function seatLost(intentId?: string): ErrorMessage {
  return {
    code: "seat-lost",
    message:
      "You no longer hold this seat (you left it, or the facilitator gave it to someone or to a bot): you can watch, not act. Join again with the workshop code.",
    ...(intentId ? { intentId } : {}),
  };
}

export const seatRevoked: ErrorMessage = {
  code: "seat-revoked",
  message: "The facilitator has given your seat to someone else. Join again with the workshop code.",
};

export const seatReplaced: ErrorMessage = {
  code: "seat-replaced",
  message:
    "Your seat was opened in another tab or on another device, which now holds it. Close this one, or reload it to take the seat back here.",
};

export const internalError: ErrorMessage = {
  code: "internal",
  reason: "table",
  message:
    "Something went wrong at this table, so that action was not carried out. Try again; if it repeats, tell the facilitator.",
};

export const unavailableError: ErrorMessage = {
  code: "unavailable",
  reason: "table",
  message: "The table's record could not be saved, so nothing was done. Try again in a moment.",
};

export const observersCannotAct = (intentId: string): ErrorMessage => ({
  code: "invalid-message",
  reason: "observer",
  message: "Observers watch; they cannot act at the table.",
  intentId,
});

/** The message answering an intent: its type and body. */
export function answerTo(
  intentId: string,
  result: CommandResult | ErrorMessage,
  show: (refusal: Refusal) => ShownRefusal,
): [type: string, body: Record<string, unknown>] {
  if (!("status" in result)) return [tableMessages.error, { ...result, intentId }];
  if (result.status === "done") return [tableMessages.done, { intentId }];
  if (result.status === "refused")
    return [tableMessages.refusal, { intentId, refusal: show(result.refusal) }];
  return [tableMessages.error, { ...unavailableError, intentId }];
}

/** A command over the polite rate, answered with its intent's id when it has one to resend. */
export function rateLimitedAnswer(payload: unknown): ErrorMessage {
  const intentId = (payload as { intentId?: unknown } | null)?.intentId;
  return {
    ...rateLimitedError,
    ...(typeof intentId === "string" && intentId.length <= 64 ? { intentId } : {}),
  };
}
