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
