// The Nash bargaining point: the ZOPA package maximising the product of the parties' gains
// over their BATNAs. Besides each role's optimistic gain, nodes are cut with an AM–GM bound:
// with weights 1/g* from the incumbent g*, Π g ≤ (Σ g_r/g*_r / n)^n · Π g*, and the sum is separable.
import type { Model } from "./model.ts";
import { type Objective, optimize } from "./optimize.ts";
import type { Point } from "./points.ts";

const product = (gains: Float64Array) => gains.reduce((p, g) => p * g, 1);

export const nashObjective: Objective = {
  score: product,
  bound(optimistic, linear, bestScore) {
    const n = optimistic.length;
    const amgm = linear <= 0 ? 0 : (linear / n) ** n * bestScore;
    return Math.min(product(optimistic), amgm);
  },
  weights(incumbent, boxOptimistic) {
    return (incumbent ?? boxOptimistic).map((g) => 1 / g);
  },
};

export function nashPoint(model: Model): Point | null {
  return optimize(model, nashObjective);
}
