"use client";
// Commands for several tables at once: all of them, or the ones ticked. Every button names its
// target ("Pause all 6 tables", "Broadcast to tables 1 and 3"); the answer is summed up here and
// each table's own answer shows on its tile.
import type { ConsoleCommand, ConsoleSnapshot, ConsoleTable } from "@red-lines/shared/protocol";
import { useId, useState } from "react";
import { BroadcastForm, ExtendForm, InjectForm } from "./CommandForms.tsx";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import styles from "./Controls.module.css";
import { targetPhrase } from "./format.ts";
import type { Execute, Outcome } from "./useCommandAnswers.ts";

function startText(tiles: readonly ConsoleTable[]): string {
  const phases = new Set(tiles.map((tile) => tile.status.phase));
  if (phases.size === 1 && phases.has("lobby")) return "Start briefing";
  if (phases.size === 1 && phases.has("briefing")) return "Start negotiations";
  return "Start the next phase";
}

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

  async function send(command: ConsoleCommand, label: string): Promise<Outcome> {
    setBusy(true);
    setSummary(`${label} — ${phrase}: sending…`);
    const outcome = await execute(target, command, label);
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

  const start = startText(targeted);

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
          All {tables.length} tables
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
        <button type="button" disabled={none || busy} onClick={() => void send({ type: "start" }, start)}>
          {start} at {phrase}
        </button>
        <button type="button" disabled={none || busy} onClick={() => void send({ type: "pause" }, "Pause")}>
          Pause {phrase}
        </button>
        <button type="button" disabled={none || busy} onClick={() => void send({ type: "resume" }, "Resume")}>
          Resume {phrase}
        </button>
        <button
          type="button"
          className={styles.secondary}
          disabled={none || busy}
          onClick={() => void send({ type: "skip-turn" }, "Skip the turn")}
        >
          Skip the turn at {phrase}
        </button>
        <button
          type="button"
          className={styles.danger}
          disabled={none || busy}
          onClick={() => setConfirmEnd(true)}
        >
          End talks at {phrase}…
        </button>
      </div>

      <details className={styles.more}>
        <summary>Inject an event, broadcast or add rounds at {phrase}</summary>
        <div className={styles.forms}>
          <InjectForm
            events={events}
            alreadyInjected={everywhere}
            target={phrase}
            disabled={none}
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
          question={`The talks at ${phrase} end now, without an agreement: each of them concludes in stalemate. This cannot be undone.`}
          confirmLabel={`End talks at ${phrase}`}
          onConfirm={() => void send({ type: "end-talks" }, "End talks")}
          onClose={() => setConfirmEnd(false)}
        />
      )}
    </section>
  );
}
