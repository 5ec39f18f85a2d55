// The notices that pass by themselves, read off two successive views of the table: the seat's
// turn, a turn that ran out or was skipped, a walk-out and the end of the talks.
import { possessive } from "@red-lines/shared/client";
import type { TableView } from "@red-lines/shared/protocol";
import { seatName } from "./derive.ts";

/** A passing notice goes by itself after this long (it can be dismissed before). */
export const passingNoticeMs = 12_000;
/** The seat is warned when its own turn has this little time left. */
export const lowClockMs = 30_000;

export type Passing = {
  key: string;
  kind: "turn" | "timeout" | "walk-out" | "outcome";
  text: string;
  until: number;
};

/** Notices for what changed between two views of the table, as sentences. */
export function passingNotices(before: TableView, after: TableView, now: number): Passing[] {
  const me = after.me?.role ?? null;
  const name = (role: string) => seatName(after, role);
  const found: Passing[] = [];
  const until = now + passingNoticeMs;
  const end = after.lastTurnEnd;
  if (end && (end.at !== before.lastTurnEnd?.at || end.seat !== before.lastTurnEnd?.seat)) {
    if (end.how === "timed-out") {
      found.push({
        key: `timeout:${end.at}:${end.seat}`,
        kind: "timeout",
        text:
          end.seat === me
            ? "Your time ran out: your turn passed without a move."
            : `${name(end.seat)} ran out of time: the turn moved on.`,
        until,
      });
    }
    if (end.how === "skipped") {
      found.push({
        key: `skipped:${end.at}:${end.seat}`,
        kind: "timeout",
        text:
          end.seat === me
            ? "The facilitator skipped your turn."
            : `The facilitator skipped ${possessive(name(end.seat))} turn.`,
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
      text: `Your turn (round ${turn.round}): edit the draft, then table it or pass.`,
      until,
    });
  }
  if (before.phase !== "concluded" && after.phase === "concluded" && after.outcome) {
    const { outcome } = after;
    const walked = outcome.walkedOut;
    found.push({
      key: "outcome",
      kind: walked ? "walk-out" : "outcome",
      text:
        outcome.reason === "agreement"
          ? `Agreement: every party accepted version ${outcome.version}. Outcome: ${outcome.title}.`
          : walked
            ? `${walked === me ? "You" : name(walked)} walked out: the talks are over. Outcome: ${outcome.title}.`
            : `The talks are over without an agreement. Outcome: ${outcome.title}.`,
      until: now + passingNoticeMs * 2,
    });
  }
  return found;
}
