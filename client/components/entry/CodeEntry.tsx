"use client";
// Typing a join code again, after a mistyped or unknown one: checked with the shared schema, then
// the join page for that code. Before scripts load, the form sends the code to the join page,
// which sends the student on to the join page of that code. The schema loads when the form is
// first focused (formChecks.ts), not with the page.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { CodeField } from "./CodeField.tsx";
import { formChecks, prepareFormChecks } from "./formChecks.ts";
import { typedText, useTypedBeforeHydration } from "./useTypedBeforeHydration.ts";

export function CodeEntry({ problem, name }: { problem: string; name: string }) {
  const t = useTranslations("entry");
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState("");
  useTypedBeforeHydration(form, (typed) => setCode(typedText(typed, "code") ?? ""));
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checks = await formChecks().catch(() => null);
    if (!checks) {
      // The check could not be fetched: the form goes as it does without scripts.
      form.current?.submit();
      return;
    }
    const checked = checks.checkJoinCode(code);
    if (!checked.ok) {
      setError(t(`checks.${checked.problem}`));
      return;
    }
    setError(null);
    const query = name.trim() ? `?name=${encodeURIComponent(name.trim())}` : "";
    router.push(`/join/${checked.code}${query}`);
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("codeEntry.heading")}</h2>
      <p className="error" role="alert">
        <span aria-hidden="true">⚠ </span>
        {problem}
      </p>
      <form ref={form} method="get" onSubmit={submit} onFocus={prepareFormChecks} noValidate>
        <CodeField id={id} value={code} onChange={setCode} error={error} />
        {name.trim() ? <input type="hidden" name="name" value={name.trim()} /> : null}
        <button type="submit">{t("codeEntry.submit")}</button>
      </form>
    </section>
  );
}
