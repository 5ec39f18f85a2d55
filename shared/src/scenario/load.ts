// Loads a scenario from untrusted data (a parsed JSON file): structural validation with zod,
// then cross-reference checks, returning either the scenario or every error found, with paths.
import type { core } from "zod";
import en from "zod/v4/locales/en.js";
import {
  type CheckProblem,
  crossReferenceErrors,
  formatPath,
  type ScenarioError,
} from "./crossReferences.ts";
import { type SchemaMessage, schemaMessages } from "./ids.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";
import { languagesError, translationLanguages } from "./translations.ts";

export type { CheckCode, CheckProblem } from "./crossReferences.ts";
export type { ScenarioError };

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export type LoadOptions = {
  /**
   * zod's words for its own problems (a wrong type, an unknown key…) in the reader's language,
   * e.g. a zod locale's `localeError`, for this parse only: the studio's browser code passes it.
   * English without it; never set globally, since the CLI and the server answer in English.
   */
  localeError?: core.$ZodErrorMap;
};

const schemaCodes = new Map<string, SchemaMessage>(
  Object.entries(schemaMessages).map(([code, message]) => [message, code as SchemaMessage]),
);
const englishZod = en().localeError;

/** The code of a schema problem: the schema's own words, or zod's size checks in English. */
function schemaProblem(issue: core.$ZodIssue, options: LoadOptions): CheckProblem | undefined {
  const own = schemaCodes.get(issue.message);
  if (own) return { code: `schema.${own}` };
  if (issue.message === languagesError) {
    return { code: "schema.languages", values: { languages: translationLanguages } };
  }
  // zod's size and record-key checks in its own words (not a schema's), English or the reader's.
  let problem: CheckProblem | undefined;
  if (issue.code === "too_small" && issue.inclusive !== false) {
    if (issue.origin === "number")
      problem = { code: "schema.too-small-number", values: { minimum: Number(issue.minimum) } };
    if (issue.origin === "array")
      problem = { code: "schema.too-small-array", values: { minimum: Number(issue.minimum) } };
  } else if (issue.code === "too_big" && issue.inclusive !== false) {
    if (issue.origin === "number")
      problem = { code: "schema.too-big-number", values: { maximum: Number(issue.maximum) } };
    if (issue.origin === "array")
      problem = { code: "schema.too-big-array", values: { maximum: Number(issue.maximum) } };
  } else if (issue.code === "invalid_key" && issue.origin === "record")
    problem = { code: "schema.invalid-key" };
  if (!problem) return undefined;
  const raw = issue as unknown as core.$ZodRawIssue;
  const said = (map: core.$ZodErrorMap | undefined) => {
    const words = map?.(raw);
    return (typeof words === "string" ? words : words?.message) === issue.message;
  };
  return said(englishZod) || said(options.localeError) ? problem : undefined;
}

export function loadScenario(data: unknown, options: LoadOptions = {}): LoadResult {
  const parsed = scenarioSchema.safeParse(
    data,
    options.localeError ? { error: options.localeError } : undefined,
  );
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const problem = schemaProblem(issue, options);
        return { path: formatPath(issue.path), message: issue.message, ...(problem ? { problem } : {}) };
      }),
    };
  }
  const errors = crossReferenceErrors(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: parsed.data };
}

/** One line per error, `path: message`, for CLIs and thrown messages. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join("\n");
}
