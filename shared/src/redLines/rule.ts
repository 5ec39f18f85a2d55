// The red-line rule language, as data scenario authors write in JSON: option membership
// combined with not / all / any / implies. Each node has exactly one key; `implies` takes a
// pair [condition, consequence] (a `then` key would make rule objects look like promises).
import { z } from "zod";
import { idSchema } from "../scenario/ids.ts";

export const membershipRuleSchema = z.strictObject({
  in: z.strictObject({
    issue: idSchema,
    options: z.array(idSchema).min(1, { error: "list at least one option" }),
  }),
});

export const notRuleSchema = z.strictObject({
  get not() {
    return ruleSchema;
  },
});

export const allRuleSchema = z.strictObject({
  get all() {
    return z.array(ruleSchema).min(1, { error: "list at least one rule" });
  },
});

export const anyRuleSchema = z.strictObject({
  get any() {
    return z.array(ruleSchema).min(1, { error: "list at least one rule" });
  },
});

export const impliesRuleSchema = z.strictObject({
  get implies() {
    return z.tuple([ruleSchema, ruleSchema]);
  },
});

export const ruleSchema = z.union(
  [membershipRuleSchema, notRuleSchema, allRuleSchema, anyRuleSchema, impliesRuleSchema],
  {
    error:
      'a rule is an object with exactly one of the keys "in" ({ issue, options }), "not", "all", "any" or "implies" ([if, then])',
  },
);
export type Rule = z.infer<typeof ruleSchema>;

/** Calls `visit` on every membership test of a rule, with the path (relative to the rule) to its `in` node. */
export function forEachMembership(
  rule: Rule,
  visit: (membership: z.infer<typeof membershipRuleSchema>["in"], path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if ("in" in rule) visit(rule.in, [...path, "in"]);
  else if ("not" in rule) forEachMembership(rule.not, visit, [...path, "not"]);
  else if ("all" in rule) rule.all.forEach((r, i) => void forEachMembership(r, visit, [...path, "all", i]));
  else if ("any" in rule) rule.any.forEach((r, i) => void forEachMembership(r, visit, [...path, "any", i]));
  else {
    forEachMembership(rule.implies[0], visit, [...path, "implies", 0]);
    forEachMembership(rule.implies[1], visit, [...path, "implies", 1]);
  }
}

/** The issues a rule mentions, in first-mention order. */
export function ruleIssues(rule: Rule): string[] {
  const issues = new Set<string>();
  forEachMembership(rule, (m) => issues.add(m.issue));
  return [...issues];
}
