// Checks a package against a role's red lines, returning the violations that the server's
// refusal and the client's preview show: which rule, why, and where it comes from.
import type { Package } from "../package.ts";
import type { RedLine, SourceRef } from "../scenario/schema.ts";
import { exactRuleTruth, type OptionsOf } from "./evaluate.ts";

export type Violation = {
  role: string;
  /** The red line's id, e.g. `ua-no-legal-cession`. */
  rule: string;
  /** The red line's short name for people. */
  title: string;
  explanation: string;
  sources: SourceRef[];
};

/** What checking needs: the issues with their options, and each role's red lines in force. */
export type HasRedLines = {
  issues: readonly { id: string; options: readonly { id: string }[] }[];
  redLines: Record<string, readonly RedLine[]>;
};

export function optionsOfIssues(model: Pick<HasRedLines, "issues">): OptionsOf {
  const byIssue = new Map(model.issues.map((i) => [i.id, i.options.map((o) => o.id)]));
  return (issue) => byIssue.get(issue) ?? [];
}

/**
 * The role's red lines the package breaks. On a partial package a rule counts as broken only
 * when the options already set break it. Unknown roles hold no red lines.
 */
export function checkRedLines(model: HasRedLines, role: string, pkg: Package): Violation[] {
  const optionsOf = optionsOfIssues(model);
  const violations: Violation[] = [];
  for (const redLine of model.redLines[role] ?? []) {
    if (exactRuleTruth(redLine.rule, pkg, optionsOf) === false) {
      violations.push({
        role,
        rule: redLine.id,
        title: redLine.title,
        explanation: redLine.explanation,
        sources: redLine.sources,
      });
    }
  }
  return violations;
}

/** Violations of every role's red lines, in role order: who would be unable to accept. */
export function checkAllRedLines(model: HasRedLines, pkg: Package): Violation[] {
  return Object.keys(model.redLines).flatMap((role) => checkRedLines(model, role, pkg));
}
