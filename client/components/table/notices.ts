// The notices that pass by themselves, read off two successive views of the table: the seat's
// turn, a turn that ran out or was skipped, a walk-out and the end of the talks. What each says
// is a code with its details (seats by role), put into words where it is shown (Notices.tsx).
import type { TableView } from "@red-lines/shared/protocol";

/** A passing notice goes by itself after this long (it can be dismissed before). */
export const passingNoticeMs = 12_000;
/** The seat is warned when its own turn has this little time left. */
export const lowClockMs = 30_000;

export type Says =
  | { code: "timedOutMine" }
  | { code: "timedOut"; seat: string }
  | { code: "skippedMine" }
  | { code: "skipped"; seat: string }
  | { code: "yourTurn"; round: number }
  | { code: "agreement"; version: number | null; outcome: string }
  | { code: "walkedOutMine"; outcome: string }
  | { code: "walkedOut"; seat: string; outcome: string }
  | { code: "over"; outcome: string };

export type Passing = {
  key: string;
  kind: "turn" | "timeout" | "walk-out" | "outcome";
  says: Says;
  until: number;
};

/** Notices for what changed between two views of the table. */
export function passingNotices(before: TableView, after: TableView, now: number): Passing[] {
  const me = after.me?.role ?? null;
  const found: Passing[] = [];
  const until = now + passingNoticeMs;
  const end = after.lastTurnEnd;
  if (end && (end.at !== before.lastTurnEnd?.at || end.seat !== before.lastTurnEnd?.seat)) {
    if (end.how === "timed-out") {
      found.push({
        key: `timeout:${end.at}:${end.seat}`,
        kind: "timeout",
        says: end.seat === me ? { code: "timedOutMine" } : { code: "timedOut", seat: end.seat },
        until,
      });
    }
    if (end.how === "skipped") {
      found.push({
        key: `skipped:${end.at}:${end.seat}`,
        kind: "timeout",
        says: end.seat === me ? { code: "skippedMine" } : { code: "skipped", seat: end.seat },
        until,
      });
    }
  }
  const turn = after.turn;
  const turnMoved = turn && (turn.seat !== before.turn?.seat || turn.round !== before.turn?.round);
  if (turn && turnMoved && turn.seat === me) {
    found.push({
      key: `turn:${turn.round}:${turn.seat}`,
      kind: "turn",
      says: { code: "yourTurn", round: turn.round },
      until,
    });
  }
  if (before.phase !== "concluded" && after.phase === "concluded" && after.outcome) {
    const { outcome } = after;
    const walked = outcome.walkedOut;
    found.push({
      key: "outcome",
      kind: walked ? "walk-out" : "outcome",
      says:
        outcome.reason === "agreement"
          ? { code: "agreement", version: outcome.version, outcome: outcome.title }
          : walked
            ? walked === me
              ? { code: "walkedOutMine", outcome: outcome.title }
              : { code: "walkedOut", seat: walked, outcome: outcome.title }
            : { code: "over", outcome: outcome.title },
      until: now + passingNoticeMs * 2,
    });
  }
  return found;
}
