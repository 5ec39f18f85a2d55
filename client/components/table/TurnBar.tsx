"use client";
// The strip that stays on screen while negotiating: round, whose turn, the turn clock (or
// "paused"), and the seat's own score of the draft and of the table against no deal.
import { possessive } from "@red-lines/shared/client";
import type { TableView } from "@red-lines/shared/protocol";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { clockText, currentVersion, points, seatName, signedPoints } from "./derive.ts";
import styles from "./table.module.css";
import { useNow } from "./useNow.ts";

/** `at`: the moment to show the clock at (a replay); the ticking time without it. */
export function TurnClock({ view, at }: { view: TableView; at?: number }) {
  const ticking = useNow();
  const now = at ?? ticking;
  const turn = view.turn;
  if (!turn) return null;
  if (view.paused) {
    return (
      <span className={styles.clock} data-state="paused">
        Paused
        {turn.remainingMs !== null && ` · ${clockText(turn.remainingMs)} left`}
      </span>
    );
  }
  const left = turn.endsAt - now;
  return (
    <span className={styles.clock} data-state={left <= 15_000 ? "low" : "running"}>
      {clockText(left)} left<span className="visually-hidden"> in this turn</span>
    </span>
  );
}

export function TurnBar({ view, at }: { view: TableView; at?: number }) {
  const turn = view.turn;
  const me = view.me;
  const mine = turn !== null && me !== null && turn.seat === me.role;
  const current = currentVersion(view);
  const onTable = me && current ? me.versions.find((v) => v.number === current.number) : undefined;
  return (
    <div className={styles.turnBar} data-mine={mine}>
      {turn ? (
        <>
          <span className={styles.turnRound}>
            Round {turn.round} of {view.rounds}
          </span>
          <span className={styles.turnWho}>
            <RoleFlag role={turn.seat} name={seatName(view, turn.seat)} />{" "}
            {mine ? <strong>Your turn</strong> : <>{possessive(seatName(view, turn.seat))} turn</>}
          </span>
          <TurnClock view={view} at={at} />
        </>
      ) : (
        <span>No turn running</span>
      )}
      {me && (
        <span className={styles.turnScore}>
          Your score: draft <strong>{points(me.draft.utility)}</strong>
          {onTable && (
            <>
              {" "}
              · table <strong>{points(onTable.utility)}</strong> ({signedPoints(onTable.gain)})
            </>
          )}{" "}
          · no deal {points(me.batna)}
        </span>
      )}
    </div>
  );
}
