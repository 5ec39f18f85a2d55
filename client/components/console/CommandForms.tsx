"use client";
// The instructor commands that take a value — inject an event, broadcast a message, add rounds —
// used for one table (in its controls) and for several (in the toolbar). Each button names its
// target, e.g. "Broadcast to all 6 tables" (a Where: each form names it as its language needs). A form that cannot apply (the talks are over) stays
// in place, disabled, with the sentence saying why as its description.
import { type ConsoleSnapshot, tableLimits } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import styles from "./Controls.module.css";
import type { Where } from "./format.ts";
import type { Outcome } from "./useCommandAnswers.ts";

type ScenarioEvent = ConsoleSnapshot["events"][number];

export function InjectForm({
  events,
  alreadyInjected,
  where,
  disabled = false,
  unavailable = null,
  onInject,
}: {
  events: readonly ScenarioEvent[];
  /** Events every addressed table has already had: offered, but not selectable. */
  alreadyInjected: ReadonlySet<string>;
  where: Where;
  /** No table is addressed. */
  disabled?: boolean;
  /** Why no addressed table can take an event (a sentence), or null when one can. */
  unavailable?: string | null;
  onInject: (event: ScenarioEvent) => Promise<Outcome>;
}) {
  const t = useTranslations("console");
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
      <label htmlFor={selectId}>{t("forms.eventLabel")}</label>
      <select
        id={selectId}
        className={styles.select}
        value={event ? chosen : ""}
        onChange={(change) => setChosen(change.target.value)}
        disabled={unavailable !== null}
        aria-describedby={unavailable ? whyId : event ? flashId : undefined}
      >
        <option value="">{t("forms.chooseEvent")}</option>
        {events.map((candidate) => (
          <option key={candidate.id} value={candidate.id} disabled={alreadyInjected.has(candidate.id)}>
            {alreadyInjected.has(candidate.id)
              ? t("forms.alreadyHappened", { title: candidate.title })
              : candidate.title}
          </option>
        ))}
      </select>
      {event && !unavailable && (
        <p id={flashId} className={styles.hint}>
          {t("forms.newsFlash", { flash: event.flash })}
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
        {t("forms.inject", { where: t("where.into", where) })}
      </button>
    </form>
  );
}

export function BroadcastForm({
  where,
  disabled = false,
  onSend,
}: {
  where: Where;
  disabled?: boolean;
  onSend: (text: string) => Promise<Outcome>;
}) {
  const t = useTranslations("console");
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
      <label htmlFor={textId}>{t("forms.broadcastLabel")}</label>
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
        {t("forms.broadcastCount", { length: text.length, max: tableLimits.broadcast })}
      </p>
      <button type="submit" disabled={text.trim() === "" || busy || disabled}>
        {t("forms.broadcast", { where: t("where.to", where) })}
      </button>
    </form>
  );
}

export function ExtendForm({
  where,
  disabled = false,
  unavailable = null,
  onExtend,
}: {
  where: Where;
  disabled?: boolean;
  /** Why no addressed table can take more rounds (a sentence), or null when one can. */
  unavailable?: string | null;
  onExtend: (by: number) => Promise<Outcome>;
}) {
  const t = useTranslations("console");
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
      <label htmlFor={byId}>{t("forms.roundsLabel", { max: tableLimits.extendRoundsBy })}</label>
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
        {valid
          ? t("forms.addRounds", { by, where: t("where.at", where) })
          : t("forms.addRoundsInvalid", { where: t("where.at", where) })}
      </button>
    </form>
  );
}
