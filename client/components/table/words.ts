// The table screen's fixed sentences: outcome classes and reasons in plain words, and what a
// failed command means when the server did not refuse it (timeout, offline, error).
import { type ConclusionReason, type OutcomeClass, outcomeNames } from "@red-lines/shared/protocol";
import type { CommandReply } from "../../lib/useTable.ts";

const meanings: Record<OutcomeClass, { meaning: string }> = {
  "fragile-ceasefire": {
    meaning:
      "The guns fall silent along an agreed line, the status of the territory is left for later, and European guarantees are meant to keep the peace. It holds as long as the guarantees are believed.",
  },
  stalemate: {
    meaning:
      "No package was agreed before the talks ended: the war goes on and each party is left with its no-deal value.",
  },
  collapse: {
    meaning: "A party walked out and the talks broke down; each party is left with its no-deal value.",
  },
  "imposed-settlement": {
    meaning:
      "A deal was signed, but it leaves Ukraine worse off than it stood without one: a settlement forced on the weaker side.",
  },
  "comprehensive-settlement": {
    meaning: "A deal that restores Ukraine's borders and settles the core questions in one package.",
  },
  "partial-settlement": {
    meaning:
      "A deal that neither settles the territory nor anchors a ceasefire in European guarantees: it closes some questions and leaves the hardest ones open.",
  },
};

/** Each outcome class's name (the shared one) and what it means, for the outcome screen. */
export const outcomeWords = Object.fromEntries(
  Object.entries(meanings).map(([key, { meaning }]) => [
    key,
    { name: outcomeNames[key as OutcomeClass], meaning },
  ]),
) as Record<OutcomeClass, { name: string; meaning: string }>;

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
