// The shared schemas the entry forms check what people type with, and what each refusal is, as a
// code the form says in the reader's language (entry.json `checks`). Loaded by formChecks.ts when
// a form is first used, never with a page; the join page's server component reads it too.
import { displayNameSchema, joinCodeSchema, makeJoinCode } from "@red-lines/shared/protocol";

export { displayNameSchema, joinCodeSchema };

/** Why a join code is refused: the schema's own rules, in the order it checks them. */
export type JoinCodeProblem = "joinCodeRequired" | "joinCodeLength" | "joinCodeLetters";

/** The letters and digits of a join code, without its dash. */
const codeLength = makeJoinCode(() => 0).replace("-", "").length;

/** A join code as typed: its canonical form, or which of the schema's rules it breaks. */
export function checkJoinCode(
  value: unknown,
): { ok: true; code: string } | { ok: false; problem: JoinCodeProblem } {
  const parsed = joinCodeSchema.safeParse(value);
  if (parsed.success) return { ok: true, code: parsed.data };
  if (typeof value !== "string") return { ok: false, problem: "joinCodeRequired" };
  // The schema checks the length first, then the letters: the first rule broken is the one said.
  const compact = value.toUpperCase().replace(/[\s-]/g, "");
  return { ok: false, problem: compact.length === codeLength ? "joinCodeLetters" : "joinCodeLength" };
}

/** A display name as typed: trimmed and checked, or why it is refused (too long, or empty). */
export function checkDisplayName(
  value: string,
):
  | { ok: true; name: string }
  | { ok: false; problem: "nameRequired" }
  | { ok: false; problem: "nameTooLong"; max: number } {
  const parsed = displayNameSchema.safeParse(value);
  if (parsed.success) return { ok: true, name: parsed.data };
  const issue = parsed.error.issues[0];
  return issue?.code === "too_big"
    ? { ok: false, problem: "nameTooLong", max: Number(issue.maximum) }
    : { ok: false, problem: "nameRequired" };
}
