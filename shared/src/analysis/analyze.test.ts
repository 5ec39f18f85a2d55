import { describe, expect, it } from "vitest";
import { effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import { syntheticScenario } from "../scenario/synthetic.ts";
import { analyze } from "./analyze.ts";
import { assessPackage } from "./assessment.ts";
import { forEachBox } from "./boxes.ts";
import { compileModel } from "./model.ts";

const scenario = getScenario("ukraine-2026");
if (!scenario) throw new Error("flagship scenario missing");

const backChannel = analyze(effectiveScenario(scenario, "back-channel"));
const publicPositions = analyze(effectiveScenario(scenario, "public-positions"));

const collisionIds = (collisions: { rule: string }[][]) => collisions.map((c) => c.map((v) => v.rule).sort());

describe("analysis of the back-channel variant", () => {
  it("finds exactly 7,776 feasible packages, 5,452 of them in the ZOPA", () => {
    expect(backChannel.packages).toBe(12_441_600);
    expect(backChannel.feasible).toBe(7776);
    expect(backChannel.zopa).toBe(5452);
    expect(backChannel.collisions).toEqual([]);
  });

  it("puts the Nash point at ukraine 62.45, russia 62.8, us 85.8, europe 79.4", () => {
    const utilities = backChannel.nash?.utilities ?? {};
    expect(utilities.ukraine).toBeCloseTo(62.45, 2);
    expect(utilities.russia).toBeCloseTo(62.8, 2);
    expect(utilities.us).toBeCloseTo(85.8, 2);
    expect(utilities.europe).toBeCloseTo(79.4, 2);
    expect(backChannel.nash?.package).toMatchObject({
      territory: "deferred",
      ceasefire: "current-line-dmz",
      guarantees: "bilateral-treaties",
      monitoring: "european-force",
    });
  });

  it("every feasible package is scenario 1's fragile ceasefire: deferred status, European treaties and force, current line", () => {
    const model = compileModel(effectiveScenario(scenario, "back-channel"));
    const option = (issue: string, o: number) => model.options[model.issues.indexOf(issue)]?.[o];
    const seen = new Map<string, Set<string>>();
    forEachBox(model, (domains) => {
      for (const issue of ["territory", "guarantees", "monitoring", "ceasefire"]) {
        const i = model.issues.indexOf(issue);
        const set = seen.get(issue) ?? new Set<string>();
        for (let o = 0; o < (model.sizes[i] ?? 0); o++) {
          if ((domains[i] ?? 0) & (1 << o)) set.add(option(issue, o) ?? "");
        }
        seen.set(issue, set);
      }
      return true;
    });
    expect(Object.fromEntries([...seen].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      territory: ["deferred"],
      guarantees: ["bilateral-treaties"],
      monitoring: ["european-force"],
      ceasefire: ["current-line", "current-line-dmz"],
    });
  });

  it("matches a brute-force reference for the frontier, Kalai–Smorodinsky and max-welfare points", () => {
    expect(backChannel.paretoSize).toBe(156);
    expect(backChannel.kalaiSmorodinsky?.ideal).toEqual({
      ukraine: 69.85,
      russia: 69.7,
      us: 97.4,
      europe: 88.1,
    });
    expect(backChannel.kalaiSmorodinsky?.utilities).toEqual({
      ukraine: 61.85,
      russia: 62.9,
      us: 80.4,
      europe: 75.8,
    });
    expect(backChannel.kalaiSmorodinsky?.level).toBeCloseTo(0.6548223350253806, 9);
    expect(backChannel.maxWelfare?.welfare).toBeCloseTo(298.45, 9);
    expect(backChannel.maxWelfare?.utilities).toEqual({
      ukraine: 69.35,
      russia: 50.4,
      us: 90.6,
      europe: 88.1,
    });
  });

  it("keeps every frontier package inside the ZOPA", () => {
    for (const point of backChannel.pareto ?? []) {
      for (const [role, gain] of Object.entries(point.gains)) {
        expect(gain, role).toBeGreaterThan(0);
      }
    }
  });
});

describe("analysis of the public-positions variant", () => {
  it("finds no feasible package, and names ru-pub-territory against ua-no-legal-cession and eu-no-annexation", () => {
    expect(publicPositions.feasible).toBe(0);
    expect(publicPositions.zopa).toBe(0);
    expect(publicPositions.nash).toBeNull();
    expect(publicPositions.kalaiSmorodinsky).toBeNull();
    expect(publicPositions.maxWelfare).toBeNull();
    expect(collisionIds(publicPositions.collisions)).toEqual([
      ["ru-pub-territory", "ua-no-legal-cession"],
      ["eu-no-annexation", "ru-pub-territory"],
    ]);
    expect(publicPositions.collisionsComplete).toBe(true);
  });

  it("explains each colliding rule with its role and source", () => {
    const [first] = publicPositions.collisions;
    expect(first?.map((v) => v.role)).toEqual(["ukraine", "russia"]);
    for (const violation of first ?? []) {
      expect(violation.explanation.length).toBeGreaterThan(20);
      expect(violation.sources[0]?.file).toBe("002_dc4659ee7f7471a7.txt");
    }
  });
});

describe("events change the figures as their effects say", () => {
  it("a Pokrovsk breakthrough (ukraine −15, russia +8) shrinks the ZOPA and moves the Nash point toward russia", () => {
    const after = analyze(effectiveScenario(scenario, "back-channel", ["pokrovsk-breakthrough"]));
    expect(after.batna).toMatchObject({ ukraine: 30, russia: 58 });
    expect(after.feasible).toBe(7776);
    expect(after.zopa).toBe(1851);
    expect(after.nash?.utilities).toEqual({ ukraine: 57.05, russia: 65.3, us: 91.4, europe: 74.5 });
    expect(after.nash?.utilities.russia).toBeGreaterThan(backChannel.nash?.utilities.russia ?? 0);
    expect(after.nash?.utilities.ukraine).toBeLessThan(backChannel.nash?.utilities.ukraine ?? 0);
  });

  it("a track-two signal turns the public-positions impasse into the back-channel zone", () => {
    const after = analyze(effectiveScenario(scenario, "public-positions", ["track-two-signal"]));
    expect(after.variantByRole.russia).toBe("back-channel");
    expect(after.feasible).toBe(7776);
    expect(after.zopa).toBe(5452);
    expect(after.nash?.utilities).toEqual(backChannel.nash?.utilities);
    expect(after.collisions).toEqual([]);
  });

  it("the backlash in Kyiv halves the feasible set and adds a NATO collision to the public positions", () => {
    const backChannelAfter = analyze(effectiveScenario(scenario, "back-channel", ["kyiv-backlash"]));
    expect(backChannelAfter.feasible).toBe(3888);
    expect(backChannelAfter.zopa).toBe(2470);
    expect(backChannelAfter.nash?.package.nato).toBe("renounced");
    expect(backChannelAfter.nash?.utilities).toEqual({
      ukraine: 63.85,
      russia: 60.4,
      us: 86.8,
      europe: 80.9,
    });
    const publicAfter = analyze(effectiveScenario(scenario, "public-positions", ["kyiv-backlash"]));
    expect(collisionIds(publicAfter.collisions)).toContainEqual(["ru-pub-nato-ban", "ua-no-nato-ban"]);
  });

  it("election pressure lowers the US BATNA and so can only widen the ZOPA", () => {
    const after = analyze(effectiveScenario(scenario, "back-channel", ["election-pressure"]));
    expect(after.batna.us).toBe(25);
    expect(after.zopa).toBeGreaterThanOrEqual(backChannel.zopa ?? 0);
  });
});

describe("assessing a package", () => {
  const effective = effectiveScenario(scenario, "back-channel");

  it("the Nash package lies on the frontier, in the ZOPA, breaking no red line", () => {
    const nash = backChannel.nash;
    if (!nash) throw new Error("no Nash point");
    const assessment = assessPackage(effective, nash.package, backChannel.pareto);
    expect(assessment).toMatchObject({ complete: true, feasible: true, inZopa: true, distanceToFrontier: 0 });
    expect(assessment.gains).toEqual({ ukraine: 17.45, russia: 12.8, us: 50.8, europe: 34.4 });
  });

  it("a feasible but wasteful package shows how much every party left on the table", () => {
    const nash = backChannel.nash;
    if (!nash) throw new Error("no Nash point");
    const wasteful = { ...nash.package, humanitarian: "exchanges-only", reconstruction: "none" };
    const assessment = assessPackage(effective, wasteful, backChannel.pareto);
    expect(assessment.feasible).toBe(true);
    expect(assessment.distanceToFrontier).toBeGreaterThan(0);
    const improvement = assessment.paretoImprovement;
    expect(improvement).not.toBeNull();
    for (const role of ["ukraine", "russia", "us", "europe"]) {
      expect(improvement?.utilities[role]).toBeGreaterThanOrEqual(assessment.utilities[role] ?? 0);
    }
  });

  it("a package recognising annexation is neither feasible nor in the ZOPA", () => {
    const nash = backChannel.nash;
    if (!nash) throw new Error("no Nash point");
    const assessment = assessPackage(
      effective,
      { ...nash.package, territory: "recognize-crimea" },
      backChannel.pareto,
    );
    expect(assessment.feasible).toBe(false);
    expect(assessment.inZopa).toBe(false);
    expect(assessment.violations.map((v) => v.rule)).toEqual(["ua-no-legal-cession", "eu-no-annexation"]);
  });

  it("a partial package has partial utilities and no distance to the frontier", () => {
    const assessment = assessPackage(effective, { territory: "deferred" }, backChannel.pareto);
    expect(assessment.complete).toBe(false);
    expect(assessment.utilities.ukraine).toBeCloseTo(10.8, 9);
    expect(assessment.distanceToFrontier).toBeNull();
  });
});

describe("spaces too large to enumerate", () => {
  it("report the ZOPA and frontier as unknown but still find the exact optimisation points", () => {
    const effective = effectiveScenario(syntheticScenario({ seed: "large", issues: 20, options: 4 }));
    const analysis = analyze(effective, { nodeBudget: 10_000 });
    expect(analysis.packages).toBe(4 ** 20);
    expect(analysis.feasible).toBeGreaterThan(1e9);
    expect(analysis.zopa).toBeNull();
    expect(analysis.paretoSize).toBeNull();
    expect(analysis.pareto).toBeNull();
    for (const point of [analysis.nash, analysis.kalaiSmorodinsky, analysis.maxWelfare]) {
      expect(point).not.toBeNull();
      for (const gain of Object.values(point?.gains ?? {})) expect(gain).toBeGreaterThan(0);
    }
  });
});
