"use client";
// Without the instructor key nothing here works: say where it comes from (the link shown when the
// workshop was set up) and take the link, or the key alone, pasted in.
import { type FormEvent, useId, useState } from "react";
import { saveInstructorKey } from "../../lib/credentials.ts";
import styles from "./Console.module.css";

/** The key from a pasted instructor link (`…/instructor/<id>#key=<key>`) or a bare key. */
export function keyFromPaste(pasted: string, workshopId: string): { key: string } | { problem: string } {
  const text = pasted.trim();
  if (text === "") return { problem: "Paste the instructor link, or just its key." };
  const fragment = /[#&]key=([^&\s]+)/.exec(text);
  if (fragment?.[1]) {
    const otherWorkshop = /\/instructor\/([0-9a-f-]{36})/i.exec(text)?.[1];
    if (otherWorkshop && otherWorkshop.toLowerCase() !== workshopId.toLowerCase()) {
      return { problem: "That instructor link is for another workshop; open it directly instead." };
    }
    return { key: decodeURIComponent(fragment[1]) };
  }
  if (/[\s/#]/.test(text)) return { problem: "That does not look like an instructor link or key." };
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
  const fieldId = useId();
  const hintId = useId();
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

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
        {reason === "missing" ? "This console needs the instructor link" : "Try another instructor link"}
      </h2>
      {reason === "missing" && (
        <p>
          The console opens with the instructor link shown when the workshop was set up (it ends in{" "}
          <code>#key=…</code>). This browser has no key for this workshop yet. Open that link, or paste it
          here; it is then kept in this browser only.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>Instructor link or key</label>
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
            For example https://…/instructor/{workshopId}#key=…
          </p>
        </div>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit">Open the console</button>
      </form>
    </section>
  );
}
