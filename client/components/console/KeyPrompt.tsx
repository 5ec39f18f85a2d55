"use client";
// Without the instructor key nothing here works: say where it comes from (the link shown when the
// workshop was set up) and take the link, or the key alone, pasted in.
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { saveInstructorKey } from "../../lib/credentials.ts";
import styles from "./Console.module.css";

/** What is wrong with a paste, by the name of its message ("console.key.…"). */
type PasteProblem = "empty" | "otherWorkshop" | "notKey";

/** The key from a pasted instructor link (`…/instructor/<id>#key=<key>`) or a bare key. */
export function keyFromPaste(
  pasted: string,
  workshopId: string,
): { key: string } | { problem: PasteProblem } {
  const text = pasted.trim();
  if (text === "") return { problem: "empty" };
  const fragment = /[#&]key=([^&\s]+)/.exec(text);
  if (fragment?.[1]) {
    const otherWorkshop = /\/instructor\/([0-9a-f-]{36})/i.exec(text)?.[1];
    if (otherWorkshop && otherWorkshop.toLowerCase() !== workshopId.toLowerCase()) {
      return { problem: "otherWorkshop" };
    }
    return { key: decodeURIComponent(fragment[1]) };
  }
  if (/[\s/#]/.test(text)) return { problem: "notKey" };
  return { key: text };
}

export function KeyPrompt({
  workshopId,
  reason,
  onKey,
}: {
  workshopId: string;
  /** Why a key is asked for: none stored, or the stored one was refused. */
  reason: "missing" | "refused";
  onKey: (key: string) => void;
}) {
  const t = useTranslations("console");
  const fieldId = useId();
  const hintId = useId();
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<PasteProblem | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = keyFromPaste(pasted, workshopId);
    if ("problem" in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    saveInstructorKey(workshopId, result.key);
    onKey(result.key);
  }

  return (
    <section className={`card ${styles.keyPrompt}`} aria-labelledby={`${fieldId}-heading`}>
      <h2 id={`${fieldId}-heading`}>
        {reason === "missing" ? t("key.missingHeading") : t("key.refusedHeading")}
      </h2>
      {reason === "missing" && <p>{t.rich("key.explain", { code: (chunks) => <code>{chunks}</code> })}</p>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>{t("key.label")}</label>
          <input
            id={fieldId}
            name="instructor-link"
            autoComplete="off"
            spellCheck={false}
            value={pasted}
            onChange={(change) => setPasted(change.target.value)}
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
          />
          <p id={hintId} className="muted">
            {t("key.example", { workshopId })}
          </p>
        </div>
        {problem && (
          <p className="error" role="alert">
            {t(`key.${problem}`)}
          </p>
        )}
        <button type="submit">{t("key.open")}</button>
      </form>
    </section>
  );
}
