// Outcome classes as scenario data: how a scenario names the ways its talks can end, for the
// debrief. Each class covers some endings (an agreement, the rounds running out, a walk-out, the
// facilitator ending the talks); agreement classes may add a rule over the agreed package and the
// parties' scores against their no-deal values. The classes must partition every case: the
// scenario check refuses a scenario where two classes fit the same ending or none does.
import { z } from "zod";
import { membershipRuleSchema } from "../redLines/rule.ts";
import { idSchema, sourcesSchema, textSchema } from "./ids.ts";

export const conclusionReasons = [
  "agreement",
  "rounds-exhausted",
  "walk-out",
  "ended-by-instructor",
] as const;
export type ConclusionReason = (typeof conclusionReasons)[number];

/** Each ending as a phrase, for a scenario check's errors. */
const endingWords: Record<ConclusionReason, string> = {
  agreement: "an agreement",
  "rounds-exhausted": "the rounds running out",
  "walk-out": "a walk-out",
  "ended-by-instructor": "the facilitator ending the talks",
};

/**
 * Holds when the role's score of the agreed package (at the numbers in force when the talks
 * ended) is below its no-deal value: as it stood at the start of the talks, or at their end.
 */
export const belowNoDealRuleSchema = z.strictObject({
  belowNoDeal: z.strictObject({
    role: idSchema,
    at: z.enum(["start", "end"], {
      error: 'at is "start" (the no-deal value the talks began with) or "end"',
    }),
  }),
});

export type OutcomeRule =
  | z.infer<typeof membershipRuleSchema>
  | z.infer<typeof belowNoDealRuleSchema>
  | { not: OutcomeRule }
  | { all: OutcomeRule[] }
  | { any: OutcomeRule[] }
  | { implies: [OutcomeRule, OutcomeRule] };

/** The red-line rule language plus `belowNoDeal`. */
export const outcomeRuleSchema: z.ZodType<OutcomeRule> = z.lazy(() =>
  z.union(
    [
      membershipRuleSchema,
      belowNoDealRuleSchema,
      z.strictObject({ not: outcomeRuleSchema }),
      z.strictObject({ all: z.array(outcomeRuleSchema).min(1, { error: "list at least one rule" }) }),
      z.strictObject({ any: z.array(outcomeRuleSchema).min(1, { error: "list at least one rule" }) }),
      z.strictObject({ implies: z.tuple([outcomeRuleSchema, outcomeRuleSchema]) }),
    ],
    {
      error:
        'an outcome rule is an object with exactly one of the keys "in" ({ issue, options }), "belowNoDeal" ({ role, at }), "not", "all", "any" or "implies" ([if, then])',
    },
  ),
);

export const outcomeClassSchema = z.strictObject({
  id: idSchema,
  /** What people read: "Fragile ceasefire". */
  title: textSchema,
  /** One paragraph for the debrief and the outcome screen: what this ending means. */
  description: textSchema,
  /** How a sentence names it, e.g. "a fragile ceasefire" (default: the title in quotes). */
  phrase: textSchema.optional(),
  endings: z.array(z.enum(conclusionReasons)).min(1, { error: "list at least one ending" }),
  /** Only for agreement classes: which agreements this class covers. */
  when: outcomeRuleSchema.optional(),
  sources: sourcesSchema,
});
export type OutcomeClassSpec = z.infer<typeof outcomeClassSchema>;

/** What a class's rule is asked about an agreement. */
export type AgreementFacts = {
  pkg: Readonly<Record<string, string>>;
  below: (role: string, at: "start" | "end") => boolean;
};

export function outcomeRuleHolds(rule: OutcomeRule, facts: AgreementFacts): boolean {
  if ("in" in rule) {
    const option = facts.pkg[rule.in.issue];
    return option !== undefined && rule.in.options.includes(option);
  }
  if ("belowNoDeal" in rule) return facts.below(rule.belowNoDeal.role, rule.belowNoDeal.at);
  if ("not" in rule) return !outcomeRuleHolds(rule.not, facts);
  if ("all" in rule) return rule.all.every((r) => outcomeRuleHolds(r, facts));
  if ("any" in rule) return rule.any.some((r) => outcomeRuleHolds(r, facts));
  return !outcomeRuleHolds(rule.implies[0], facts) || outcomeRuleHolds(rule.implies[1], facts);
}

/** Every membership test and score test of a rule, with its path (relative to the rule). */
function forEachAtom(
  rule: OutcomeRule,
  visit: (atom: OutcomeRule, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if ("in" in rule || "belowNoDeal" in rule) visit(rule, path);
  else if ("not" in rule) forEachAtom(rule.not, visit, [...path, "not"]);
  else if ("all" in rule) rule.all.forEach((r, i) => void forEachAtom(r, visit, [...path, "all", i]));
  else if ("any" in rule) rule.any.forEach((r, i) => void forEachAtom(r, visit, [...path, "any", i]));
  else {
    forEachAtom(rule.implies[0], visit, [...path, "implies", 0]);
    forEachAtom(rule.implies[1], visit, [...path, "implies", 1]);
  }
}

/** The class an ending falls in, or undefined if none does (a scenario that passed its check always has one). */
export function classifyEnding(
  outcomes: readonly OutcomeClassSpec[],
  ending: ConclusionReason,
  facts: AgreementFacts | null,
): OutcomeClassSpec | undefined {
  return outcomes.find(
    (c) =>
      c.endings.includes(ending) &&
      (c.when === undefined || (facts !== null && outcomeRuleHolds(c.when, facts))),
  );
}

type Path = (string | number)[];
type Fail = (path: Path, message: string) => void;

/** The most combinations of options and score tests the partition check walks through. */
export const MAX_OUTCOME_CASES = 2_000_000;

/**
 * Checks the outcome classes: ids unique, issues, options and roles known, rules only on
 * agreement-only classes, and every case in exactly one class. The agreement cases are every
 * combination of the options of the issues the rules mention, with each score test taken as
 * free (true or false), so a class set passes whatever the numbers become after events.
 */
export function outcomeErrors(
  outcomes: readonly OutcomeClassSpec[],
  scenario: {
    roles: readonly { id: string; name: string }[];
    issues: readonly { id: string; name: string; options: readonly { id: string; label: string }[] }[];
  },
  fail: Fail,
): void {
  const roleIds = new Set(scenario.roles.map((r) => r.id));
  const issueById = new Map(scenario.issues.map((i) => [i.id, i]));
  const firstId = new Map<string, number>();
  let referencesOk = true;
  outcomes.forEach((outcome, i) => {
    const seen = firstId.get(outcome.id);
    if (seen !== undefined)
      fail(
        ["outcomes", i, "id"],
        `duplicate outcome class id "${outcome.id}" (first used at outcomes[${seen}].id)`,
      );
    else firstId.set(outcome.id, i);
    const endings = new Set<string>();
    outcome.endings.forEach((ending, k) => {
      if (endings.has(ending)) fail(["outcomes", i, "endings", k], `ending "${ending}" is listed twice`);
      endings.add(ending);
    });
    if (outcome.when === undefined) return;
    if (outcome.endings.length !== 1 || outcome.endings[0] !== "agreement") {
      referencesOk = false;
      fail(
        ["outcomes", i, "when"],
        'only a class of agreements alone (endings ["agreement"]) can have a rule: the other endings have no package to test',
      );
    }
    forEachAtom(outcome.when, (atom, at) => {
      const path = ["outcomes", i, "when", ...at];
      if ("belowNoDeal" in atom) {
        if (!roleIds.has(atom.belowNoDeal.role)) {
          referencesOk = false;
          fail([...path, "belowNoDeal", "role"], `unknown role "${atom.belowNoDeal.role}"`);
        }
        return;
      }
      if (!("in" in atom)) return;
      const issue = issueById.get(atom.in.issue);
      if (!issue) {
        referencesOk = false;
        fail([...path, "in", "issue"], `unknown issue "${atom.in.issue}"`);
        return;
      }
      const listed = new Set<string>();
      atom.in.options.forEach((option, k) => {
        if (!issue.options.some((o) => o.id === option)) {
          referencesOk = false;
          fail([...path, "in", "options", k], `unknown option "${option}" for issue "${issue.id}"`);
        } else if (listed.has(option))
          fail([...path, "in", "options", k], `option "${option}" is listed twice`);
        listed.add(option);
      });
    });
  });

  // Endings without a package: exactly one class each.
  for (const ending of conclusionReasons) {
    if (ending === "agreement") continue;
    const holders = outcomes.flatMap((o, i) => (o.endings.includes(ending) ? [i] : []));
    if (holders.length === 0)
      fail(
        ["outcomes"],
        `no outcome class covers ${endingWords[ending]} (add "${ending}" to one class's endings)`,
      );
    else if (holders.length > 1) {
      const [first, ...others] = holders;
      for (const i of others) {
        fail(
          ["outcomes", i, "endings"],
          `"${ending}" is also an ending of outcomes[${first}] ("${outcomes[first as number]?.id}"): each ending belongs to one class`,
        );
      }
    }
  }
  if (!referencesOk) return;

  // Agreements: walk every case the rules can tell apart.
  const agreementClasses = outcomes.filter((o) => o.endings.includes("agreement"));
  if (agreementClasses.length === 0) {
    fail(
      ["outcomes"],
      `no outcome class covers ${endingWords.agreement} (add "agreement" to one class's endings)`,
    );
    return;
  }
  const mentioned = new Set<string>();
  const scoreTestSet = new Set<string>();
  for (const outcome of agreementClasses) {
    if (!outcome.when) continue;
    forEachAtom(outcome.when, (atom) => {
      if ("in" in atom) mentioned.add(atom.in.issue);
      else if ("belowNoDeal" in atom) scoreTestSet.add(`${atom.belowNoDeal.role}@${atom.belowNoDeal.at}`);
    });
  }
  const issues = scenario.issues.filter((issue) => mentioned.has(issue.id));
  const scoreTests = [...scoreTestSet];
  let cases = 2 ** scoreTests.length;
  for (const issue of issues) cases *= issue.options.length;
  if (cases > MAX_OUTCOME_CASES) {
    fail(
      ["outcomes"],
      `the outcome rules tell apart ${cases.toLocaleString("en")} cases, more than the ${MAX_OUTCOME_CASES.toLocaleString("en")} the check can walk through: mention fewer issues or score tests`,
    );
    return;
  }
  const roleName = (id: string) => scenario.roles.find((r) => r.id === id)?.name ?? id;
  const describe = (pkg: Record<string, string>, below: Set<string>) => {
    const parts = issues.map((issue) => {
      const label = issue.options.find((o) => o.id === pkg[issue.id])?.label ?? pkg[issue.id];
      return `${issue.name} is "${label}"`;
    });
    for (const test of scoreTests) {
      const [role = "", at = ""] = test.split("@");
      const when = at === "start" ? "the start" : "the end";
      parts.push(
        `${roleName(role)} scores ${below.has(test) ? "below" : "at or above"} its no-deal value at ${when}`,
      );
    }
    return parts.length === 0 ? "any agreement" : `an agreement where ${parts.join(", ")}`;
  };
  const reported = new Set<string>();
  const pkg: Record<string, string> = {};
  const walk = (index: number): void => {
    if (index < issues.length) {
      const issue = issues[index] as (typeof issues)[number];
      for (const option of issue.options) {
        pkg[issue.id] = option.id;
        walk(index + 1);
      }
      return;
    }
    for (let mask = 0; mask < 2 ** scoreTests.length; mask++) {
      const below = new Set(scoreTests.filter((_, bit) => (mask >> bit) & 1));
      const facts: AgreementFacts = { pkg, below: (role, at) => below.has(`${role}@${at}`) };
      const fitting = agreementClasses.filter((c) => c.when === undefined || outcomeRuleHolds(c.when, facts));
      const key = fitting.map((c) => c.id).join(",");
      if (fitting.length === 1 || reported.has(key)) continue;
      reported.add(key);
      if (fitting.length === 0) {
        fail(["outcomes"], `no outcome class fits ${describe(pkg, below)}: every agreement needs a class`);
      } else {
        const names = fitting.map((c) => `"${c.id}"`);
        fail(
          ["outcomes"],
          `${names.slice(0, -1).join(", ")} and ${names.at(-1)} overlap: each fits ${describe(pkg, below)}`,
        );
      }
    }
  };
  walk(0);
}

/** A class by id, for titles and descriptions (logs keep only the id). */
export function findOutcomeClass(
  outcomes: readonly OutcomeClassSpec[],
  id: string,
): OutcomeClassSpec | undefined {
  return outcomes.find((o) => o.id === id);
}

/** How a sentence names a class: its phrase, or its title in quotes. */
export function outcomePhrase(outcome: Pick<OutcomeClassSpec, "title" | "phrase">): string {
  return outcome.phrase ?? `“${outcome.title}”`;
}
