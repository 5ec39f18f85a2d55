// Packages: one option per issue, keyed by issue id. While drafting, issues may be left open
// (a partial package); only a complete package can be accepted.
import { z } from "zod";
import { idSchema } from "./scenario/ids.ts";
import type { Issue } from "./scenario/schema.ts";

/** Anything that lists the issues: a scenario or an effective scenario. */
type HasIssues = { issues: readonly Issue[] };

/** Issue id → option id. The same shape serves complete and partial packages. */
export const packageSchema = z.record(idSchema, idSchema);
export type Package = z.infer<typeof packageSchema>;

export type PackageProblem = { issue: string; message: string };

/** Unknown issues and unknown options, as values (a client may send anything). */
export function packageProblems(scenario: HasIssues, pkg: Package): PackageProblem[] {
  const problems: PackageProblem[] = [];
  for (const [issueId, optionId] of Object.entries(pkg)) {
    const issue = scenario.issues.find((i) => i.id === issueId);
    if (!issue) problems.push({ issue: issueId, message: `unknown issue "${issueId}"` });
    else if (!issue.options.some((o) => o.id === optionId)) {
      problems.push({ issue: issueId, message: `unknown option "${optionId}" for issue "${issueId}"` });
    }
  }
  return problems;
}

/** Issues the package leaves open, in scenario order. */
export function openIssues(scenario: HasIssues, pkg: Package): string[] {
  return scenario.issues.filter((i) => pkg[i.id] === undefined).map((i) => i.id);
}

export function isCompletePackage(scenario: HasIssues, pkg: Package): boolean {
  return openIssues(scenario, pkg).length === 0 && packageProblems(scenario, pkg).length === 0;
}

/** Size of the outcome space: the product of the issues' option counts. */
export function packageSpaceSize(scenario: HasIssues): number {
  return scenario.issues.reduce((n, issue) => n * issue.options.length, 1);
}
