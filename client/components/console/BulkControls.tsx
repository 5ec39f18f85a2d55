"use client";
// Commands for several tables at once: all of them, or the ones ticked. Every button names its
// target ("Pause all 6 tables", "Broadcast to tables 1 and 3") and what it starts ("Start briefing
// at table 3 and negotiations at tables 1 and 2"); the answer is summed up here and each table's
// own answer shows on its tile. A command no addressed table can take is disabled, and says why.
import type { ConsoleCommand, ConsoleSnapshot, ConsoleTable, Phase } from "@red-lines/shared/protocol";
import { useId, useState } from "react";
import { BroadcastForm, ExtendForm, InjectForm } from "./CommandForms.tsx";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import styles from "./Controls.module.css";
import { startedPhase, targetPhrase } from "./format.ts";
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
  phrase: string,
  tableCount: number,
): StartPlan | null {
  const at = (phase: Phase) =>
    targeted.filter((tile) => tile.status.phase === phase).map((tile) => tile.number);
  const briefing = at("lobby");
  const negotiations = at("briefing");
  const startable = [...briefing, ...negotiations];
  if (startable.length === 0) return null;
  const whole = startable.length === targeted.length;
  const where = (numbers: number[]) => (whole ? phrase : targetPhrase(numbers, tableCount));
  const label =
    briefing.length > 0 && negotiations.length > 0
      ? `Start briefing at ${targetPhrase(briefing, tableCount)} and negotiations at ${targetPhrase(negotiations, tableCount)}`
      : `Start ${startedPhase(briefing.length > 0 ? "lobby" : "briefing")} at ${where(startable)}`;
  return { label, target: whole ? target : startable.toSorted((a, b) => a - b) };
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
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
  const phrase = targetPhrase(target, tables.length);
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
    setSummary(`${label} — ${targetPhrase(to, tables.length)}: sending…`);
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

  const start = startPlan(targeted, target, phrase, tables.length);
  // Each command the toolbar sends, and why none of the addressed tables can take it.
  const allOver = !none && targeted.every(over);
  const overWhy = `The talks at ${phrase} are over: only a broadcast can still reach ${targeted.length === 1 ? "it" : "them"}.`;
  const noneIs = (what: string) =>
    targeted.length === 1
      ? `table ${targeted[0]?.number} is not ${what}`
      : targeted.length === 2
        ? `neither table is ${what}`
        : `none of the ${targeted.length} tables is ${what}`;
  const why = (applies: (tile: ConsoleTable) => boolean, sentence: string): string | null =>
    none || targeted.some(applies) ? null : allOver ? overWhy : sentence;
  const reasons = {
    start: why(
      (tile) => startedPhase(tile.status.phase) !== null,
      `Nothing to start: ${noneIs("in the lobby or its briefing")}.`,
    ),
    pause: why(
      (tile) => negotiating(tile) && !tile.status.paused,
      `Nothing to pause: ${noneIs("negotiating with its clock running")}.`,
    ),
    resume: why((tile) => tile.status.paused, `Nothing to resume: ${noneIs("paused")}.`),
    skip: why(negotiating, `No turn to skip: ${noneIs("negotiating")}.`),
    end: why(
      (tile) => tile.status.phase === "briefing" || negotiating(tile),
      `Nothing to end: ${noneIs("in its briefing or negotiating")}.`,
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
        Several tables at once
      </h2>
      <fieldset className={styles.targets}>
        <legend>Which tables</legend>
        <label className={styles.choice}>
          <input
            type="radio"
            name={`${groupId}-mode`}
            checked={mode === "all"}
            onChange={() => setMode("all")}
          />
          {capitalised(targetPhrase("all", tables.length))}
        </label>
        <label className={styles.choice}>
          <input
            type="radio"
            name={`${groupId}-mode`}
            checked={mode === "chosen"}
            onChange={() => setMode("chosen")}
          />
          Only these:
        </label>
        <span className={styles.tableChoices}>
          {numbers.map((number) => (
            <label key={number} className={styles.choice}>
              <input
                type="checkbox"
                checked={chosen.has(number)}
                onChange={(change) => toggle(number, change.target.checked)}
              />
              Table {number}
            </label>
          ))}
        </span>
      </fieldset>
      {mode === "chosen" && none && <p className={styles.hint}>Tick at least one table.</p>}

      <div className={styles.buttons}>
        <button
          type="button"
          disabled={none || busy || !start}
          aria-describedby={described("start")}
          onClick={() => start && void send({ type: "start" }, start.label, start.target)}
        >
          {start ? start.label : `Start at ${phrase}`}
        </button>
        <button
          type="button"
          disabled={none || busy || reasons.pause !== null}
          aria-describedby={described("pause")}
          onClick={() => void send({ type: "pause" }, "Pause")}
        >
          Pause {phrase}
        </button>
        <button
          type="button"
          disabled={none || busy || reasons.resume !== null}
          aria-describedby={described("resume")}
          onClick={() => void send({ type: "resume" }, "Resume")}
        >
          Resume {phrase}
        </button>
        <button
          type="button"
          className={styles.secondary}
          disabled={none || busy || reasons.skip !== null}
          aria-describedby={described("skip")}
          onClick={() => void send({ type: "skip-turn" }, "Skip the turn")}
        >
          Skip the turn at {phrase}
        </button>
        <button
          type="button"
          className={styles.danger}
          disabled={none || busy || reasons.end !== null}
          aria-describedby={described("end")}
          onClick={() => setConfirmEnd(true)}
        >
          End talks at {phrase}…
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
        <summary>Inject an event, broadcast or add rounds at {phrase}</summary>
        <div className={styles.forms}>
          <InjectForm
            events={events}
            alreadyInjected={everywhere}
            target={phrase}
            disabled={none}
            unavailable={allOver ? `No news can land: the talks at ${phrase} are over.` : null}
            onInject={(event) => send({ type: "inject-event", event: event.id }, `Inject "${event.title}"`)}
          />
          <BroadcastForm
            target={phrase}
            disabled={none}
            onSend={(text) => send({ type: "broadcast", text }, "Broadcast")}
          />
          <ExtendForm
            target={phrase}
            disabled={none}
            unavailable={allOver ? `No rounds can be added: the talks at ${phrase} are over.` : null}
            onExtend={(by) => send({ type: "extend-rounds", by }, `Add ${by} round${by === 1 ? "" : "s"}`)}
          />
        </div>
      </details>

      <p className={styles.summary} role="status" aria-live="polite">
        {summary}
      </p>

      {confirmEnd && (
        <ConfirmDialog
          title={`End the talks at ${phrase}?`}
          question={`The talks at ${phrase} end now, without an agreement: every party is left with its no-deal value. This cannot be undone.`}
          confirmLabel={`End talks at ${phrase}`}
          onConfirm={() => void send({ type: "end-talks" }, "End talks")}
          onClose={() => setConfirmEnd(false)}
        />
      )}
    </section>
  );
}
