"use client";
// One table at a glance: phase, round, whose turn and its clock, who is connected, the version
// on the table and who accepted it, red-line attempts, alerts, the last action and the answer to
// the last command. Every row is always there, so a tile keeps its shape as the table changes.
import { possessive } from "@red-lines/shared/client";
import type { ConsoleSnapshot, ConsoleTable } from "@red-lines/shared/protocol";
import Link from "next/link";
import { AnswerLine } from "./AnswerLine.tsx";
import { ago, clock, observerHref, phaseLabel, roundText, seatNames, startLabel } from "./format.ts";
import styles from "./Tile.module.css";
import type { TableAnswer } from "./useCommandAnswers.ts";

function turnText(tile: ConsoleTable, now: number): { who: string; clock: string | null } {
  const { status } = tile;
  if (status.phase === "concluded") {
    return { who: status.outcomeTitle ? `Outcome: ${status.outcomeTitle}` : "Talks over", clock: null };
  }
  if (status.phase !== "negotiating" || !status.turnSeat) {
    return {
      who: status.phase === "lobby" ? "Waiting for players" : "Players are reading their briefs",
      clock: null,
    };
  }
  const name = status.seats.find((seat) => seat.role === status.turnSeat)?.name ?? status.turnSeat;
  const left =
    status.paused && status.pausedRemainingMs !== null
      ? `${clock(status.pausedRemainingMs)} left (frozen)`
      : status.turnEndsAt !== null
        ? `${clock(status.turnEndsAt - now)} left`
        : null;
  return { who: `${possessive(name)} turn`, clock: left };
}

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
  const { status, number } = tile;
  const headingId = `table-${number}-heading`;
  // `now` ticks once a second; a tile re-rendered between ticks (its table changed) reads the
  // time afresh, so a turn that just began never shows more time than it has.
  const turn = turnText(tile, Math.max(now, Date.now()));
  const connected = new Set(tile.connected);
  const accepted = seatNames(status, status.acceptedBy);
  const start = startLabel(status.phase);
  const step: { command: "start" | "pause" | "resume"; label: string } | null = start
    ? { command: "start", label: start }
    : status.paused
      ? { command: "resume", label: "Resume" }
      : status.phase === "negotiating"
        ? { command: "pause", label: "Pause" }
        : null;

  return (
    <article className={styles.tile} data-phase={status.phase} aria-labelledby={headingId}>
      <header className={styles.head}>
        <h3 id={headingId} className={styles.number}>
          Table {number}
        </h3>
        <p className={styles.badges}>
          <span className={styles.phase}>{phaseLabel[status.phase]}</span>
          {status.paused && (
            <span className={styles.paused}>
              <span aria-hidden="true">‖</span> Paused
            </span>
          )}
        </p>
      </header>

      <dl className={styles.facts}>
        <div className={styles.wide}>
          <dt>Round</dt>
          <dd data-testid="round">{roundText(status)}</dd>
        </div>
        <div className={styles.wide}>
          <dt>Turn</dt>
          <dd>
            {turn.who}
            {turn.clock && <span className={styles.clock}> · {turn.clock}</span>}
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>On the table</dt>
          <dd>
            {status.version === 0
              ? "Nothing tabled yet"
              : `Version ${status.version}; accepted by ${accepted.length > 0 ? accepted.join(", ") : "nobody yet"}`}
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>News so far</dt>
          <dd className={styles.clamp}>
            {status.injectedEvents.length === 0
              ? "none"
              : status.injectedEvents
                  .map((id) => events.find((event) => event.id === id)?.title ?? id)
                  .join("; ")}
          </dd>
        </div>
        <div>
          <dt>Red-line attempts</dt>
          <dd>{status.redLineAttempts}</dd>
        </div>
        <div>
          <dt>Alerts</dt>
          <dd>{alertCount}</dd>
        </div>
      </dl>

      <ul className={styles.seats} aria-label={`Seats at table ${number}`}>
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
                  {seat.occupied ? ` — ${seat.occupant ?? "taken"}` : " — empty seat"}
                </span>
              </span>
              <span className={styles.presence}>
                {seat.bot ? "bot playing" : online ? "connected" : "not connected"}
              </span>
            </li>
          );
        })}
      </ul>

      <p className={styles.last}>
        <span className={styles.label}>Last action: </span>
        {tile.lastAction ? (
          <>
            {tile.lastAction.text} <span className={styles.when}>({ago(tile.lastAction.at, now)})</span>
          </>
        ) : (
          "nothing yet"
        )}
      </p>

      <AnswerLine answer={answer} />

      <div className={styles.actions}>
        {step && (
          <button type="button" disabled={busy} onClick={() => onStep(step.command, step.label)}>
            {step.label}
            <span className="visually-hidden">
              {step.command === "start" ? ` at table ${number}` : ` table ${number}`}
            </span>
          </button>
        )}
        <button type="button" className={styles.secondary} aria-haspopup="dialog" onClick={onOpenControls}>
          Controls<span className="visually-hidden"> for table {number}</span>
        </button>
        <Link className={`button ${styles.secondary}`} href={observerHref(tile, workshopId)}>
          Observe<span className="visually-hidden"> table {number}</span>
        </Link>
        <Link
          className={`button ${styles.secondary}`}
          href={`/debrief/${tile.tableId}?workshop=${workshopId}`}
        >
          Debrief<span className="visually-hidden"> of table {number}</span>
        </Link>
      </div>
    </article>
  );
}
