// The numeric form of an effective scenario that the analysis searches: issues and options as
// indices, option sets as bit masks, utilities as per-option contributions, rules as trees.
import type { Package } from "../package.ts";
import type { Rule } from "../redLines/rule.ts";
import type { RedLine, RoleUtility } from "../scenario/schema.ts";

export type CompiledRule =
  | { kind: "in"; issue: number; mask: number }
  | { kind: "not"; rule: CompiledRule }
  | { kind: "all"; rules: CompiledRule[] }
  | { kind: "any"; rules: CompiledRule[] }
  | { kind: "implies"; condition: CompiledRule; consequence: CompiledRule };

export type CompiledRedLine = {
  role: string;
  redLine: RedLine;
  rule: CompiledRule;
  /** Issue indices the rule mentions. */
  scope: number[];
};

/**
 * What the analysis needs of a scenario: roles, issues, utilities and red lines in force. An
 * effective scenario is one; a bot builds one from its own view (itself and its estimates).
 */
export type ModelSource = {
  roles: readonly { id: string }[];
  issues: readonly { id: string; options: readonly { id: string }[] }[];
  utilities: Record<string, Pick<RoleUtility, "batna" | "weights" | "scores">>;
  redLines: Record<string, readonly RedLine[]>;
};

export type Model = {
  effective: ModelSource;
  roles: string[];
  issues: string[];
  options: string[][];
  sizes: number[];
  /**
   * value[r][i][o] = weight·score of role r for option o of issue i, i.e. utility in
   * hundredths of a point: with integer data every sum stays an exact integer.
   */
  value: Float64Array[][];
  /** BATNA per role, in the same hundredths. */
  batna: Float64Array;
  redLines: CompiledRedLine[];
};

/** Gains at or below this (in hundredths of a point) do not count as beating a BATNA. */
export const GAIN_EPSILON = 1e-7;

export function compileModel(effective: ModelSource): Model {
  const roles = effective.roles.map((r) => r.id);
  const issues = effective.issues.map((i) => i.id);
  const options = effective.issues.map((i) => i.options.map((o) => o.id));
  const issueIndex = new Map(issues.map((id, i) => [id, i]));
  const value = roles.map((role) => {
    const utility = effective.utilities[role];
    if (!utility) throw new Error(`no utilities for role "${role}"`);
    return effective.issues.map((issue) => {
      const weight = utility.weights[issue.id] ?? 0;
      const scores = utility.scores[issue.id] ?? {};
      return Float64Array.from(issue.options, (o) => weight * (scores[o.id] ?? 0));
    });
  });
  const batna = Float64Array.from(roles, (role) => (effective.utilities[role]?.batna ?? 0) * 100);

  const compile = (rule: Rule): CompiledRule => {
    if ("in" in rule) {
      const issue = issueIndex.get(rule.in.issue);
      if (issue === undefined) throw new Error(`unknown issue "${rule.in.issue}"`);
      const optionIds = options[issue] ?? [];
      let mask = 0;
      for (const option of rule.in.options) {
        const o = optionIds.indexOf(option);
        if (o < 0) throw new Error(`unknown option "${rule.in.issue}.${option}"`);
        mask |= 1 << o;
      }
      return { kind: "in", issue, mask };
    }
    if ("not" in rule) return { kind: "not", rule: compile(rule.not) };
    if ("all" in rule) return { kind: "all", rules: rule.all.map(compile) };
    if ("any" in rule) return { kind: "any", rules: rule.any.map(compile) };
    return { kind: "implies", condition: compile(rule.implies[0]), consequence: compile(rule.implies[1]) };
  };

  const redLines: CompiledRedLine[] = [];
  for (const role of roles) {
    for (const redLine of effective.redLines[role] ?? []) {
      const rule = compile(redLine.rule);
      redLines.push({ role, redLine, rule, scope: [...new Set(ruleScope(rule))].sort((a, b) => a - b) });
    }
  }
  return { effective, roles, issues, options, sizes: options.map((o) => o.length), value, batna, redLines };
}

function ruleScope(rule: CompiledRule): number[] {
  switch (rule.kind) {
    case "in":
      return [rule.issue];
    case "not":
      return ruleScope(rule.rule);
    case "all":
    case "any":
      return rule.rules.flatMap(ruleScope);
    case "implies":
      return [...ruleScope(rule.condition), ...ruleScope(rule.consequence)];
  }
}

/** Option indices (one per issue) back to a package keyed by ids. */
export function toPackage(model: Model, choice: ArrayLike<number>): Package {
  const pkg: Package = {};
  model.issues.forEach((issue, i) => {
    const option = model.options[i]?.[choice[i] ?? -1];
    if (option === undefined) throw new Error(`no option ${choice[i]} for issue "${issue}"`);
    pkg[issue] = option;
  });
  return pkg;
}

/** A package keyed by ids to option indices; -1 for open issues. Throws on unknown ids. */
export function toChoice(model: Model, pkg: Package): Int32Array {
  return Int32Array.from(model.issues, (issue, i) => {
    const option = pkg[issue];
    if (option === undefined) return -1;
    const o = model.options[i]?.indexOf(option) ?? -1;
    if (o < 0) throw new Error(`unknown option "${issue}.${option}"`);
    return o;
  });
}

/** Per-role utility (in hundredths) of a complete choice. */
export function choiceValues(model: Model, choice: ArrayLike<number>): Float64Array {
  return Float64Array.from(model.value, (perIssue) => {
    let sum = 0;
    for (let i = 0; i < perIssue.length; i++) sum += perIssue[i]?.[choice[i] ?? -1] ?? 0;
    return sum;
  });
}
