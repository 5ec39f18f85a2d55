// Evaluates red-line rules on complete and partial packages. Three values: a rule holds, is
// broken, or is still open. On a partial package a rule is broken only when the options
// already set break it, i.e. when no way of filling the open issues could satisfy it.
import type { Package } from "../package.ts";
import { type Rule, ruleIssues } from "./rule.ts";

export type Truth = true | false | "unknown";

/**
 * Kleene (strong three-valued) evaluation: an open issue makes its membership tests unknown.
 * Sound but not complete on partial packages — `exactRuleTruth` settles the unknowns.
 */
export function kleeneTruth(rule: Rule, pkg: Package): Truth {
  if ("in" in rule) {
    const option = pkg[rule.in.issue];
    return option === undefined ? "unknown" : rule.in.options.includes(option);
  }
  if ("not" in rule) {
    const inner = kleeneTruth(rule.not, pkg);
    return inner === "unknown" ? "unknown" : !inner;
  }
  if ("all" in rule) {
    let result: Truth = true;
    for (const item of rule.all) {
      const t = kleeneTruth(item, pkg);
      if (t === false) return false;
      if (t === "unknown") result = "unknown";
    }
    return result;
  }
  if ("any" in rule) {
    let result: Truth = false;
    for (const item of rule.any) {
      const t = kleeneTruth(item, pkg);
      if (t === true) return true;
      if (t === "unknown") result = "unknown";
    }
    return result;
  }
  const condition = kleeneTruth(rule.implies[0], pkg);
  if (condition === false) return true;
  const consequence = kleeneTruth(rule.implies[1], pkg);
  if (consequence === true) return true;
  if (condition === true && consequence === false) return false;
  return "unknown";
}

/** The options of each issue, which the exact evaluation needs to try completions. */
export type OptionsOf = (issue: string) => readonly string[];

/**
 * Exact truth on a partial package: true when every completion satisfies the rule, false when
 * none does, unknown otherwise. Only the open issues the rule mentions are tried, with the
 * Kleene value cutting the search short, so typical rules settle in a handful of steps.
 */
export function exactRuleTruth(rule: Rule, pkg: Package, optionsOf: OptionsOf): Truth {
  const quick = kleeneTruth(rule, pkg);
  if (quick !== "unknown") return quick;
  const canHold = someCompletion(rule, pkg, optionsOf, true);
  const canBreak = someCompletion(rule, pkg, optionsOf, false);
  if (canHold && canBreak) return "unknown";
  return canHold;
}

function someCompletion(rule: Rule, pkg: Package, optionsOf: OptionsOf, wanted: boolean): boolean {
  const t = kleeneTruth(rule, pkg);
  if (t !== "unknown") return t === wanted;
  const open = ruleIssues(rule).find((issue) => pkg[issue] === undefined);
  if (open === undefined) return false;
  return optionsOf(open).some((option) =>
    someCompletion(rule, { ...pkg, [open]: option }, optionsOf, wanted),
  );
}
