// The table screen's fixed sentences: how talks ended in plain words, and what a
// failed command means when the server did not refuse it (timeout, offline, error).
import type { ConclusionReason, ErrorMessage } from "@red-lines/shared/protocol";
import type { CommandReply } from "../../lib/useTable.ts";
import type { TableT } from "./format.ts";

type ReasonDetails = { version: number | null; walkedOut: string | null; seats: number };

/** How the talks ended, in the reader's language (`t`: the "table" messages). */
export function outcomeReason(t: TableT, reason: ConclusionReason, details: ReasonDetails): string {
  switch (reason) {
    case "agreement":
      return t("outcome.reason.agreement", { seats: details.seats, version: details.version ?? "?" });
    case "rounds-exhausted":
      return t("outcome.reason.roundsExhausted");
    case "walk-out":
      return details.walkedOut === null
        ? t("outcome.reason.walkOutUnknown")
        : t("outcome.reason.walkOut", { seat: details.walkedOut });
    case "ended-by-instructor":
      return t("outcome.reason.endedByInstructor");
  }
}

/**
 * A sentence for a command that did not go through, or null when it did. A refusal comes in the
 * reader's language as it is; an error is said by its code (`said`: lib/serverErrors.ts).
 */
export function replyProblem(
  reply: CommandReply,
  t: TableT,
  said: (error: ErrorMessage) => string,
): string | null {
  switch (reply.kind) {
    case "done":
      return null;
    case "refused":
      return reply.refusal.message;
    case "error":
      return said(reply.error);
    case "timeout":
      return t("reply.timeout");
    case "offline":
      return t("reply.offline");
  }
}
