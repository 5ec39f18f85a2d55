"use client";
// Commands for several tables at once: all of them, or the ones ticked. Every button names its
// target ("Pause all 6 tables", "Broadcast to tables 1 and 3") and what it starts ("Start briefing
// at table 3 and negotiations at tables 1 and 2"); the answer is summed up here and each table's
// own answer shows on its tile. A command no addressed table can take is disabled, and says why.
import type { ConsoleCommand, ConsoleSnapshot, ConsoleTable, Phase } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { BroadcastForm, ExtendForm, InjectForm } from "./CommandForms.tsx";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import styles from "./Controls.module.css";
import { type ConsoleT, startedPhase, type Where, whereOf } from "./format.ts";
import type { Execute, Outcome } from "./useCommandAnswers.ts";

type StartPlan = {
  /** The button's words, naming what starts where. */
  label: string;
  /** The tables that can start: the whole target when every addressed table can. */
  target: "all" | number[];
};

/**
 * What "start" does at the addressed tables: each table in the lobby begins its briefing, each in
 * its briefing begins negotiating. Null when none of them can start.
 */
function startPlan(
  targeted: readonly ConsoleTable[],
  target: "all" | number[],
  where: Where,
  tableCount: number,
  t: ConsoleT,
): StartPlan | null {
  const at = (phase: Phase) =>
    targeted.filter((tile) => tile.status.phase === phase).map((tile) => tile.number);
  const briefing = at("lobby");
  const negotiations = at("briefing");
  const startable = [...briefing, ...negotiations];
  if (startable.length === 0) return null;
  const whole = startable.length === targeted.length;
  const atTables = (numbers: number[]) => t("where.at", whereOf(numbers, tableCount, t));
  const label =
    briefing.length > 0 && negotiations.length > 0
      ? t("action.startBoth", {
          briefingWhere: atTables(briefing),
          negotiationsWhere: atTables(negotiations),
        })
      : t("action.start", {
          phase: startedPhase(briefing.length > 0 ? "lobby" : "briefing") ?? "briefing",
          where: whole ? t("where.at", where) : atTables(startable),
        });
  return { label, target: whole ? target : startable.toSorted((a, b) => a - b) };
}

const over = (tile: ConsoleTable) => tile.status.phase === "concluded";
const negotiating = (tile: ConsoleTable) => tile.status.phase === "negotiating";

export function BulkControls({
  tables,
  events,
  execute,
}: {
  tables: readonly ConsoleTable[];
  events: ConsoleSnapshot["events"];
  execute: Execute;
}) {
  const t = useTranslations("console");
  const groupId = useId();
  const [mode, setMode] = useState<"all" | "chosen">("all");
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [summary, setSummary] = useState("");
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);

  const numbers = tables.map((tile) => tile.number);
  const picked = numbers.filter((number) => chosen.has(number));
  const target: "all" | number[] = mode === "all" ? "all" : picked;
  const targeted = mode === "all" ? tables : tables.filter((tile) => chosen.has(tile.number));
  const where = whereOf(target, tables.length, t);
  const at = t("where.at", where);
  const none = targeted.length === 0;
  const everywhere = new Set(
    events
      .map((event) => event.id)
      .filter(
        (id) => targeted.length > 0 && targeted.every((tile) => tile.status.injectedEvents.includes(id)),
      ),
  );

  async function send(
    command: ConsoleCommand,
    label: string,
    to: "all" | number[] = target,
  ): Promise<Outcome> {
    setBusy(true);
    setSummary(t("summary.sending", { label, where: t("where.plain", whereOf(to, tables.length, t)) }));
    const outcome = await execute(to, command, label);
    setBusy(false);
    setSummary(outcome.summary);
    return outcome;
  }

  function toggle(number: number, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(number);
    else next.delete(number);
    setChosen(next);
    setMode("chosen");
  }

  const start = startPlan(targeted, target, where, tables.length, t);
  // Each command the toolbar sends, and why none of the addressed tables can take it.
  const allOver = !none && targeted.every(over);
  const overWhy = t("bulk.allOver", { where: at, count: targeted.length });
  // Who is not in the state a command needs: "table 3", "neither table", "none of the 4 tables".
  const noneIs = {
    who: targeted.length === 1 ? "one" : targeted.length === 2 ? "both" : "other",
    table: targeted[0]?.number ?? 0,
    count: targeted.length,
  };
  const why = (applies: (tile: ConsoleTable) => boolean, sentence: () => string): string | null =>
    none || targeted.some(applies) ? null : allOver ? overWhy : sentence();
  const reasons = {
    start: why(
      (tile) => startedPhase(tile.status.phase) !== null,
      () => t("bulk.whyStart", noneIs),
    ),
    pause: why(
      (tile) => negotiating(tile) && !tile.status.paused,
      () => t("bulk.whyPause", noneIs),
    ),
    resume: why(
      (tile) => tile.status.paused,
      () => t("bulk.whyResume", noneIs),
    ),
    skip: why(negotiating, () => t("bulk.whySkip", noneIs)),
    end: why(
      (tile) => tile.status.phase === "briefing" || negotiating(tile),
      () => t("bulk.whyEnd", noneIs),
    ),
  };
  // Each sentence once, however many commands it explains.
  const sentences = [...new Set(Object.values(reasons).filter((r): r is string => r !== null))];
  const sentenceId = (sentence: string) => `${groupId}-why-${sentences.indexOf(sentence)}`;
  const described = (key: keyof typeof reasons) => {
    const reason = reasons[key];
    return reason ? sentenceId(reason) : undefined;
  };

  return (
    <section className={styles.bulk} aria-labelledby={`${groupId}-heading`}>
      <h2 id={`${groupId}-heading`} className={styles.bulkTitle}>
        {t("bulk.heading")}
      </h2>
      <fieldset className={styles.targets}>
        <legend>{t("bulk.which")}</legend>
        <label className={styles.choice}>
          <input
            type="radio"
            name={`${groupId}-mode`}
            checked={mode === "all"}
            onChange={() => setMode("all")}
          />
          {t("where.every", whereOf("all", tables.length, t))}
        </label>
        <label className={styles.choice}>
          <input
            type="radio"
            name={`${groupId}-mode`}
            checked={mode === "chosen"}
            onChange={() => setMode("chosen")}
          />
          {t("bulk.onlyThese")}
        </label>
        <span className={styles.tableChoices}>
          {numbers.map((number) => (
            <label key={number} className={styles.choice}>
              <input
                type="checkbox"
                checked={chosen.has(number)}
                onChange={(change) => toggle(number, change.target.checked)}
              />
              {t("bulk.table", { table: number })}
            </label>
          ))}
        </span>
      </fieldset>
      {mode === "chosen" && none && <p className={styles.hint}>{t("bulk.tick")}</p>}

      <div className={styles.buttons}>
        <button
          type="button"
          disabled={none || busy || !start}
          aria-describedby={described("start")}
          onClick={() => start && void send({ type: "start" }, start.label, start.target)}
        >
          {start ? start.label : t("action.startNothing", { where: at })}
        </button>
        <button
          type="button"
          disabled={none || busy || reasons.pause !== null}
          aria-describedby={described("pause")}
          onClick={() => void send({ type: "pause" }, t("label.pause"))}
        >
          {t("action.pause", { where: t("where.plain", where) })}
        </button>
        <button
          type="button"
          disabled={none || busy || reasons.resume !== null}
          aria-describedby={described("resume")}
          onClick={() => void send({ type: "resume" }, t("label.resume"))}
        >
          {t("action.resume", { where: t("where.plain", where) })}
        </button>
        <button
          type="button"
          className={styles.secondary}
          disabled={none || busy || reasons.skip !== null}
          aria-describedby={described("skip")}
          onClick={() => void send({ type: "skip-turn" }, t("label.skip"))}
        >
          {t("action.skip", { where: at })}
        </button>
        <button
          type="button"
          className={styles.danger}
          disabled={none || busy || reasons.end !== null}
          aria-describedby={described("end")}
          onClick={() => setConfirmEnd(true)}
        >
          {t("action.end", { where: at })}
        </button>
      </div>
      {sentences.length > 0 && (
        // Shown when every addressed table is over; otherwise the disabled buttons speak for
        // themselves on screen, and screen readers read each one's reason as its description.
        <p className={allOver ? styles.hint : "visually-hidden"}>
          {sentences.map((sentence) => (
            <span key={sentence} id={sentenceId(sentence)}>
              {sentence}{" "}
            </span>
          ))}
        </p>
      )}

      <details className={styles.more}>
        <summary>{t("bulk.more", { where: at })}</summary>
        <div className={styles.forms}>
          <InjectForm
            events={events}
            alreadyInjected={everywhere}
            where={where}
            disabled={none}
            unavailable={allOver ? t("forms.noNews", { where: at }) : null}
            onInject={(event) =>
              send({ type: "inject-event", event: event.id }, t("label.inject", { title: event.title }))
            }
          />
          <BroadcastForm
            where={where}
            disabled={none}
            onSend={(text) => send({ type: "broadcast", text }, t("label.broadcast"))}
          />
          <ExtendForm
            where={where}
            disabled={none}
            unavailable={allOver ? t("forms.noRounds", { where: at }) : null}
            onExtend={(by) => send({ type: "extend-rounds", by }, t("label.extend", { by }))}
          />
        </div>
      </details>

      <p className={styles.summary} role="status" aria-live="polite">
        {summary}
      </p>

      {confirmEnd && (
        <ConfirmDialog
          title={t("action.endConfirmTitle", { where: at })}
          question={t("action.endConfirmQuestion", { where: at })}
          confirmLabel={t("action.endConfirm", { where: at })}
          onConfirm={() => void send({ type: "end-talks" }, t("label.end"))}
          onClose={() => setConfirmEnd(false)}
        />
      )}
    </section>
  );
}
