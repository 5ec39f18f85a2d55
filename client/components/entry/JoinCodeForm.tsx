"use client";
// The landing page's "Join a table": a join code and a display name, checked with the shared
// schemas as typed, then on to the join page, where the student sees the seats and picks one.
// Deep imports: the landing page needs two small schemas, not the whole game package.
import { displayNameSchema, joinCodeSchema } from "@red-lines/shared/protocol";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { CodeField } from "./CodeField.tsx";
import { FieldError } from "./FieldError.tsx";

export function JoinCodeForm() {
  const router = useRouter();
  const codeId = useId();
  const nameId = useId();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const [going, setGoing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsedCode = joinCodeSchema.safeParse(code);
    const parsedName = displayNameSchema.safeParse(name);
    const next = {
      ...(parsedCode.success ? {} : { code: parsedCode.error.issues[0]?.message ?? "Check the join code." }),
      ...(parsedName.success ? {} : { name: parsedName.error.issues[0]?.message ?? "Check your name." }),
    };
    setErrors(next);
    if (!parsedCode.success || !parsedName.success) {
      document.getElementById(parsedCode.success ? nameId : codeId)?.focus();
      return;
    }
    setGoing(true);
    router.push(`/join/${parsedCode.data}?name=${encodeURIComponent(parsedName.data)}`);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Join a table">
      <CodeField
        id={codeId}
        value={code}
        onChange={setCode}
        error={errors.code}
        hint="The 8 letters and digits your instructor shows, with or without the dash."
      />
      <div className="field">
        <label htmlFor={nameId}>Display name</label>
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
        {going ? "Opening…" : "Find my table"}
      </button>
    </form>
  );
}
