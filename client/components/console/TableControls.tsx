"use client";
// Every instructor command for one table, in a modal dialog opened from its tile: the flow of
// the talks, an event, a broadcast, more rounds, releasing a seat, the log, and the observer view.
// At a finished table only a broadcast still applies: the rest says why not instead.
import {
  type BotStyle,
  botStyles,
  type ConsoleCommand,
  type ConsoleSnapshot,
  type ConsoleTable,
} from "@red-lines/shared/protocol";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { eraseSeat } from "../../lib/api.ts";
import { usePersonName } from "../../lib/personName.ts";
import { type ServerErrorText, useServerErrorText } from "../../lib/serverErrors.ts";
import { CopyButton } from "../entry/CopyButton.tsx";
import { AnswerLine } from "./AnswerLine.tsx";
import { BroadcastForm, ExtendForm, InjectForm } from "./CommandForms.tsx";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import styles from "./Controls.module.css";
import {
  type ConsoleT,
  endingText,
  observerHref,
  oneTable,
  overSentence,
  phaseLabel,
  startedPhase,
  startLabel,
  watchLink,
  whose,
} from "./format.ts";
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
  const t = useTranslations("console");
  const personName = usePersonName();
  const serverText = useServerErrorText();
  const seatId = useId();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [seat, setSeat] = useState("");
  const [erased, setErased] = useState<{ ok: boolean; text: string } | null>(null);
  const { status, number } = tile;
  const here = oneTable(number);
  const at = t("where.at", here);
  const table = { table: number };
  const run = (command: ConsoleCommand, label: string) => execute([number], command, label);
  const start = startLabel(status.phase, t);
  const next = startedPhase(status.phase);
  const running = status.phase === "briefing" || status.phase === "negotiating";
  /** Why nothing but a broadcast applies any more, or null while the talks are not over. */
  const over = status.phase === "concluded" ? overSentence(status, here, t) : null;
  const turnName = status.seats.find((candidate) => candidate.role === status.turnSeat)?.name;
  const releasable = status.seats.filter((candidate) => candidate.occupied || candidate.occupant);
  const chosenSeat = releasable.find((candidate) => candidate.role === seat) ?? releasable[0];

  return (
    <ModalDialog title={t("controls.title", table)} onClose={onClose}>
      {() => (
        <div className={styles.panel}>
          <p className={styles.state}>
            {[
              phaseLabel(status.phase, t),
              status.paused && t("controls.paused"),
              status.phase === "negotiating" &&
                t("controls.round", { round: status.round, rounds: status.rounds }),
              status.phase === "concluded" && endingText(status, t),
              status.outcomeTitle,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <AnswerLine answer={answer} live />

          <section aria-label={t("controls.flow", table)} className={styles.group}>
            {over ? (
              <p className={styles.hint}>{t("controls.overHint", { over })}</p>
            ) : (
              <div className={styles.buttons}>
                {start && next && (
                  <button type="button" onClick={() => void run({ type: "start" }, start)}>
                    {t("action.start", { phase: next, where: at })}
                  </button>
                )}
                <button
                  type="button"
                  disabled={status.phase !== "negotiating" || status.paused}
                  onClick={() => void run({ type: "pause" }, t("label.pause"))}
                >
                  {t("action.pause", { where: t("where.plain", here) })}
                </button>
                <button
                  type="button"
                  disabled={!status.paused}
                  onClick={() => void run({ type: "resume" }, t("label.resume"))}
                >
                  {t("action.resume", { where: t("where.plain", here) })}
                </button>
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={status.phase !== "negotiating"}
                  onClick={() => void run({ type: "skip-turn" }, t("label.skip"))}
                >
                  {turnName
                    ? t("action.skipNamed", { ...whose(turnName), where: at })
                    : t("action.skip", { where: at })}
                </button>
                <button
                  type="button"
                  className={styles.danger}
                  disabled={!running}
                  onClick={() => setConfirming({ kind: "end" })}
                >
                  {t("action.end", { where: at })}
                </button>
              </div>
            )}
          </section>

          <section aria-label={t("controls.event", table)} className={styles.group}>
            <InjectForm
              events={events}
              alreadyInjected={new Set(status.injectedEvents)}
              where={here}
              unavailable={over && t("forms.noNews", { where: at })}
              onInject={(event) =>
                run({ type: "inject-event", event: event.id }, t("label.inject", { title: event.title }))
              }
            />
          </section>

          <section aria-label={t("controls.broadcast", table)} className={styles.group}>
            <BroadcastForm
              where={here}
              onSend={(text) => run({ type: "broadcast", text }, t("label.broadcast"))}
            />
          </section>

          <section aria-label={t("controls.rounds", table)} className={styles.group}>
            <ExtendForm
              where={here}
              unavailable={over && t("forms.noRounds", { where: at })}
              onExtend={(by) => run({ type: "extend-rounds", by }, t("label.extend", { by }))}
            />
          </section>

          <section aria-label={t("controls.release", table)} className={styles.group}>
            {over ? (
              <p className={styles.hint}>{t("controls.seatsOver", { where: at })}</p>
            ) : releasable.length === 0 || !chosenSeat ? (
              <p className={styles.hint}>{t("controls.noneTaken", table)}</p>
            ) : (
              <form
                className={styles.form}
                onSubmit={(submitted) => {
                  submitted.preventDefault();
                  setConfirming({ kind: "release", role: chosenSeat.role });
                }}
              >
                <label htmlFor={seatId}>{t("controls.releaseLabel")}</label>
                <select
                  id={seatId}
                  className={styles.select}
                  value={chosenSeat.role}
                  onChange={(change) => setSeat(change.target.value)}
                >
                  {releasable.map((candidate) => (
                    <option key={candidate.role} value={candidate.role}>
                      {candidate.name}
                      {candidate.occupant ? ` — ${personName(candidate.occupant)}` : ""}
                    </option>
                  ))}
                </select>
                <button type="submit" className={styles.danger}>
                  {t("controls.releaseButton", whose(chosenSeat.name))}
                </button>
              </form>
            )}
          </section>

          {!over && (
            <section aria-label={t("controls.seatBot", table)} className={styles.group}>
              <BotSeatForm tile={tile} run={run} />
            </section>
          )}

          <section aria-label={t("controls.observeExport", table)} className={styles.group}>
            <Link className={`button ${styles.secondary}`} href={observerHref(tile, workshopId)}>
              {t("controls.observe", table)}
            </Link>
            {watchToken && (
              <p className={styles.observerLink}>
                <CopyButton
                  text={watchLink(tile.tableId, watchToken)}
                  label={t("controls.copyWatchLink", table)}
                />
                <span className={styles.hint}>{t("controls.watchLinkHint")}</span>
              </p>
            )}
            <Link
              className={`button ${styles.secondary}`}
              href={`/replay/${tile.tableId}?workshop=${workshopId}`}
            >
              {t("controls.replay", table)}
            </Link>
            <LogDownloads
              workshopId={workshopId}
              instructorKey={instructorKey}
              tableId={tile.tableId}
              whose={table}
            />
          </section>

          <section aria-label={t("controls.erase", table)} className={styles.group}>
            <EraseForm
              tile={tile}
              result={erased}
              onErase={(role) => setConfirming({ kind: "erase", role })}
            />
          </section>

          {confirming?.kind === "erase" && (
            <EraseConfirm
              tile={tile}
              role={confirming.role}
              onConfirm={async (role) =>
                setErased(await erasedLine(workshopId, tile, role, instructorKey, t, serverText))
              }
              onClose={() => setConfirming(null)}
            />
          )}
          {confirming?.kind === "end" && (
            <ConfirmDialog
              title={t("action.endConfirmTitle", { where: at })}
              question={t("action.endConfirmQuestion", { where: at })}
              confirmLabel={t("action.endConfirm", { where: at })}
              onConfirm={() => void run({ type: "end-talks" }, t("label.end"))}
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
  const t = useTranslations("console");
  const personName = usePersonName();
  const seat = tile.status.seats.find((candidate) => candidate.role === role);
  const name = seat?.name ?? role;
  return (
    <ConfirmDialog
      title={t("controls.releaseTitle", { ...whose(name), table: tile.number })}
      question={t("controls.releaseQuestion", {
        taken: seat?.occupant ? "yes" : "no",
        occupant: personName(seat?.occupant) ?? "",
        name,
      })}
      confirmLabel={t("controls.releaseConfirm", whose(name))}
      onConfirm={() => void run({ type: "release-seat", seat: role }, t("label.release", whose(name)))}
      onClose={onClose}
    />
  );
}

/** An empty or abandoned seat played by a bot until a person joins it with the code. */
function BotSeatForm({
  tile,
  run,
}: {
  tile: ConsoleTable;
  run: (command: ConsoleCommand, label: string) => Promise<unknown>;
}) {
  const t = useTranslations("console");
  const seatId = useId();
  const styleId = useId();
  const empty = tile.status.seats.filter((candidate) => !candidate.occupied);
  const [seat, setSeat] = useState("");
  const [style, setStyle] = useState<BotStyle>("boulware");
  const chosen = empty.find((candidate) => candidate.role === seat) ?? empty[0];
  if (!chosen) {
    return <p className={styles.hint}>{t("controls.everySeatTaken", { table: tile.number })}</p>;
  }
  return (
    <form
      className={styles.form}
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void run(
          { type: "assign-seat", seat: chosen.role, bot: style },
          t("label.seatBot", { name: chosen.name }),
        );
      }}
    >
      <label htmlFor={seatId}>{t("controls.botSeatLabel")}</label>
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
      <label htmlFor={styleId}>{t("controls.botStyleLabel")}</label>
      <select
        id={styleId}
        className={styles.select}
        value={style}
        onChange={(change) => setStyle(change.target.value as BotStyle)}
      >
        {botStyles.map((option) => (
          <option key={option} value={option}>
            {t(`controls.botStyle.${option}`)}
          </option>
        ))}
      </select>
      <button type="submit">{t("controls.seatBotButton", { name: chosen.name })}</button>
    </form>
  );
}

/** Erasing one student's name and words from this table's log, on request (any seat, any time). */
function EraseForm({
  tile,
  result,
  onErase,
}: {
  tile: ConsoleTable;
  result: { ok: boolean; text: string } | null;
  onErase: (role: string) => void;
}) {
  const t = useTranslations("console");
  const personName = usePersonName();
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
      <label htmlFor={seatId}>{t("controls.eraseLabel")}</label>
      <select
        id={seatId}
        className={styles.select}
        value={chosen.role}
        onChange={(change) => setSeat(change.target.value)}
      >
        {seats.map((candidate) => (
          <option key={candidate.role} value={candidate.role}>
            {candidate.name}
            {candidate.occupant && !candidate.bot ? ` — ${personName(candidate.occupant)}` : ""}
          </option>
        ))}
      </select>
      <button type="submit" className={styles.danger}>
        {t("controls.eraseButton", { name: chosen.name })}
      </button>
      <p className={styles.hint}>{t("controls.eraseHint", { table: tile.number })}</p>
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
  const t = useTranslations("console");
  const seat = tile.status.seats.find((candidate) => candidate.role === role);
  const name = seat?.name ?? role;
  return (
    <ConfirmDialog
      title={t("controls.eraseTitle", { name, table: tile.number })}
      question={t("controls.eraseQuestion")}
      confirmLabel={t("controls.eraseConfirm")}
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
  t: ConsoleT,
  serverText: ServerErrorText,
): Promise<{ ok: boolean; text: string }> {
  const name = tile.status.seats.find((candidate) => candidate.role === role)?.name ?? role;
  const result = await eraseSeat(workshopId, tile.tableId, role, instructorKey);
  if (!result.ok) return { ok: false, text: t("controls.eraseFailed", { message: serverText.http(result) }) };
  const { names, messages, notes } = result.value.erased;
  return {
    ok: true,
    text: t("controls.erased", { table: tile.number, name, names, messages, notes }),
  };
}
