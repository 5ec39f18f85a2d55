// The Kalai–Smorodinsky point: the ZOPA package maximising the smallest normalised gain
// (gain over BATNA divided by the role's best possible gain in the ZOPA), ties broken by the
// sum of normalised gains. The linear bound uses weights from a dual (mirror-descent) search.
import { ConstraintStore } from "./constraints.ts";
import type { Model } from "./model.ts";
import { type Objective, optimize } from "./optimize.ts";
import type { Point } from "./points.ts";
import { bestFor } from "./welfare.ts";

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
  const mix = dualMix(model, scale);
  const weights = mix.map((m, r) => m * (scale[r] as number));
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
 * A mix μ (weights summing to 1) that makes max Σ_r μ_r·scale_r·gain_r small over the packages
 * the root propagation leaves: the tighter this separable bound, the more nodes get cut.
 * Mirror descent on the dual; any μ is valid, a good one is merely faster.
 */
function dualMix(model: Model, scale: Float64Array): Float64Array {
  const roles = model.roles.length;
  const store = new ConstraintStore(model.sizes, model.redLines);
  store.propagateAll();
  const domains = store.domains;
  let mix = new Float64Array(roles).fill(1 / roles);
  let bestMix = mix;
  let bestValue = Number.POSITIVE_INFINITY;
  const normalisedGains = new Float64Array(roles);
  for (let step = 1; step <= 200; step++) {
    // The package maximising the mixed objective, issue by issue, and its normalised gains.
    normalisedGains.fill(0);
    for (let r = 0; r < roles; r++) normalisedGains[r] = -(model.batna[r] as number) * (scale[r] as number);
    for (let i = 0; i < model.issues.length; i++) {
      let bestOption = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let o = 0; o < (model.sizes[i] as number); o++) {
        if (!((domains[i] as number) & (1 << o))) continue;
        let s = 0;
        for (let r = 0; r < roles; r++) {
          s += (mix[r] as number) * (scale[r] as number) * (model.value[r]?.[i]?.[o] as number);
        }
        if (s > bestScore) {
          bestScore = s;
          bestOption = o;
        }
      }
      for (let r = 0; r < roles; r++) {
        normalisedGains[r] =
          (normalisedGains[r] as number) +
          (scale[r] as number) * (model.value[r]?.[i]?.[bestOption] as number);
      }
    }
    let value = 0;
    for (let r = 0; r < roles; r++) value += (mix[r] as number) * (normalisedGains[r] as number);
    if (value < bestValue) {
      bestValue = value;
      bestMix = mix;
    }
    // Shift weight away from roles that the current mix already favours.
    const rate = 2 / Math.sqrt(step);
    const next = mix.map((m, r) => m * Math.exp(-rate * (normalisedGains[r] as number)));
    const total = next.reduce((a, b) => a + b, 0);
    mix = next.map((m) => m / total);
  }
  return bestMix;
}
