// Loads a scenario from untrusted data (a parsed JSON file): structural validation with zod,
// then cross-reference checks, returning either the scenario or every error found, with paths.
import { crossReferenceErrors, formatPath, type ScenarioError } from "./crossReferences.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";

export type { ScenarioError };

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function loadScenario(data: unknown): LoadResult {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
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
