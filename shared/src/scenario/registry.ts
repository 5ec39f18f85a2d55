// The scenarios that ship with the product, validated once on first use. A built-in scenario
// that fails validation is a programmer error and throws with every problem listed.
import alliedCoordination2026 from "../../scenarios/allied-coordination-2026.json" with { type: "json" };
import ukraine2026 from "../../scenarios/ukraine-2026.json" with { type: "json" };
import { formatScenarioErrors, loadScenario } from "./load.ts";
import type { Scenario } from "./schema.ts";

const builtIn: Record<string, unknown> = {
  "ukraine-2026": ukraine2026,
  "allied-coordination-2026": alliedCoordination2026,
};
const loaded = new Map<string, Scenario>();

export const scenarioIds: readonly string[] = Object.keys(builtIn);

/** The raw data of a built-in scenario, as authored (for the CLI's `check`). */
export function scenarioData(id: string): unknown {
  return builtIn[id];
}

/** A built-in scenario by id, or undefined when there is none. */
export function getScenario(id: string): Scenario | undefined {
  const cached = loaded.get(id);
  if (cached) return cached;
  if (!Object.hasOwn(builtIn, id)) return undefined;
  const result = loadScenario(builtIn[id]);
  if (!result.ok)
    throw new Error(`built-in scenario "${id}" is invalid:\n${formatScenarioErrors(result.errors)}`);
  loaded.set(id, result.scenario);
  return result.scenario;
}
