// The maximum-welfare point: the ZOPA package with the largest sum of utilities. The bound is
// exact per issue (the sum is separable), so only the red lines and BATNAs make it a search.
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

/** The most a role can get in the ZOPA: one coordinate of the ideal point. */
export function bestFor(model: Model, role: number): Point | null {
  const unit = new Float64Array(model.roles.length);
  unit[role] = 1;
  const objective: Objective = {
    score: (gains) => gains[role] as number,
    bound: (optimistic, linear) => Math.min(optimistic[role] as number, linear),
    weights: () => unit,
  };
  return optimize(model, objective);
}
