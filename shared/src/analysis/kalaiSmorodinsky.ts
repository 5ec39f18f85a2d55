// The Kalai–Smorodinsky point: the ZOPA package maximising the smallest normalised gain
// (gain over BATNA divided by the role's best possible gain in the ZOPA), ties broken by the
// sum of normalised gains; and the ideal point it normalises by. Linear bounds use weights
// from a dual descent (dual.ts).
import { lagrangianWeights, rootDomains, simplexWeights } from "./dual.ts";
import type { Model } from "./model.ts";
import { type Objective, optimize } from "./optimize.ts";
import type { Point } from "./points.ts";

export type KalaiSmorodinsky = {
  point: Point;
  /** Per role, the best utility any ZOPA package gives it (hundredths). */
  ideal: Float64Array;
  /** The smallest normalised gain at the point, 0–1. */
  level: number;
};

export function kalaiSmorodinskyPoint(model: Model): KalaiSmorodinsky | null {
  const roles = model.roles.length;
  const ideal = new Float64Array(roles);
  for (let r = 0; r < roles; r++) {
    const top = bestFor(model, r);
    if (!top) return null;
    ideal[r] = top.values[r] as number;
  }
  const scale = ideal.map((v, r) => 1 / (v - (model.batna[r] as number)));
  const normalised = (gains: Float64Array, r: number) => (gains[r] as number) * (scale[r] as number);
  const domains = rootDomains(model);
  if (!domains) return null;
  // Any mix μ gives min_r y_r ≤ Σ_r μ_r·y_r; the dual descent picks one that makes it tight.
  const { weights } = simplexWeights(model, domains, scale);
  const objective: Objective = {
    score(gains) {
      let low = Number.POSITIVE_INFINITY;
      for (let r = 0; r < roles; r++) low = Math.min(low, normalised(gains, r));
      return low;
    },
    secondary(gains) {
      let sum = 0;
      for (let r = 0; r < roles; r++) sum += normalised(gains, r);
      return sum;
    },
    bound(optimistic, linear) {
      // min_r y_r ≤ Σ_r μ_r y_r for any mix μ, and ≤ each role's optimistic y_r.
      let low = linear;
      for (let r = 0; r < roles; r++) low = Math.min(low, normalised(optimistic, r));
      return low;
    },
    weights: () => weights,
  };
  const point = optimize(model, objective);
  return point
    ? { point, ideal, level: objective.score(point.values.map((v, r) => v - (model.batna[r] as number))) }
    : null;
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
