"use client";
// Every instructor command for one table, in a modal dialog opened from its tile: the flow of
// the talks, an event, a broadcast, more rounds, releasing a seat, the log, and the observer view.
// At a finished table only a broadcast still applies: the rest says why not instead.
import { possessive } from "@red-lines/shared/client";
import {
  type BotStyle,
  botStyles,
  botStyleTitles,
  type ConsoleCommand,
  type ConsoleSnapshot,
  type ConsoleTable,
} from "@red-lines/shared/protocol";
import Link from "next/link";
import { useId, useState } from "react";
import { eraseSeat } from "../../lib/api.ts";
import { CopyButton } from "../entry/CopyButton.tsx";
import { AnswerLine } from "./AnswerLine.tsx";
import { BroadcastForm, ExtendForm, InjectForm } from "./CommandForms.tsx";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import styles from "./Controls.module.css";
import { endingText, observerHref, overSentence, phaseLabel, startLabel, watchLink } from "./format.ts";
import { LogDownloads } from "./LogDownloads.tsx";
import { ModalDialog } from "./ModalDialog.tsx";
import type { Execute, TableAnswer } from "./useCommandAnswers.ts";

type Confirming = { kind: "end" } | { kind: "release"; role: string } | { kind: "erase"; role: string };

export function TableControls({
  tile,
  events,
  answer,
  execute,
  workshopId,
  instructorKey,
  watchToken,
  onClose,
}: {
  tile: ConsoleTable;
  events: ConsoleSnapshot["events"];
  answer: TableAnswer | undefined;
  execute: Execute;
  workshopId: string;
  instructorKey: string;
  /** The workshop's observer token (null until the console has it). */
  watchToken: string | null;
  onClose: () => void;
}) {
  const seatId = useId();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [seat, setSeat] = useState("");
  const [erased, setErased] = useState<{ ok: boolean; text: string } | null>(null);
  const { status, number } = tile;
  const here = `table ${number}`;
  const run = (command: ConsoleCommand, label: string) => execute([number], command, label);
  const start = startLabel(status.phase);
  const running = status.phase === "briefing" || status.phase === "negotiating";
  /** Why nothing but a broadcast applies any more, or null while the talks are not over. */
  const over = status.phase === "concluded" ? overSentence(status, here) : null;
  const overAt = `the talks at ${here} are over`;
  const turnName = status.seats.find((candidate) => candidate.role === status.turnSeat)?.name;
  const releasable = status.seats.filter((candidate) => candidate.occupied || candidate.occupant);
  const chosenSeat = releasable.find((candidate) => candidate.role === seat) ?? releasable[0];

  return (
    <ModalDialog title={`Table ${number} controls`} onClose={onClose}>
      {() => (
        <div className={styles.panel}>
          <p className={styles.state}>
            {phaseLabel[status.phase]}
            {status.paused ? " · paused" : ""}
            {status.phase === "negotiating" ? ` · round ${status.round} of ${status.rounds}` : ""}
            {status.phase === "concluded" ? ` · ${endingText(status)}` : ""}
            {status.outcomeTitle ? ` · ${status.outcomeTitle}` : ""}
          </p>
          <AnswerLine answer={answer} live />

          <section aria-label={`Flow of the talks at ${here}`} className={styles.group}>
            {over ? (
              <p className={styles.hint}>
                {over} There is nothing left to start, pause, skip or end; the debrief and the replay are
                ready.
              </p>
            ) : (
              <div className={styles.buttons}>
                {start && (
                  <button type="button" onClick={() => void run({ type: "start" }, start)}>
                    {start} at {here}
                  </button>
                )}
                <button
                  type="button"
                  disabled={status.phase !== "negotiating" || status.paused}
                  onClick={() => void run({ type: "pause" }, "Pause")}
                >
                  Pause {here}
                </button>
                <button
                  type="button"
                  disabled={!status.paused}
                  onClick={() => void run({ type: "resume" }, "Resume")}
                >
                  Resume {here}
                </button>
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={status.phase !== "negotiating"}
                  onClick={() => void run({ type: "skip-turn" }, "Skip the turn")}
                >
                  {turnName ? `Skip ${possessive(turnName)} turn` : "Skip the turn"} at {here}
                </button>
                <button
                  type="button"
                  className={styles.danger}
                  disabled={!running}
                  onClick={() => setConfirming({ kind: "end" })}
                >
                  End talks at {here}…
                </button>
              </div>
            )}
          </section>

          <section aria-label={`Event for ${here}`} className={styles.group}>
            <InjectForm
              events={events}
              alreadyInjected={new Set(status.injectedEvents)}
              target={here}
              unavailable={over && `No news can land: ${overAt}.`}
              onInject={(event) => run({ type: "inject-event", event: event.id }, `Inject "${event.title}"`)}
            />
          </section>

          <section aria-label={`Broadcast to ${here}`} className={styles.group}>
            <BroadcastForm target={here} onSend={(text) => run({ type: "broadcast", text }, "Broadcast")} />
          </section>

          <section aria-label={`Rounds at ${here}`} className={styles.group}>
            <ExtendForm
              target={here}
              unavailable={over && `No rounds can be added: ${overAt}.`}
              onExtend={(by) => run({ type: "extend-rounds", by }, `Add ${by} round${by === 1 ? "" : "s"}`)}
            />
          </section>

          <section aria-label={`Release a seat at ${here}`} className={styles.group}>
            {over ? (
              <p className={styles.hint}>Seats no longer change hands: {overAt}.</p>
            ) : releasable.length === 0 || !chosenSeat ? (
              <p className={styles.hint}>No seat is taken at {here}, so there is none to release.</p>
            ) : (
              <form
                className={styles.form}
                onSubmit={(submitted) => {
                  submitted.preventDefault();
                  setConfirming({ kind: "release", role: chosenSeat.role });
                }}
              >
                <label htmlFor={seatId}>Seat to release for someone new</label>
                <select
                  id={seatId}
                  className={styles.select}
                  value={chosenSeat.role}
                  onChange={(change) => setSeat(change.target.value)}
                >
                  {releasable.map((candidate) => (
                    <option key={candidate.role} value={candidate.role}>
                      {candidate.name}
                      {candidate.occupant ? ` — ${candidate.occupant}` : ""}
                    </option>
                  ))}
                </select>
                <button type="submit" className={styles.danger}>
                  Release {possessive(chosenSeat.name)} seat…
                </button>
              </form>
            )}
          </section>

          {!over && (
            <section aria-label={`Seat a bot at ${here}`} className={styles.group}>
              <BotSeatForm tile={tile} target={here} run={run} />
            </section>
          )}

          <section aria-label={`Observe and export ${here}`} className={styles.group}>
            <Link className={`button ${styles.secondary}`} href={observerHref(tile, workshopId)}>
              Observe {here} (every private channel)
            </Link>
            {watchToken && (
              <p className={styles.observerLink}>
                <CopyButton
                  text={watchLink(tile.tableId, watchToken)}
                  label={`Copy the observer link of ${here}`}
                />
                <span className={styles.hint}>
                  Anyone with this link can watch the public table (no private channels, no briefs) and cannot
                  act. Give it to guests, or show it on a projector.
                </span>
              </p>
            )}
            <Link
              className={`button ${styles.secondary}`}
              href={`/replay/${tile.tableId}?workshop=${workshopId}`}
            >
              Replay {here} move by move
            </Link>
            <LogDownloads
              workshopId={workshopId}
              instructorKey={instructorKey}
              tableId={tile.tableId}
              whose={`${here}'s`}
            />
          </section>

          <section aria-label={`Erase a student's name and messages at ${here}`} className={styles.group}>
            <EraseForm
              tile={tile}
              target={here}
              result={erased}
              onErase={(role) => setConfirming({ kind: "erase", role })}
            />
          </section>

          {confirming?.kind === "erase" && (
            <EraseConfirm
              tile={tile}
              role={confirming.role}
              onConfirm={async (role) => setErased(await erasedLine(workshopId, tile, role, instructorKey))}
              onClose={() => setConfirming(null)}
            />
          )}
          {confirming?.kind === "end" && (
            <ConfirmDialog
              title={`End the talks at ${here}?`}
              question={`The talks at ${here} end now, without an agreement: every party is left with its no-deal value. This cannot be undone.`}
              confirmLabel={`End talks at ${here}`}
              onConfirm={() => void run({ type: "end-talks" }, "End talks")}
              onClose={() => setConfirming(null)}
            />
          )}
          {confirming?.kind === "release" && (
            <ReleaseConfirm
              tile={tile}
              role={confirming.role}
              run={run}
              onClose={() => setConfirming(null)}
            />
          )}
        </div>
      )}
    </ModalDialog>
  );
}

function ReleaseConfirm({
  tile,
  role,
  run,
  onClose,
}: {
  tile: ConsoleTable;
  role: string;
  run: (command: ConsoleCommand, label: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const seat = tile.status.seats.find((candidate) => candidate.role === role);
  const name = seat?.name ?? role;
  const who = seat?.occupant
    ? `${seat.occupant} is disconnected and their link stops working`
    : "Its link stops working";
  return (
    <ConfirmDialog
      title={`Release ${possessive(name)} seat at table ${tile.number}?`}
      question={`${who}; anyone with the join code can then take the seat of ${name}.`}
      confirmLabel={`Release ${possessive(name)} seat`}
      onConfirm={() => void run({ type: "release-seat", seat: role }, `Release ${possessive(name)} seat`)}
      onClose={onClose}
    />
  );
}

/** An empty or abandoned seat played by a bot until a person joins it with the code. */
function BotSeatForm({
  tile,
  target,
  run,
}: {
  tile: ConsoleTable;
  target: string;
  run: (command: ConsoleCommand, label: string) => Promise<unknown>;
}) {
  const seatId = useId();
  const styleId = useId();
  const empty = tile.status.seats.filter((candidate) => !candidate.occupied);
  const [seat, setSeat] = useState("");
  const [style, setStyle] = useState<BotStyle>("boulware");
  const chosen = empty.find((candidate) => candidate.role === seat) ?? empty[0];
  if (!chosen) {
    return <p className={styles.hint}>Every seat at {target} is taken, so there is none for a bot.</p>;
  }
  return (
    <form
      className={styles.form}
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void run({ type: "assign-seat", seat: chosen.role, bot: style }, `Seat a bot as ${chosen.name}`);
      }}
    >
      <label htmlFor={seatId}>Empty seat for a bot (a person joining it later takes it over)</label>
      <select
        id={seatId}
        className={styles.select}
        value={chosen.role}
        onChange={(change) => setSeat(change.target.value)}
      >
        {empty.map((candidate) => (
          <option key={candidate.role} value={candidate.role}>
            {candidate.name}
          </option>
        ))}
      </select>
      <label htmlFor={styleId}>How the bot negotiates</label>
      <select
        id={styleId}
        className={styles.select}
        value={style}
        onChange={(change) => setStyle(change.target.value as BotStyle)}
      >
        {botStyles.map((option) => (
          <option key={option} value={option}>
            {botStyleTitles[option]}
          </option>
        ))}
      </select>
      <button type="submit">Seat a bot as {chosen.name}</button>
    </form>
  );
}

/** Erasing one student's name and words from this table's log, on request (any seat, any time). */
function EraseForm({
  tile,
  target,
  result,
  onErase,
}: {
  tile: ConsoleTable;
  target: string;
  result: { ok: boolean; text: string } | null;
  onErase: (role: string) => void;
}) {
  const seatId = useId();
  const [seat, setSeat] = useState("");
  const seats = tile.status.seats;
  const chosen = seats.find((candidate) => candidate.role === seat) ?? seats[0];
  if (!chosen) return null;
  return (
    <form
      className={styles.form}
      onSubmit={(submitted) => {
        submitted.preventDefault();
        onErase(chosen.role);
      }}
    >
      <label htmlFor={seatId}>Seat whose student asked to have their name and messages erased</label>
      <select
        id={seatId}
        className={styles.select}
        value={chosen.role}
        onChange={(change) => setSeat(change.target.value)}
      >
        {seats.map((candidate) => (
          <option key={candidate.role} value={candidate.role}>
            {candidate.name}
            {candidate.occupant && !candidate.bot ? ` — ${candidate.occupant}` : ""}
          </option>
        ))}
      </select>
      <button type="submit" className={styles.danger}>
        Erase the student's name and messages as {chosen.name}…
      </button>
      <p className={styles.hint}>
        The game stays as it was played at {target}; the replay, debrief and logs show “Erased student” and
        “Message erased” instead.
      </p>
      {result && (
        <p className={result.ok ? styles.hint : styles.problem} role={result.ok ? "status" : "alert"}>
          {result.text}
        </p>
      )}
    </form>
  );
}

function EraseConfirm({
  tile,
  role,
  onConfirm,
  onClose,
}: {
  tile: ConsoleTable;
  role: string;
  onConfirm: (role: string) => Promise<void>;
  onClose: () => void;
}) {
  const seat = tile.status.seats.find((candidate) => candidate.role === role);
  const name = seat?.name ?? role;
  return (
    <ConfirmDialog
      title={`Erase the student's name and messages as ${name} at table ${tile.number}?`}
      question={`Every name this seat was taken under becomes “Erased student”, and the text of every message and note written from it is removed from the table's log, for good. The moves and the outcome stay.`}
      confirmLabel="Erase name and messages"
      onConfirm={() => void onConfirm(role)}
      onClose={onClose}
    />
  );
}

async function erasedLine(
  workshopId: string,
  tile: ConsoleTable,
  role: string,
  instructorKey: string,
): Promise<{ ok: boolean; text: string }> {
  const name = tile.status.seats.find((candidate) => candidate.role === role)?.name ?? role;
  const result = await eraseSeat(workshopId, tile.tableId, role, instructorKey);
  if (!result.ok) return { ok: false, text: `Nothing was erased: ${result.message}` };
  const { names, messages, notes } = result.value.erased;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  return {
    ok: true,
    text: `Erased at table ${tile.number}, seat ${name}: ${count(names, "name")}, ${count(messages, "message")} and ${count(notes, "note")}.`,
  };
}
