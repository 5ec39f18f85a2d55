import { describe, expect, it } from "vitest";
import { packageSpaceSize } from "../package.ts";
import { loadScenario, type ScenarioError } from "./load.ts";
import { getScenario, scenarioData, scenarioIds } from "./registry.ts";
import type { Scenario } from "./schema.ts";

/** The flagship's data with one edit applied, as an author might break it. */
function broken(edit: (data: Scenario) => void): unknown {
  const data = structuredClone(scenarioData("ukraine-2026")) as Scenario;
  edit(data);
  return data;
}

function errorsOf(data: unknown): ScenarioError[] {
  const result = loadScenario(data);
  if (result.ok) throw new Error("expected the scenario to be rejected");
  // The CLI's words: each problem's path and English (its code is checked in checks.test.ts).
  return result.errors.map(({ path, message }) => ({ path, message }));
}

describe("the ukraine-2026 scenario", () => {
  it("ships and loads without errors", () => {
    expect(scenarioIds).toContain("ukraine-2026");
    const result = loadScenario(scenarioData("ukraine-2026"));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("has the spec's four roles, thirteen issues and 12,441,600 packages", () => {
    const scenario = getScenario("ukraine-2026");
    expect(scenario?.roles.map((r) => r.id)).toEqual(["ukraine", "russia", "us", "europe"]);
    expect(scenario?.issues.map((i) => i.id)).toEqual([
      "territory",
      "ceasefire",
      "monitoring",
      "guarantees",
      "nato",
      "armed-forces",
      "foreign-troops",
      "sanctions",
      "military-aid",
      "accountability",
      "humanitarian",
      "reconstruction",
      "eu-path",
    ]);
    expect(scenario && packageSpaceSize(scenario)).toBe(12_441_600);
  });

  it("has both variants, all eight events and the default turn order", () => {
    const scenario = getScenario("ukraine-2026");
    expect(scenario?.variants.map((v) => v.id)).toEqual(["back-channel", "public-positions"]);
    expect(scenario?.defaultVariant).toBe("back-channel");
    expect(scenario?.events.map((e) => e.id)).toEqual([
      "pokrovsk-breakthrough",
      "us-intel-pause",
      "sanctions-enforcement",
      "paris-guarantees",
      "kyiv-backlash",
      "track-two-signal",
      "energy-price-spike",
      "election-pressure",
    ]);
    expect(scenario?.turnOrder).toEqual(["us", "ukraine", "europe", "russia"]);
  });

  it("cites a seed document for every issue, role, red line, variant and event", () => {
    const scenario = getScenario("ukraine-2026");
    if (!scenario) throw new Error("missing");
    const cited = [
      ...scenario.issues,
      ...scenario.roles,
      ...scenario.variants,
      ...scenario.events,
      ...Object.values(scenario.redLines).flat(),
      ...scenario.variants.flatMap((v) => Object.values(v.redLines).flat()),
    ];
    for (const item of cited) {
      expect(item.sources.length).toBeGreaterThan(0);
      for (const source of item.sources) expect(source.file).toMatch(/^00[0-3]_[0-9a-f]{16}\.txt$/);
    }
  });

  it("is unknown under any other id", () => {
    expect(getScenario("atlantis-2030")).toBeUndefined();
  });
});

describe("loading an invalid scenario", () => {
  it("reports weights that do not sum to 100, with the role's path", () => {
    const errors = errorsOf(
      broken((s) => {
        const weights = s.utilities.ukraine?.weights;
        if (weights) weights.territory = 30;
      }),
    );
    expect(errors).toEqual([
      { path: "utilities.ukraine.weights", message: "weights must sum to 100 (they sum to 112)" },
    ]);
  });

  it("reports a score out of the 0–100 range at its exact place", () => {
    const errors = errorsOf(
      broken((s) => {
        const scores = s.utilities.russia?.scores.territory;
        if (scores) scores["recognize-crimea"] = 120;
      }),
    );
    expect(errors).toEqual([
      { path: "utilities.russia.scores.territory.recognize-crimea", message: "a score ranges from 0 to 100" },
    ]);
  });

  it("reports an unknown option in a red-line rule", () => {
    const errors = errorsOf(
      broken((s) => {
        const rule = s.redLines.ukraine?.[0]?.rule;
        if (rule && "not" in rule && "in" in rule.not) rule.not.in.options[1] = "recognise-occupied";
      }),
    );
    expect(errors).toEqual([
      {
        path: "redLines.ukraine[0].rule.not.in.options[1]",
        message: 'unknown option "recognise-occupied" for issue "territory"',
      },
    ]);
  });

  it("reports an unknown issue deep inside a compound rule", () => {
    const errors = errorsOf(
      broken((s) => {
        const rule = s.redLines.ukraine?.[1]?.rule;
        if (rule && "implies" in rule && "any" in rule.implies[1]) {
          rule.implies[1].any[0] = { in: { issue: "nuclear-status", options: ["neutral"] } };
        }
      }),
    );
    expect(errors).toEqual([
      {
        path: "redLines.ukraine[1].rule.implies[1].any[0].in.issue",
        message: 'unknown issue "nuclear-status"',
      },
    ]);
  });

  it("reports duplicate ids, pointing at the first use", () => {
    const errors = errorsOf(
      broken((s) => {
        const issue = s.issues[4];
        if (issue) issue.id = "territory";
      }),
    );
    expect(errors).toContainEqual({
      path: "issues[4].id",
      message: 'duplicate issue id "territory" (first used at issues[0].id)',
    });
  });

  it("reports a red-line id used twice across roles and variants", () => {
    const errors = errorsOf(
      broken((s) => {
        const redLine = s.variants[1]?.redLines.russia?.[0];
        if (redLine) redLine.id = "ua-no-legal-cession";
        // The translation of the renamed line would be refused as well; this test is about the id.
        delete s.translations;
      }),
    );
    expect(errors).toEqual([
      {
        path: "variants[1].redLines.russia[0].id",
        message: 'duplicate red line id "ua-no-legal-cession" (first used at redLines.ukraine[0].id)',
      },
    ]);
  });

  it("reports red lines and utilities of unknown roles", () => {
    const errors = errorsOf(
      broken((s) => {
        s.redLines.china = [];
        const { us } = s.utilities;
        if (us) s.utilities["united-states"] = us;
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "redLines.china", message: 'unknown role "china"' },
        { path: "utilities.united-states", message: 'unknown role "united-states"' },
      ]),
    );
  });

  it("reports events whose effects name unknown roles, options or variants", () => {
    const errors = errorsOf(
      broken((s) => {
        s.events[0]?.effects.push({ kind: "batna", role: "nato", delta: 3 });
        s.events[3]?.effects.push({
          kind: "score",
          role: "ukraine",
          issue: "guarantees",
          option: "nukes",
          delta: 3,
        });
        s.events[5]?.effects.push({ kind: "setVariant", role: "russia", variant: "secret-channel" });
        s.events[6]?.effects.push({ kind: "removeRedLine", role: "europe", redLine: "ua-accountability" });
      }),
    );
    expect(errors).toEqual([
      { path: "events[0].effects[2].role", message: 'unknown role "nato"' },
      { path: "events[3].effects[1].option", message: 'unknown option "nukes" for issue "guarantees"' },
      { path: "events[5].effects[1].variant", message: 'unknown variant "secret-channel"' },
      { path: "events[6].effects[2].redLine", message: 'role "europe" has no red line "ua-accountability"' },
    ]);
  });

  it("reports a turn order that misses or repeats a role", () => {
    const errors = errorsOf(
      broken((s) => {
        s.turnOrder = ["us", "ukraine", "us"];
      }),
    );
    expect(errors).toEqual([
      { path: "turnOrder[2]", message: 'role "us" appears twice' },
      { path: "turnOrder", message: 'role "russia" is missing from the turn order' },
      { path: "turnOrder", message: 'role "europe" is missing from the turn order' },
    ]);
  });

  it("reports a missing score and an unknown default variant", () => {
    const errors = errorsOf(
      broken((s) => {
        delete s.utilities.europe?.scores["eu-path"]?.deferred;
        s.defaultVariant = "secret-channel";
      }),
    );
    expect(errors).toEqual([
      { path: "utilities.europe.scores.eu-path", message: 'missing score for option "deferred"' },
      { path: "defaultVariant", message: 'unknown variant "secret-channel"' },
    ]);
  });

  it("reports a citation of a document the scenario does not list", () => {
    const errors = errorsOf(
      broken((s) => {
        const source = s.events[0]?.sources[0];
        if (source) source.file = "004_unknown.txt";
      }),
    );
    expect(errors).toEqual([
      {
        path: "events[0].sources[0].file",
        message: '"004_unknown.txt" is not one of the scenario\'s documents',
      },
    ]);
  });

  it("explains a malformed rule and a non-kebab-case id structurally", () => {
    const errors = errorsOf(
      broken((s) => {
        const redLine = s.redLines.us?.[0];
        if (redLine) {
          redLine.id = "US_No_NATO";
          (redLine as { rule: unknown }).rule = { is: { issue: "nato", option: "membership-path" } };
        }
      }),
    );
    expect(errors).toEqual([
      {
        path: "redLines.us[0].id",
        message: "must be a kebab-case id (lowercase letters, digits, single hyphens)",
      },
      {
        path: "redLines.us[0].rule",
        message:
          'a rule is an object with exactly one of the keys "in" ({ issue, options }), "not", "all", "any" or "implies" ([if, then])',
      },
    ]);
  });

  it("rejects something that is not a scenario at all", () => {
    const errors = errorsOf({ id: "x" });
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["format", "roles", "issues", "utilities"]),
    );
  });
});
