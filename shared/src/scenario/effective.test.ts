import { describe, expect, it } from "vitest";
import { checkRedLines } from "../redLines/check.ts";
import { applyEvent, effectiveScenario } from "./effective.ts";
import { loadScenario } from "./load.ts";
import { getScenario } from "./registry.ts";
import type { Scenario } from "./schema.ts";

const scenario = getScenario("ukraine-2026");
if (!scenario) throw new Error("flagship scenario missing");

const redLineIds = (effective: { redLines: Record<string, { id: string }[]> }, role: string) =>
  (effective.redLines[role] ?? []).map((r) => r.id);

describe("the effective scenario", () => {
  it("starts every role in the chosen variant, with its all-variant and variant red lines", () => {
    const effective = effectiveScenario(scenario, "public-positions");
    expect(effective.variantByRole).toEqual({
      ukraine: "public-positions",
      russia: "public-positions",
      us: "public-positions",
      europe: "public-positions",
    });
    expect(redLineIds(effective, "russia")).toEqual([
      "ru-pub-territory",
      "ru-pub-nato-ban",
      "ru-pub-forces",
      "ru-pub-no-troops",
    ]);
    expect(redLineIds(effective, "ukraine")).toHaveLength(4);
  });

  it("uses the scenario's default variant when none is given", () => {
    expect(effectiveScenario(scenario).variant).toBe("back-channel");
  });

  it("a Pokrovsk breakthrough lowers ukraine's BATNA by 15 and raises russia's by 8", () => {
    const effective = effectiveScenario(scenario, "back-channel", ["pokrovsk-breakthrough"]);
    expect(effective.utilities.ukraine?.batna).toBe(30);
    expect(effective.utilities.russia?.batna).toBe(58);
    expect(effective.utilities.us?.batna).toBe(35);
    expect(effective.appliedEvents).toEqual(["pokrovsk-breakthrough"]);
  });

  it("events accumulate in order and never change the authored scenario", () => {
    const effective = effectiveScenario(scenario, "back-channel", [
      "pokrovsk-breakthrough",
      "us-intel-pause",
      "sanctions-enforcement",
      "energy-price-spike",
      "election-pressure",
    ]);
    expect(effective.utilities.ukraine?.batna).toBe(20);
    expect(effective.utilities.russia?.batna).toBe(48);
    expect(effective.utilities.europe?.batna).toBe(33);
    expect(effective.utilities.us?.batna).toBe(25);
    expect(effective.utilities.europe?.scores.sanctions?.tightened).toBe(50);
    expect(scenario.utilities.ukraine?.batna).toBe(45);
    expect(scenario.utilities.europe?.scores.sanctions?.tightened).toBe(70);
  });

  it("is one shared object per variant before any event, and an event copies only what it changes", () => {
    const base = effectiveScenario(scenario, "back-channel");
    expect(effectiveScenario(scenario, "back-channel")).toBe(base);
    expect(effectiveScenario(scenario, "public-positions")).not.toBe(base);
    // Tables hold the authored utilities, not copies of them.
    expect(base.utilities).toBe(scenario.utilities);
    const snapshot = structuredClone(base);
    // pokrovsk-breakthrough changes ukraine's and russia's BATNAs only.
    const after = applyEvent(base, "pokrovsk-breakthrough");
    expect(after.utilities.ukraine).not.toBe(base.utilities.ukraine);
    expect(after.utilities.russia).not.toBe(base.utilities.russia);
    expect(after.utilities.us).toBe(base.utilities.us);
    expect(after.utilities.europe).toBe(base.utilities.europe);
    expect(base).toEqual(snapshot);
    expect(effectiveScenario(scenario, "back-channel", ["pokrovsk-breakthrough"])).toEqual(after);
  });

  it("the Paris summit raises ukraine's score for bilateral treaties, capped at 100", () => {
    const once = effectiveScenario(scenario, "back-channel", ["paris-guarantees"]);
    expect(once.utilities.ukraine?.scores.guarantees?.["bilateral-treaties"]).toBe(85);
    const thrice = effectiveScenario(scenario, "back-channel", [
      "paris-guarantees",
      "paris-guarantees",
      "paris-guarantees",
    ]);
    expect(thrice.utilities.ukraine?.scores.guarantees?.["bilateral-treaties"]).toBe(100);
  });

  it("after the backlash in Kyiv, ukraine cannot accept a constitutional NATO ban", () => {
    const before = effectiveScenario(scenario, "back-channel");
    const after = applyEvent(before, "kyiv-backlash");
    expect(checkRedLines(before, "ukraine", { nato: "constitutional-ban" })).toEqual([]);
    expect(checkRedLines(after, "ukraine", { nato: "constitutional-ban" }).map((v) => v.rule)).toEqual([
      "ua-no-nato-ban",
    ]);
    expect(redLineIds(before, "ukraine")).not.toContain("ua-no-nato-ban");
  });

  it("a track-two signal moves russia alone from its public demands to its back-channel lines", () => {
    const effective = effectiveScenario(scenario, "public-positions", ["track-two-signal"]);
    expect(effective.variantByRole.russia).toBe("back-channel");
    expect(effective.variantByRole.ukraine).toBe("public-positions");
    expect(redLineIds(effective, "russia")).toEqual([
      "ru-bc-nato",
      "ru-bc-no-rollback",
      "ru-bc-no-withdrawal",
      "ru-bc-no-nato-troops",
    ]);
  });

  it("refuses unknown variants and events as programmer errors", () => {
    expect(() => effectiveScenario(scenario, "secret-channel")).toThrow(/unknown variant/);
    expect(() => effectiveScenario(scenario, "back-channel", ["alien-invasion"])).toThrow(/unknown event/);
  });
});

describe("weight and red-line removal effects", () => {
  // The flagship uses neither, so a variant of it exercises them.
  const data = structuredClone(scenario) as Scenario;
  data.events.push({
    id: "territory-fatigue",
    title: "Territory matters less in Moscow",
    flash: "Moscow signals the territorial question matters less than it did.",
    effects: [
      { kind: "weight", role: "russia", issue: "territory", delta: -12 },
      { kind: "removeRedLine", role: "russia", redLine: "ru-bc-no-rollback" },
    ],
    sources: [{ file: "002_dc4659ee7f7471a7.txt", section: "Russia's Position and Demands" }],
  });
  const loaded = loadScenario(data);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));

  it("a weight change is renormalised so the weights still sum to 100", () => {
    const effective = effectiveScenario(loaded.scenario, "back-channel", ["territory-fatigue"]);
    const weights = effective.utilities.russia?.weights ?? {};
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(100, 9);
    expect(weights.territory).toBeCloseTo((12 * 100) / 88, 9);
    expect(weights.nato).toBeCloseTo((16 * 100) / 88, 9);
  });

  it("a removed red line no longer binds its role", () => {
    const effective = effectiveScenario(loaded.scenario, "back-channel", ["territory-fatigue"]);
    expect(redLineIds(effective, "russia")).not.toContain("ru-bc-no-rollback");
    expect(checkRedLines(effective, "russia", { territory: "full-restoration" })).toEqual([]);
  });
});
