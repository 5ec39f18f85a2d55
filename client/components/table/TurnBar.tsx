"use client";
// The strip that stays on screen while negotiating: round, whose turn, the turn clock (or
// "paused"), and the seat's own score of the draft and of the table against no deal.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { clockText, currentVersion, seatName } from "./derive.ts";
import { useTableFormat } from "./format.ts";
import styles from "./table.module.css";
import { useNow } from "./useNow.ts";

/** `at`: the moment to show the clock at (a replay); the ticking time without it. */
export function TurnClock({ view, at }: { view: TableView; at?: number }) {
  const t = useTranslations("table.turn");
  const ticking = useNow();
  const now = at ?? ticking;
  const turn = view.turn;
  if (!turn) return null;
  if (view.paused) {
    return (
      <span className={styles.clock} data-state="paused">
        {t("paused")}
        {turn.remainingMs !== null && ` · ${t("left", { clock: clockText(turn.remainingMs) })}`}
      </span>
    );
  }
  const left = turn.endsAt - now;
  return (
    <span className={styles.clock} data-state={left <= 15_000 ? "low" : "running"}>
      {t.rich("leftInTurn", {
        clock: clockText(left),
        hidden: (text: ReactNode) => <span className="visually-hidden">{text}</span>,
      })}
    </span>
  );
}

const bold = (text: ReactNode) => <strong>{text}</strong>;

export function TurnBar({ view, at }: { view: TableView; at?: number }) {
  const t = useTranslations("table.turn");
  const { points, signedPoints } = useTableFormat();
  const turn = view.turn;
  const me = view.me;
  const mine = turn !== null && me !== null && turn.seat === me.role;
  const current = currentVersion(view);
  const onTable = me && current ? me.versions.find((v) => v.number === current.number) : undefined;
  return (
    <div className={styles.turnBar} data-mine={mine}>
      {turn ? (
        <>
          <span className={styles.turnRound}>{t("round", { round: turn.round, rounds: view.rounds })}</span>
          <span className={styles.turnWho}>
            <RoleFlag role={turn.seat} name={seatName(view, turn.seat)} />{" "}
            {mine ? (
              <strong>{t("mine")}</strong>
            ) : (
              t("whose", {
                seat: seatName(view, turn.seat),
                s: seatName(view, turn.seat).endsWith("s") ? "yes" : "no",
              })
            )}
          </span>
          <TurnClock view={view} at={at} />
        </>
      ) : (
        <span>{t("none")}</span>
      )}
      {me && (
        <span className={styles.turnScore}>
          {t.rich("score", {
            draft: points(me.draft.utility),
            onTable: onTable ? "yes" : "no",
            table: onTable ? points(onTable.utility) : "",
            gain: onTable ? signedPoints(onTable.gain) : "",
            batna: points(me.batna),
            b: bold,
          })}
        </span>
      )}
    </div>
  );
}
