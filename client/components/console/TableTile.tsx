"use client";
// One table at a glance: phase, round, whose turn and its clock, who is connected, the version
// on the table and who accepted it, red-line attempts, alerts, the last action and the answer to
// the last command. Every row is always there, so a tile keeps its shape as the table changes.
import type { ConsoleSnapshot, ConsoleTable } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { usePersonName } from "../../lib/personName.ts";
import { AnswerLine } from "./AnswerLine.tsx";
import {
  ago,
  type ConsoleT,
  clock,
  type Formatter,
  observerHref,
  phaseLabel,
  roundText,
  seatNames,
  startedPhase,
  startLabel,
  whose,
} from "./format.ts";
import styles from "./Tile.module.css";
import type { TableAnswer } from "./useCommandAnswers.ts";

function turnText(
  tile: ConsoleTable,
  now: number,
  t: ConsoleT,
  format: Formatter,
): { who: string; clock: string | null } {
  const { status } = tile;
  if (status.phase === "concluded") {
    return {
      who: status.outcomeTitle ? t("tile.outcome", { title: status.outcomeTitle }) : t("tile.talksOver"),
      clock: null,
    };
  }
  if (status.phase !== "negotiating" || !status.turnSeat) {
    return {
      who: status.phase === "lobby" ? t("tile.waiting") : t("tile.reading"),
      clock: null,
    };
  }
  const name = status.seats.find((seat) => seat.role === status.turnSeat)?.name ?? status.turnSeat;
  const left =
    status.paused && status.pausedRemainingMs !== null
      ? t("tile.leftFrozen", { clock: clock(status.pausedRemainingMs, format) })
      : status.turnEndsAt !== null
        ? t("tile.left", { clock: clock(status.turnEndsAt - now, format) })
        : null;
  return { who: t("tile.whoseTurn", whose(name)), clock: left };
}

/** Words only screen readers hear, completing a short button's name ("Pause" → "Pause table 2"). */
const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;

export function TableTile({
  tile,
  events,
  alertCount,
  answer,
  now,
  busy,
  workshopId,
  onStep,
  onOpenControls,
}: {
  tile: ConsoleTable;
  events: ConsoleSnapshot["events"];
  alertCount: number;
  answer: TableAnswer | undefined;
  now: number;
  /** A command to this table is on its way. */
  busy: boolean;
  workshopId: string;
  /** The tile's one-click command: start the next phase, pause or resume. */
  onStep: (command: "start" | "pause" | "resume", label: string) => void;
  onOpenControls: () => void;
}) {
  const t = useTranslations("console");
  const format = useFormatter();
  const personName = usePersonName();
  const { status, number } = tile;
  const headingId = `table-${number}-heading`;
  // `now` ticks once a second; a tile re-rendered between ticks (its table changed) reads the
  // time afresh, so a turn that just began never shows more time than it has.
  const turn = turnText(tile, Math.max(now, Date.now()), t, format);
  const connected = new Set(tile.connected);
  const accepted = seatNames(status, status.acceptedBy);
  const start = startLabel(status.phase, t);
  const next = startedPhase(status.phase);
  // The tile's one-click command: its label (for the answer) and its button's words.
  const step: { command: "start" | "pause" | "resume"; label: string; button: ReactNode } | null =
    start && next
      ? {
          command: "start",
          label: start,
          button: t.rich("tile.start", { phase: next, table: number, hidden }),
        }
      : status.paused
        ? {
            command: "resume",
            label: t("label.resume"),
            button: t.rich("tile.resume", { table: number, hidden }),
          }
        : status.phase === "negotiating"
          ? {
              command: "pause",
              label: t("label.pause"),
              button: t.rich("tile.pause", { table: number, hidden }),
            }
          : null;

  return (
    <article className={styles.tile} data-phase={status.phase} aria-labelledby={headingId}>
      <header className={styles.head}>
        <h3 id={headingId} className={styles.number}>
          {t("tile.heading", { table: number })}
        </h3>
        <p className={styles.badges}>
          <span className={styles.phase}>{phaseLabel(status.phase, t)}</span>
          {status.paused && (
            <span className={styles.paused}>
              <span aria-hidden="true">‖</span> {t("tile.paused")}
            </span>
          )}
        </p>
      </header>

      <dl className={styles.facts}>
        <div className={styles.wide}>
          <dt>{t("tile.round")}</dt>
          <dd data-testid="round">{roundText(status, t)}</dd>
        </div>
        <div className={styles.wide}>
          <dt>{t("tile.turn")}</dt>
          <dd>
            {turn.who}
            {turn.clock && <span className={styles.clock}> · {turn.clock}</span>}
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>{t("tile.onTheTable")}</dt>
          <dd>
            {status.version === 0
              ? t("tile.nothingTabled")
              : t("tile.version", {
                  version: status.version,
                  accepted:
                    accepted.length > 0
                      ? format.list(accepted, { type: "unit", style: "short" })
                      : t("tile.nobodyYet"),
                })}
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>{t("tile.newsSoFar")}</dt>
          <dd className={styles.clamp}>
            {status.injectedEvents.length === 0
              ? t("tile.noNews")
              : status.injectedEvents
                  .map((id) => events.find((event) => event.id === id)?.title ?? id)
                  .join("; ")}
          </dd>
        </div>
        <div>
          <dt>{t("tile.redLineAttempts")}</dt>
          <dd>{status.redLineAttempts}</dd>
        </div>
        <div>
          <dt>{t("tile.alerts")}</dt>
          <dd>{alertCount}</dd>
        </div>
      </dl>

      <ul className={styles.seats} aria-label={t("tile.seats", { table: number })}>
        {status.seats.map((seat) => {
          const online = connected.has(seat.role) || seat.bot;
          return (
            <li key={seat.role} data-online={online}>
              <span aria-hidden="true" className={styles.dot}>
                {online ? "●" : "○"}
              </span>
              <span className={styles.seatName}>
                {seat.name}
                <span className={styles.occupant}>
                  {` — ${seat.occupied ? (personName(seat.occupant) ?? t("tile.taken")) : t("tile.emptySeat")}`}
                </span>
              </span>
              <span className={styles.presence}>
                {seat.bot ? t("tile.bot") : online ? t("tile.connected") : t("tile.notConnected")}
              </span>
            </li>
          );
        })}
      </ul>

      <p className={styles.last}>
        <span className={styles.label}>{t("tile.lastAction")}</span>
        {tile.lastAction ? (
          <>
            {tile.lastAction.text} <span className={styles.when}>({ago(tile.lastAction.at, now, t)})</span>
          </>
        ) : (
          t("tile.nothingYet")
        )}
      </p>

      <AnswerLine answer={answer} />

      <div className={styles.actions}>
        {step && (
          <button type="button" disabled={busy} onClick={() => onStep(step.command, step.label)}>
            {step.button}
          </button>
        )}
        <button type="button" className={styles.secondary} aria-haspopup="dialog" onClick={onOpenControls}>
          {t.rich("tile.controls", { table: number, hidden })}
        </button>
        <Link className={`button ${styles.secondary}`} href={observerHref(tile, workshopId)}>
          {t.rich("tile.observe", { table: number, hidden })}
        </Link>
        <Link
          className={`button ${styles.secondary}`}
          href={`/debrief/${tile.tableId}?workshop=${workshopId}`}
        >
          {t.rich("tile.debrief", { table: number, hidden })}
        </Link>
      </div>
    </article>
  );
}
