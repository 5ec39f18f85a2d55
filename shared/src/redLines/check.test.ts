import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nashPackage } from "../fixtures/ukraine2026.ts";
import type { Package } from "../package.ts";
import { effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import { checkAllRedLines, checkRedLines, optionsOfIssues } from "./check.ts";
import { kleeneTruth } from "./evaluate.ts";
import { ruleIssues } from "./rule.ts";

const scenario = getScenario("ukraine-2026");
if (!scenario) throw new Error("flagship scenario missing");
const backChannel = effectiveScenario(scenario, "back-channel");
const publicPositions = effectiveScenario(scenario, "public-positions");

const ruleIds = (violations: { rule: string }[]) => violations.map((v) => v.rule);

describe("red lines on complete packages", () => {
  it("ukraine cannot accept a package that recognises annexation", () => {
    const violations = checkRedLines(backChannel, "ukraine", {
      ...nashPackage,
      territory: "recognize-occupied",
    });
    expect(violations).toEqual([
      expect.objectContaining({
        role: "ukraine",
        rule: "ua-no-legal-cession",
        explanation: expect.stringContaining("legal title"),
        sources: [
          { file: "002_dc4659ee7f7471a7.txt", section: "Ukraine's Position and Red Lines" },
          expect.objectContaining({ file: "002_dc4659ee7f7471a7.txt" }),
        ],
      }),
    ]);
  });

  it("europe cannot accept recognition of Crimea either", () => {
    expect(
      ruleIds(checkRedLines(backChannel, "europe", { ...nashPackage, territory: "recognize-crimea" })),
    ).toEqual(["eu-no-annexation"]);
  });

  it("the spec's Nash package breaks no one's red lines in the back channel", () => {
    expect(checkAllRedLines(backChannel, nashPackage)).toEqual([]);
  });

  it("in public positions russia refuses anything short of the four oblasts, a NATO ban, strict limits and no troops", () => {
    expect(ruleIds(checkRedLines(publicPositions, "russia", nashPackage))).toEqual(["ru-pub-territory"]);
    const softer = {
      ...nashPackage,
      nato: "renounced",
      "armed-forces": "agreed-ceiling",
      "foreign-troops": "allowed",
    };
    expect(ruleIds(checkRedLines(publicPositions, "russia", softer))).toEqual([
      "ru-pub-territory",
      "ru-pub-nato-ban",
      "ru-pub-forces",
      "ru-pub-no-troops",
    ]);
  });

  it("a ceasefire protected only by political assurances breaks ukraine's guarantee rule", () => {
    const pkg = { ...nashPackage, guarantees: "political-assurances" };
    expect(ruleIds(checkRedLines(backChannel, "ukraine", pkg))).toEqual(["ua-ceasefire-needs-guarantees"]);
  });

  it("phased sanctions relief without monitoring breaks europe's verification rule", () => {
    const pkg = { ...nashPackage, monitoring: "none" };
    expect(ruleIds(checkRedLines(backChannel, "europe", pkg))).toEqual(["eu-relief-needs-verification"]);
    expect(ruleIds(checkRedLines(backChannel, "ukraine", pkg))).toEqual(["ua-ceasefire-needs-guarantees"]);
  });

  it("a role with no red lines in force reports nothing", () => {
    expect(checkRedLines(backChannel, "observer", nashPackage)).toEqual([]);
  });
});

describe("red lines on partial packages", () => {
  it("an empty draft breaks nothing", () => {
    expect(checkAllRedLines(publicPositions, {})).toEqual([]);
  });

  it("a ceasefire with guarantees still open is not yet a violation", () => {
    expect(checkRedLines(backChannel, "ukraine", { ceasefire: "current-line" })).toEqual([]);
  });

  it("bilateral treaties with monitoring still open leave ukraine's guarantee rule open", () => {
    const draft = { ceasefire: "current-line", guarantees: "bilateral-treaties" };
    expect(checkRedLines(backChannel, "ukraine", draft)).toEqual([]);
  });

  it("the rule breaks as soon as the options already set make it impossible", () => {
    const draft = { ceasefire: "current-line", guarantees: "bilateral-treaties", monitoring: "un-mission" };
    expect(ruleIds(checkRedLines(backChannel, "ukraine", draft))).toEqual(["ua-ceasefire-needs-guarantees"]);
    expect(
      ruleIds(checkRedLines(backChannel, "ukraine", { ceasefire: "current-line", guarantees: "none" })),
    ).toEqual(["ua-ceasefire-needs-guarantees"]);
  });

  it("a single set issue is enough to break a membership rule", () => {
    expect(ruleIds(checkRedLines(backChannel, "russia", { nato: "deferred" }))).toEqual(["ru-bc-nato"]);
  });
});

describe("partial-package evaluation (property)", () => {
  const issues = backChannel.issues;
  const completePackage = fc.tuple(
    ...issues.map((issue) => fc.constantFrom(...issue.options.map((o) => o.id))),
  );
  const asPackage = (options: string[], keep: boolean[]): Package =>
    Object.fromEntries(issues.flatMap((issue, i) => (keep[i] ? [[issue.id, options[i] as string]] : [])));
  const mask = fc.array(fc.boolean(), { minLength: issues.length, maxLength: issues.length });
  const allRedLines = [
    ...Object.values(backChannel.redLines).flat(),
    ...Object.values(publicPositions.redLines).flat(),
  ];

  it("a rule broken on a draft stays broken on every completion of it", () => {
    fc.assert(
      fc.property(completePackage, mask, (options, keep) => {
        const complete = asPackage(
          options,
          issues.map(() => true),
        );
        const draft = asPackage(options, keep);
        for (const model of [backChannel, publicPositions]) {
          const onComplete = new Set(ruleIds(checkAllRedLines(model, complete)));
          for (const rule of ruleIds(checkAllRedLines(model, draft))) expect(onComplete.has(rule)).toBe(true);
        }
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it("a rule not broken on a draft can still be satisfied by some completion", () => {
    const optionsOf = optionsOfIssues(backChannel);
    fc.assert(
      fc.property(completePackage, mask, (options, keep) => {
        const draft = asPackage(options, keep);
        for (const redLine of allRedLines) {
          const broken = checkRedLines({ issues, redLines: { r: [redLine] } }, "r", draft).length > 0;
          // Brute force over the rule's open issues.
          const open = ruleIssues(redLine.rule).filter((issue) => draft[issue] === undefined);
          let completions: Package[] = [draft];
          for (const issue of open) {
            completions = completions.flatMap((p) => optionsOf(issue).map((o) => ({ ...p, [issue]: o })));
          }
          const satisfiable = completions.some((p) => kleeneTruth(redLine.rule, p) === true);
          expect(broken).toBe(!satisfiable);
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
