import { describe, expect, it } from "vitest";
import { nashPackage } from "./fixtures/ukraine2026.ts";
import { effectiveScenario } from "./scenario/effective.ts";
import { getScenario } from "./scenario/registry.ts";
import { gainOverBatna, utilities, utility } from "./utility.ts";

const scenario = getScenario("ukraine-2026");
if (!scenario) throw new Error("flagship scenario missing");

describe("utilities", () => {
  it("are the weighted sums of scores the spec gives for its Nash point", () => {
    expect(utilities(scenario, nashPackage)).toEqual({
      ukraine: 62.45,
      russia: 62.8,
      us: 85.8,
      europe: 79.4,
    });
  });

  it("measure gains over each role's BATNA", () => {
    expect(gainOverBatna(scenario, "ukraine", nashPackage)).toBeCloseTo(17.45, 10);
    expect(gainOverBatna(scenario, "russia", nashPackage)).toBeCloseTo(12.8, 10);
  });

  it("count only the issues already settled in a partial package", () => {
    expect(utility(scenario, "russia", { territory: "recognize-four-oblasts" })).toBe(24);
    expect(utility(scenario, "russia", {})).toBe(0);
  });

  it("follow score effects: the Paris summit makes ukraine value the same package more", () => {
    const effective = effectiveScenario(scenario, "back-channel", ["paris-guarantees"]);
    expect(utility(effective, "ukraine", nashPackage)).toBeCloseTo(62.45 + 0.18 * 15, 10);
  });

  it("reject unknown roles and options as programmer errors", () => {
    expect(() => utility(scenario, "china", nashPackage)).toThrow(/unknown role/);
    expect(() => utility(scenario, "ukraine", { territory: "annexed" })).toThrow(/unknown issue\/option/);
  });
});
