import { describe, expect, it } from "vitest";
import type { Package } from "../package.ts";
import { createRandom } from "../random.ts";
import { classifyAgreement, noAgreementOutcome } from "../table/outcome.ts";
import { utility } from "../utility.ts";
import { effectiveScenario } from "./effective.ts";
import { loadScenario, type ScenarioError } from "./load.ts";
import type { OutcomeClassSpec } from "./outcomes.ts";
import { getScenario, scenarioData } from "./registry.ts";
import type { Scenario } from "./schema.ts";

const scenario = getScenario("ukraine-2026") as Scenario;

/** The flagship's data with its outcome classes replaced, as an author might write them. */
function withOutcomes(outcomes: unknown[]): unknown {
  const data = structuredClone(scenarioData("ukraine-2026")) as Scenario;
  (data as { outcomes: unknown[] }).outcomes = outcomes;
  // The flagship's translations name its own classes, which these replace.
  delete data.translations;
  return data;
}

function errorsOf(data: unknown): ScenarioError[] {
  const result = loadScenario(data);
  if (result.ok) throw new Error("expected the scenario to be rejected");
  // The CLI's words: each problem's path and English (its code is checked in checks.test.ts).
  return result.errors.map(({ path, message }) => ({ path, message }));
}

const sources = [{ file: "002_dc4659ee7f7471a7.txt", section: "Scenarios and Timelines" }];
const cls = (id: string, rest: Partial<OutcomeClassSpec>): OutcomeClassSpec => ({
  id,
  title: id,
  description: `The ${id} ending.`,
  endings: ["agreement"],
  sources,
  ...rest,
});
const noDeals = [
  cls("stalemate", { endings: ["rounds-exhausted", "ended-by-instructor"] }),
  cls("collapse", { endings: ["walk-out"] }),
];

/** The classes as the engine hard-coded them before they became scenario data. */
function formerClass(s: Scenario, variant: string, events: string[], pkg: Package): string {
  const effective = effectiveScenario(s, variant, events);
  const ukraine = s.utilities.ukraine;
  if (ukraine && utility(effective, "ukraine", pkg) < ukraine.batna) return "imposed-settlement";
  if (pkg.territory === "full-restoration") return "comprehensive-settlement";
  if (
    pkg.territory === "deferred" &&
    ["current-line", "current-line-dmz", "phased-withdrawal"].includes(pkg.ceasefire ?? "") &&
    ["bilateral-treaties", "article5-equivalent"].includes(pkg.guarantees ?? "")
  ) {
    return "fragile-ceasefire";
  }
  return "partial-settlement";
}

describe("ukraine-2026's outcome classes as data", () => {
  it("class every agreement exactly as the hard-coded classes did, after any news", () => {
    const random = createRandom("outcome-classes");
    const eventIds = scenario.events.map((e) => e.id);
    const seen = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const pkg: Package = Object.fromEntries(
        scenario.issues.map((issue) => [issue.id, random.pick(issue.options).id]),
      );
      const variant = random.pick(scenario.variants).id;
      const events = eventIds.filter(() => random.chance(0.3));
      const expected = formerClass(scenario, variant, events, pkg);
      seen.add(expected);
      expect(classifyAgreement(effectiveScenario(scenario, variant, events), pkg)).toBe(expected);
    }
    expect([...seen].sort()).toEqual([
      "comprehensive-settlement",
      "fragile-ceasefire",
      "imposed-settlement",
      "partial-settlement",
    ]);
  });

  it("class endings without an agreement by the scenario's data", () => {
    const effective = effectiveScenario(scenario);
    expect(noAgreementOutcome(effective, "rounds-exhausted").class).toBe("stalemate");
    expect(noAgreementOutcome(effective, "ended-by-instructor").class).toBe("stalemate");
    expect(noAgreementOutcome(effective, "walk-out", "russia").class).toBe("collapse");
  });

  it("follow a scenario whose classes are its own", () => {
    const data = withOutcomes([
      ...noDeals,
      cls("russia-wins", { when: { belowNoDeal: { role: "russia", at: "end" } } }),
      cls("russia-content", { when: { not: { belowNoDeal: { role: "russia", at: "end" } } } }),
    ]);
    const result = loadScenario(data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const own = result.scenario;
    const pkg: Package = Object.fromEntries(
      own.issues.map((issue) => [issue.id, issue.options[0]?.id ?? ""]),
    );
    const effective = effectiveScenario(own);
    const below = utility(effective, "russia", pkg) < (effective.utilities.russia?.batna ?? 0);
    expect(classifyAgreement(effective, pkg)).toBe(below ? "russia-wins" : "russia-content");
    // "end": the no-deal value in force when the talks ended, which news moves.
    const raised = effectiveScenario(own, own.defaultVariant, ["pokrovsk-breakthrough"]);
    expect(raised.utilities.russia?.batna).toBeGreaterThan(effective.utilities.russia?.batna ?? 0);
  });
});

describe("the scenario check of outcome classes", () => {
  it("refuses classes that overlap, naming them and a case they share", () => {
    const errors = errorsOf(
      withOutcomes([
        ...noDeals,
        cls("frozen", {
          when: { in: { issue: "territory", options: ["deferred", "recognize-crimea"] } },
        }),
        cls("other", { when: { not: { in: { issue: "territory", options: ["deferred"] } } } }),
      ]),
    );
    expect(errors).toEqual([
      {
        path: "outcomes",
        message: expect.stringMatching(
          /^"frozen" and "other" overlap: each fits an agreement where Legal status of the occupied territory is "Crimea recognised"$/,
        ),
      },
    ]);
  });

  it("refuses classes that leave an agreement unclassified", () => {
    const errors = errorsOf(
      withOutcomes([
        ...noDeals,
        cls("deal-ukraine-content", {
          when: {
            all: [
              { in: { issue: "territory", options: ["deferred"] } },
              { not: { belowNoDeal: { role: "ukraine", at: "start" } } },
            ],
          },
        }),
        cls("deal-not-deferred", { when: { not: { in: { issue: "territory", options: ["deferred"] } } } }),
      ]),
    );
    expect(errors).toEqual([
      {
        path: "outcomes",
        message: expect.stringMatching(
          /^no outcome class fits an agreement where Legal status of the occupied territory is "Status deferred", Ukraine scores below its no-deal value at the start: every agreement needs a class$/,
        ),
      },
    ]);
  });

  it("refuses an ending no class covers, or two classes claim", () => {
    expect(
      errorsOf(withOutcomes([cls("any-deal", {}), cls("stalemate", { endings: ["rounds-exhausted"] })])).map(
        (e) => e.message,
      ),
    ).toEqual([
      'no outcome class covers a walk-out (add "walk-out" to one class\'s endings)',
      'no outcome class covers the facilitator ending the talks (add "ended-by-instructor" to one class\'s endings)',
    ]);
    expect(
      errorsOf(withOutcomes([cls("any-deal", {}), ...noDeals, cls("walked", { endings: ["walk-out"] })])),
    ).toEqual([
      {
        path: "outcomes[3].endings",
        message: '"walk-out" is also an ending of outcomes[2] ("collapse"): each ending belongs to one class',
      },
    ]);
    expect(errorsOf(withOutcomes([...noDeals])).map((e) => e.message)).toEqual([
      'no outcome class covers an agreement (add "agreement" to one class\'s endings)',
    ]);
  });

  it("refuses a rule on endings without a package, unknown ids and duplicate class ids", () => {
    const errors = errorsOf(
      withOutcomes([
        cls("any-deal", {}),
        cls("stalemate", {
          endings: ["rounds-exhausted", "ended-by-instructor"],
          when: { in: { issue: "territory", options: ["deferred"] } },
        }),
        cls("collapse", { endings: ["walk-out"] }),
        cls("any-deal", {
          when: {
            any: [
              { in: { issue: "borders", options: ["x"] } },
              { belowNoDeal: { role: "china", at: "start" } },
            ],
          },
        }),
      ]),
    );
    expect(errors).toEqual([
      {
        path: "outcomes[1].when",
        message:
          'only a class of agreements alone (endings ["agreement"]) can have a rule: the other endings have no package to test',
      },
      {
        path: "outcomes[3].id",
        message: 'duplicate outcome class id "any-deal" (first used at outcomes[0].id)',
      },
      { path: "outcomes[3].when.any[0].in.issue", message: 'unknown issue "borders"' },
      { path: "outcomes[3].when.any[1].belowNoDeal.role", message: 'unknown role "china"' },
    ]);
  });

  it("refuses a scenario without outcome classes, and a malformed rule with a clear sentence", () => {
    const data = structuredClone(scenarioData("ukraine-2026")) as Record<string, unknown>;
    delete data.outcomes;
    expect(errorsOf(data)).toEqual([
      {
        path: "outcomes",
        message:
          "list the outcome classes: how the talks can end, each with its endings and, for agreements, a rule",
      },
    ]);
    expect(
      errorsOf(withOutcomes([...noDeals, cls("deal", { when: { below: "ukraine" } as never })])).map(
        (e) => e.path,
      ),
    ).toEqual(["outcomes[2].when"]);
    expect(
      errorsOf(withOutcomes([...noDeals, cls("deal", { when: { below: "ukraine" } as never })]))[0]?.message,
    ).toContain('"belowNoDeal" ({ role, at })');
  });
});
