"use client";
// The landing page's "Join a table": a join code and a display name, checked with the shared
// schemas as typed, then on to the join page, where the student sees the seats and picks one.
// Without scripts (or before they load) the form still works: it sends the code and name to the
// landing page, which sends the student on to the join page. The schemas load when the form is
// first focused (formChecks.ts), not with the page.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { CodeField } from "./CodeField.tsx";
import { FieldError } from "./FieldError.tsx";
import { formChecks, prepareFormChecks } from "./formChecks.ts";
import { typedText, useTypedBeforeHydration } from "./useTypedBeforeHydration.ts";

export function JoinCodeForm({
  initialCode = "",
  initialName = "",
}: {
  initialCode?: string;
  initialName?: string;
}) {
  const t = useTranslations("entry");
  const router = useRouter();
  const codeId = useId();
  const nameId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState(initialName);
  useTypedBeforeHydration(form, (typed) => {
    setCode(typedText(typed, "code") ?? initialCode);
    setName(typedText(typed, "name") ?? initialName);
  });
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const [going, setGoing] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checks = await formChecks().catch(() => null);
    if (!checks) {
      // The checks could not be fetched: the form goes as it does without scripts, and the
      // landing page checks the code.
      form.current?.submit();
      return;
    }
    const checkedCode = checks.checkJoinCode(code);
    const checkedName = checks.checkDisplayName(name);
    const next = {
      ...(checkedCode.ok ? {} : { code: t(`checks.${checkedCode.problem}`) }),
      ...(checkedName.ok
        ? {}
        : {
            name:
              checkedName.problem === "nameTooLong"
                ? t("checks.nameTooLong", { max: checkedName.max })
                : t("checks.nameRequired"),
          }),
    };
    setErrors(next);
    if (!checkedCode.ok || !checkedName.ok) {
      document.getElementById(checkedCode.ok ? nameId : codeId)?.focus();
      return;
    }
    setGoing(true);
    router.push(`/join/${checkedCode.code}?name=${encodeURIComponent(checkedName.name)}`);
  }

  return (
    <form
      ref={form}
      action="/"
      method="get"
      onSubmit={submit}
      onFocus={prepareFormChecks}
      noValidate
      aria-label={t("joinForm.label")}
    >
      <CodeField
        id={codeId}
        value={code}
        onChange={setCode}
        error={errors.code}
        hint={t("joinForm.codeHint")}
      />
      <div className="field">
        <label htmlFor={nameId}>{t("joinForm.name")}</label>
        <input
          id={nameId}
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="nickname"
          aria-describedby={errors.name ? `${nameId}-error` : undefined}
          aria-invalid={errors.name ? true : undefined}
        />
        <FieldError id={`${nameId}-error`} message={errors.name} />
      </div>
      <button type="submit" disabled={going}>
        {going ? t("joinForm.submitting") : t("joinForm.submit")}
      </button>
    </form>
  );
}
