import { describe, expect, it } from "vitest";
import { classifyAgreement } from "../table/outcome.ts";
import { effectiveScenario } from "./effective.ts";
import { withFormerOutcomes } from "./legacy.ts";
import { loadScenario } from "./load.ts";
import { getScenario, scenarioData } from "./registry.ts";
import type { Scenario } from "./schema.ts";
import { syntheticScenario } from "./synthetic.ts";

function withoutOutcomes(data: unknown): Record<string, unknown> {
  const copy = structuredClone(data) as Record<string, unknown>;
  delete copy.outcomes;
  return copy;
}

describe("a scenario snapshot stored before outcome classes", () => {
  it("of ukraine-2026 loads with the classes its tables were classed by", () => {
    const old = withoutOutcomes(scenarioData("ukraine-2026"));
    expect(loadScenario(old).ok).toBe(false);
    const loaded = loadScenario(withFormerOutcomes(old));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.outcomes).toEqual(getScenario("ukraine-2026")?.outcomes);
  });

  it("of another scenario loads with the classes that applied to it: every agreement a partial settlement", () => {
    const synthetic = syntheticScenario({ seed: "legacy", roles: 3, issues: 3, options: 3 });
    const loaded = loadScenario(withFormerOutcomes(withoutOutcomes(synthetic)));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.outcomes.map((c) => [c.id, c.endings, c.when])).toEqual([
      ["stalemate", ["rounds-exhausted", "ended-by-instructor"], undefined],
      ["collapse", ["walk-out"], undefined],
      ["partial-settlement", ["agreement"], undefined],
    ]);
    const scenario: Scenario = loaded.scenario;
    const pkg = Object.fromEntries(scenario.issues.map((i) => [i.id, i.options[0]?.id ?? ""]));
    expect(classifyAgreement(effectiveScenario(scenario), pkg)).toBe("partial-settlement");
  });

  it("leaves a scenario with outcome classes, and what is not a scenario, as they are", () => {
    const current = scenarioData("ukraine-2026");
    expect(withFormerOutcomes(current)).toBe(current);
    expect(withFormerOutcomes(null)).toBe(null);
    expect(withFormerOutcomes([1])).toEqual([1]);
  });
});
