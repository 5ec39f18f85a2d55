"use client";
// The instructor commands that take a value — inject an event, broadcast a message, add rounds —
// used for one table (in its controls) and for several (in the toolbar). Each button names its
// target, e.g. "Broadcast to all 6 tables". A form that cannot apply (the talks are over) stays
// in place, disabled, with the sentence saying why as its description.
import { type ConsoleSnapshot, tableLimits } from "@red-lines/shared/protocol";
import { type FormEvent, useId, useState } from "react";
import styles from "./Controls.module.css";
import type { Outcome } from "./useCommandAnswers.ts";

type ScenarioEvent = ConsoleSnapshot["events"][number];

export function InjectForm({
  events,
  alreadyInjected,
  target,
  disabled = false,
  unavailable = null,
  onInject,
}: {
  events: readonly ScenarioEvent[];
  /** Events every addressed table has already had: offered, but not selectable. */
  alreadyInjected: ReadonlySet<string>;
  target: string;
  /** No table is addressed. */
  disabled?: boolean;
  /** Why no addressed table can take an event (a sentence), or null when one can. */
  unavailable?: string | null;
  onInject: (event: ScenarioEvent) => Promise<Outcome>;
}) {
  const selectId = useId();
  const flashId = useId();
  const whyId = useId();
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const event = events.find((candidate) => candidate.id === chosen && !alreadyInjected.has(candidate.id));

  async function submit(submitted: FormEvent) {
    submitted.preventDefault();
    if (!event || disabled || unavailable) return;
    setBusy(true);
    const outcome = await onInject(event);
    setBusy(false);
    if (outcome.allDone) setChosen("");
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <label htmlFor={selectId}>Event to inject</label>
      <select
        id={selectId}
        className={styles.select}
        value={event ? chosen : ""}
        onChange={(change) => setChosen(change.target.value)}
        disabled={unavailable !== null}
        aria-describedby={unavailable ? whyId : event ? flashId : undefined}
      >
        <option value="">Choose an event…</option>
        {events.map((candidate) => (
          <option key={candidate.id} value={candidate.id} disabled={alreadyInjected.has(candidate.id)}>
            {candidate.title}
            {alreadyInjected.has(candidate.id) ? " (already happened)" : ""}
          </option>
        ))}
      </select>
      {event && !unavailable && (
        <p id={flashId} className={styles.hint}>
          News flash: {event.flash}
        </p>
      )}
      {unavailable && (
        <p id={whyId} className={styles.hint}>
          {unavailable}
        </p>
      )}
      <button
        type="submit"
        disabled={!event || busy || disabled || unavailable !== null}
        aria-describedby={unavailable ? whyId : undefined}
      >
        Inject into {target}
      </button>
    </form>
  );
}

export function BroadcastForm({
  target,
  disabled = false,
  onSend,
}: {
  target: string;
  disabled?: boolean;
  onSend: (text: string) => Promise<Outcome>;
}) {
  const textId = useId();
  const countId = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(submitted: FormEvent) {
    submitted.preventDefault();
    if (text.trim() === "" || disabled) return;
    setBusy(true);
    const outcome = await onSend(text.trim());
    setBusy(false);
    if (outcome.allDone) setText("");
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <label htmlFor={textId}>Message to broadcast</label>
      <textarea
        id={textId}
        className={styles.textarea}
        rows={2}
        maxLength={tableLimits.broadcast}
        value={text}
        onChange={(change) => setText(change.target.value)}
        aria-describedby={countId}
      />
      <p id={countId} className={styles.hint}>
        {text.length} of {tableLimits.broadcast} characters; every seat sees it at once.
      </p>
      <button type="submit" disabled={text.trim() === "" || busy || disabled}>
        Broadcast to {target}
      </button>
    </form>
  );
}

export function ExtendForm({
  target,
  disabled = false,
  unavailable = null,
  onExtend,
}: {
  target: string;
  disabled?: boolean;
  /** Why no addressed table can take more rounds (a sentence), or null when one can. */
  unavailable?: string | null;
  onExtend: (by: number) => Promise<Outcome>;
}) {
  const byId = useId();
  const whyId = useId();
  const [by, setBy] = useState(1);
  const [busy, setBusy] = useState(false);
  const valid = Number.isInteger(by) && by >= 1 && by <= tableLimits.extendRoundsBy;

  async function submit(submitted: FormEvent) {
    submitted.preventDefault();
    if (!valid || disabled || unavailable) return;
    setBusy(true);
    await onExtend(by);
    setBusy(false);
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <label htmlFor={byId}>Rounds to add (1–{tableLimits.extendRoundsBy})</label>
      <input
        id={byId}
        className={styles.number}
        type="number"
        inputMode="numeric"
        min={1}
        max={tableLimits.extendRoundsBy}
        value={Number.isNaN(by) ? "" : by}
        onChange={(change) => setBy(change.target.valueAsNumber)}
        disabled={unavailable !== null}
        aria-describedby={unavailable ? whyId : undefined}
      />
      {unavailable && (
        <p id={whyId} className={styles.hint}>
          {unavailable}
        </p>
      )}
      <button
        type="submit"
        disabled={!valid || busy || disabled || unavailable !== null}
        aria-describedby={unavailable ? whyId : undefined}
      >
        {valid ? `Add ${by} round${by === 1 ? "" : "s"} at ${target}` : `Add rounds at ${target}`}
      </button>
    </form>
  );
}
