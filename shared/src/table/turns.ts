// Moving the table along: ending a turn and starting the next, landing scenario events (by
// the instructor or at the start of a round) and concluding the talks.
import { checkRedLines } from "../redLines/check.ts";
import type { EventBatch } from "./batch.ts";
import type { Outcome } from "./outcome.ts";
import { noAgreementOutcome } from "./outcome.ts";

/** Starts a turn; at the start of a round, the scenario's events scheduled for it land first. */
export function startTurn(
  batch: EventBatch,
  at: number,
  round: number,
  seat: string,
  newRound: boolean,
): void {
  if (newRound) {
    for (const event of batch.state.effective.scenario.events) {
      if (event.atRound === round && !batch.state.effective.appliedEvents.includes(event.id)) {
        injectEvent(batch, at, event.id, true);
      }
    }
  }
  // A turn that starts during a pause gets its whole clock when the table resumes.
  const from = batch.state.paused ? (batch.state.pausedAt ?? at) : at;
  batch.push({ type: "turn-started", at, seat, round, endsAt: from + batch.state.turnSeconds * 1000 });
}

/** After the event that ended the current turn: the next seat's turn, or stalemate when the rounds are out. */
export function nextTurn(batch: EventBatch, at: number): void {
  const { turn, turnOrder, rounds } = batch.state;
  if (!turn) throw new Error("nextTurn outside a turn");
  const index = turnOrder.indexOf(turn.seat) + 1;
  const wraps = index >= turnOrder.length;
  const round = wraps ? turn.round + 1 : turn.round;
  const seat = turnOrder[wraps ? 0 : index];
  if (seat === undefined) throw new Error("empty turn order");
  if (round > rounds) conclude(batch, at, noAgreementOutcome(batch.state.effective, "rounds-exhausted"));
  else startTurn(batch, at, round, seat, wraps);
}

/**
 * Lands a scenario event. An acceptance that now breaks the accepting seat's red lines lapses:
 * a seat is never on record accepting what its red lines forbid.
 */
export function injectEvent(batch: EventBatch, at: number, eventId: string, scheduled: boolean): void {
  batch.push({ type: "event-injected", at, event: eventId, scheduled });
  // Older versions too: the record of who accepted what must never contradict a red line.
  for (const version of batch.state.versions) {
    for (const [seat, response] of Object.entries(version.responses)) {
      if (response.stance !== "accepted") continue;
      const violations = checkRedLines(batch.state.effective, seat, version.package);
      if (violations.length > 0) {
        batch.push({
          type: "acceptance-withdrawn",
          at,
          seat,
          version: version.number,
          rules: violations.map((v) => v.rule),
        });
      }
    }
  }
}

export function conclude(batch: EventBatch, at: number, outcome: Outcome): void {
  batch.push({ type: "talks-concluded", at, outcome });
}
