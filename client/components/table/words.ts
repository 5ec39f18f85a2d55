// The table screen's fixed sentences: how talks ended in plain words, and what a
// failed command means when the server did not refuse it (timeout, offline, error).
import type { ConclusionReason } from "@red-lines/shared/protocol";
import type { CommandReply } from "../../lib/useTable.ts";

export function reasonSentence(
  reason: ConclusionReason,
  details: { version: number | null; walkedOut: string | null; seats: number },
): string {
  switch (reason) {
    case "agreement":
      return `All ${details.seats} parties accepted version ${details.version ?? "?"}.`;
    case "rounds-exhausted":
      return "The rounds ran out before every party accepted the same version.";
    case "walk-out":
      return `${details.walkedOut ?? "A party"} walked out of the talks.`;
    case "ended-by-instructor":
      return "The facilitator ended the talks.";
  }
}

/** A sentence for a command that did not go through, or null when it did. */
export function replyProblem(reply: CommandReply): string | null {
  switch (reply.kind) {
    case "done":
      return null;
    case "refused":
      return reply.refusal.message;
    case "error":
      return reply.error.message;
    case "timeout":
      return "The server did not answer in time. Check the connection status above and try again.";
    case "offline":
      return "You are not connected right now. Wait for the connection to come back, then try again.";
  }
}
