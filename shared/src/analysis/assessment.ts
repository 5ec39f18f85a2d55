// How one package fares: each role's utility and gain over its BATNA, the red lines it breaks,
// and how far it is from the Pareto frontier — what the parties left on the table.
import { isCompletePackage, type Package } from "../package.ts";
import { checkAllRedLines, type Violation } from "../redLines/check.ts";
import type { EffectiveScenario } from "../scenario/effective.ts";
import { utility } from "../utility.ts";
import type { PackagePoint } from "./points.ts";
import { roundPoints } from "./points.ts";

export type PackageAssessment = {
  complete: boolean;
  /** Per role; on a partial package, what the issues already set give. */
  utilities: Record<string, number>;
  gains: Record<string, number>;
  violations: Violation[];
  /** Complete, breaking no red line. */
  feasible: boolean;
  /** Feasible and strictly better than no agreement for every role. */
  inZopa: boolean;
  /** Euclidean distance, in utility points, to the nearest frontier package; null without a frontier or on a partial package. */
  distanceToFrontier: number | null;
  /** The nearest frontier package that is at least as good for every role, if any. */
  paretoImprovement: (PackagePoint & { distance: number }) | null;
};

export function assessPackage(
  effective: EffectiveScenario,
  pkg: Package,
  frontier: readonly PackagePoint[] | null,
): PackageAssessment {
  const roles = effective.roles.map((r) => r.id);
  const complete = isCompletePackage(effective, pkg);
  const utilities = Object.fromEntries(
    roles.map((role) => [role, roundPoints(utility(effective, role, pkg))]),
  );
  const gains = Object.fromEntries(
    roles.map((role) => [
      role,
      roundPoints((utilities[role] ?? 0) - (effective.utilities[role]?.batna ?? 0)),
    ]),
  );
  const violations = checkAllRedLines(effective, pkg);
  const feasible = complete && violations.length === 0;
  const inZopa = feasible && roles.every((role) => (gains[role] ?? 0) > 1e-9);

  let distanceToFrontier: number | null = null;
  let paretoImprovement: PackageAssessment["paretoImprovement"] = null;
  if (complete && frontier && frontier.length > 0) {
    for (const point of frontier) {
      const distance = Math.hypot(
        ...roles.map((role) => (point.utilities[role] ?? 0) - (utilities[role] ?? 0)),
      );
      if (distanceToFrontier === null || distance < distanceToFrontier) distanceToFrontier = distance;
      const noWorse = roles.every((role) => (point.utilities[role] ?? 0) >= (utilities[role] ?? 0) - 1e-9);
      if (noWorse && (paretoImprovement === null || distance < paretoImprovement.distance)) {
        paretoImprovement = { ...point, distance: roundPoints(distance) };
      }
    }
    distanceToFrontier = roundPoints(distanceToFrontier ?? 0);
  }
  return { complete, utilities, gains, violations, feasible, inZopa, distanceToFrontier, paretoImprovement };
}
