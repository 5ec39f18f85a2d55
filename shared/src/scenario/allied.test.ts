// The second built-in scenario, allied-coordination-2026: the figures its README section
// (shared/scenarios/README.md, "allied-coordination-2026") promises, through the scenario CLI as
// authors run it. Any change to its numbers, red lines, variants or events shows up here.
import { describe, expect, it } from "vitest";
import { type CliIo, runScenarioCli } from "../cli/commands.ts";
import { classifyAgreement, noAgreementOutcome } from "../table/outcome.ts";
import { effectiveScenario } from "./effective.ts";
import { getScenario } from "./registry.ts";
import type { Scenario } from "./schema.ts";

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: () => undefined,
    now: () => (clock += 5),
  };
  const code = runScenarioCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function json(argv: string[]) {
  const { code, out, err } = run([...argv, "--json"]);
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out);
}

const id = "allied-coordination-2026";
const collisionRules = (collisions: { rule: string }[][]) => collisions.map((c) => c.map((v) => v.rule));

describe("allied-coordination-2026: check", () => {
  it("is valid, with three seats, seven issues and two variants", () => {
    expect(json(["check", id])).toEqual({
      ok: true,
      scenario: id,
      title: "Allied coordination, 2026",
      roles: 3,
      issues: 7,
      packages: 9216,
      redLines: 11,
      variants: [
        { id: "common-front", feasible: 864 },
        { id: "election-year", feasible: 96 },
      ],
      events: 6,
      // Ukrainian complete: every one of its texts is translated.
      translations: {
        uk: { texts: 149, translated: 149, missing: [] },
      },
    });
  });
});

describe("allied-coordination-2026: analyze", () => {
  it("has a zone of agreement in the default variant, common-front", () => {
    const analysis = json(["analyze", id]);
    expect(analysis).toMatchObject({
      variant: "common-front",
      packages: 9216,
      batna: { us: 56, ukraine: 48, europe: 56 },
      feasible: 864,
      zopa: 302,
      paretoSize: 39,
      collisions: [],
    });
    expect(analysis.nash).toEqual({
      package: {
        "military-aid": "multi-year-defensive",
        security: "us-backstop",
        reconstruction: "asset-backed-loan",
        "eu-accession": "staged-integration",
        sanctions: "hold-snapback",
        burden: "europe-majority",
        mandate: "ceasefire-now",
      },
      utilities: { us: 69.2, ukraine: 67.2, europe: 79.5 },
      gains: { us: 13.2, ukraine: 19.2, europe: 23.5 },
      product: 5955.84,
    });
    expect(analysis.kalaiSmorodinsky.utilities).toEqual({ us: 69.6, ukraine: 67.8, europe: 72.7 });
    expect(analysis.kalaiSmorodinsky.package.security).toBe("european-treaties");
    expect(analysis.maxWelfare.utilities).toEqual({ us: 58.4, ukraine: 76.2, europe: 83.5 });
    expect(analysis.maxWelfare.package.mandate).toBe("guarantees-first");
  });

  it("narrows the zone in election-year", () => {
    const analysis = json(["analyze", id, "--variant", "election-year"]);
    expect(analysis).toMatchObject({ feasible: 96, zopa: 54, paretoSize: 14, collisions: [] });
    expect(analysis.nash.utilities).toEqual({ us: 78.2, ukraine: 57.2, europe: 74.7 });
    expect(analysis.nash.package).toMatchObject({
      "military-aid": "annual-defensive",
      mandate: "ceasefire-now",
    });
  });

  it("collides when Kyiv's parliament binds its delegation in election season", () => {
    for (const argv of [
      ["analyze", id, "--variant", "election-year", "--events", "rada-mandate-vote"],
      ["analyze", id, "--events", "campaign-season,rada-mandate-vote"],
    ]) {
      const analysis = json(argv);
      expect(analysis).toMatchObject({ feasible: 0, zopa: 0, nash: null, collisionsComplete: true });
      expect(collisionRules(analysis.collisions)).toEqual([
        ["us-ey-ceasefire-mandate", "ua-rada-guarantees-first"],
      ]);
    }
    expect(json(["analyze", id, "--events", "campaign-season"]).variantByRole).toEqual({
      us: "election-year",
      ukraine: "common-front",
      europe: "election-year",
    });
  });

  it.each([
    ["rada-mandate-vote", { feasible: 576, zopa: 158, paretoSize: 34 }],
    ["campaign-season", { feasible: 96, zopa: 54, paretoSize: 14 }],
    ["front-line-strain", { feasible: 864, zopa: 342, paretoSize: 43, batna: { ukraine: 38 } }],
    ["joint-statement-promised", { feasible: 864, zopa: 519, paretoSize: 56, batna: { us: 51 } }],
    ["aid-bill-stalls", { feasible: 864, zopa: 278, paretoSize: 46 }],
    ["energy-bills", { feasible: 864, zopa: 268, paretoSize: 36 }],
  ])("after %s", (event, figures) => {
    expect(json(["analyze", id, "--events", event])).toMatchObject({ events: [event], ...figures });
  });
});

describe("allied-coordination-2026: simulate", () => {
  it("200 firm bot tables agree at four tables in five", { timeout: 120_000 }, () => {
    const report = json(["simulate", id, "--tables", "200"]);
    expect(report).toMatchObject({
      scenario: id,
      variant: "common-front",
      tables: 200,
      seed: "red-lines",
      styles: { us: "boulware", ukraine: "boulware", europe: "boulware" },
      agreementRate: 0.795,
      meanRounds: 4,
      meanScore: { us: 65.324, ukraine: 61.889, europe: 73.873 },
      meanParetoDistance: 2.476,
      redLineBreaches: 0,
      otherRefusals: 0,
      outcomes: { "transatlantic-bargain": 159, "no-common-position": 41 },
    });
  });
});

describe("allied-coordination-2026: outcome classes", () => {
  const scenario = getScenario(id) as Scenario;
  const nash = {
    "military-aid": "multi-year-defensive",
    security: "us-backstop",
    reconstruction: "asset-backed-loan",
    "eu-accession": "staged-integration",
    sanctions: "hold-snapback",
    burden: "europe-majority",
    mandate: "ceasefire-now",
  };

  it("classes agreements by who pays and who stands behind the guarantees", () => {
    const effective = effectiveScenario(scenario, "common-front");
    expect(classifyAgreement(effective, nash)).toBe("transatlantic-bargain");
    expect(classifyAgreement(effective, { ...nash, security: "european-treaties" })).toBe(
      "europe-carries-the-weight",
    );
    expect(classifyAgreement(effective, { ...nash, burden: "even-split" })).toBe("shared-burden");
  });

  it("names a deal Kyiv scores below its starting no-deal value, whatever its terms", () => {
    // After front-line-strain Kyiv's no-deal value is 38: it may accept this package (40.3), which
    // is below the 48 it started with.
    const strained = effectiveScenario(scenario, "common-front", ["front-line-strain"]);
    const squeezed = {
      ...nash,
      "military-aid": "annual-defensive",
      security: "european-treaties",
      reconstruction: "staged-fund",
      "eu-accession": "no-commitment",
    };
    expect(classifyAgreement(strained, squeezed)).toBe("kyiv-pressed");
  });

  it("classes the endings without an agreement", () => {
    const effective = effectiveScenario(scenario, "common-front");
    expect(noAgreementOutcome(effective, "rounds-exhausted").class).toBe("no-common-position");
    expect(noAgreementOutcome(effective, "ended-by-instructor").class).toBe("no-common-position");
    expect(noAgreementOutcome(effective, "walk-out", "europe").class).toBe("allies-split");
  });
});
