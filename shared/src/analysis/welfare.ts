// The maximum-welfare point: the ZOPA package with the largest sum of utilities. The bound is
// exact per issue (the sum is separable), so only the red lines and BATNAs make it a search.
import { lagrangianWeights, rootDomains } from "./dual.ts";
import type { Model } from "./model.ts";
import { type Objective, optimize } from "./optimize.ts";
import type { Point } from "./points.ts";

export function maxWelfarePoint(model: Model): Point | null {
  const ones = new Float64Array(model.roles.length).fill(1);
  const objective: Objective = {
    score: (gains) => gains.reduce((a, b) => a + b, 0),
    bound: (_optimistic, linear) => linear,
    weights: () => ones,
  };
  return optimize(model, objective);
}

/**
 * The most a role can get in the ZOPA: one coordinate of the ideal point. The linear bound
 * is Lagrangian, g_role + Σ ν_s·g_s with ν ≥ 0, since every other gain is positive there.
 */
export function bestFor(model: Model, role: number): Point | null {
  const domains = rootDomains(model);
  if (!domains) return null;
  const weights = lagrangianWeights(model, domains, role);
  const objective: Objective = {
    score: (gains) => gains[role] as number,
    bound: (optimistic, linear) => Math.min(optimistic[role] as number, linear),
    weights: () => weights,
  };
  return optimize(model, objective);
}
