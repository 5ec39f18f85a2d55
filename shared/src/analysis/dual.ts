// Weights for separable bounds. For ZOPA packages every gain g_r is positive, so for weights
// w ≥ 0, objectives like min_r g_r or g_1 are bounded by max Σ_r w_r·g_r, which splits issue by
// issue. A short dual descent at the root finds weights that make this bound tight.
import { ConstraintStore } from "./constraints.ts";
import type { Model } from "./model.ts";

/** Domains after propagating every red line at the root; null when nothing is feasible. */
export function rootDomains(model: Model): Uint32Array | null {
  const store = new ConstraintStore(model.sizes, model.redLines);
  return store.propagateAll() ? store.domains.slice() : null;
}

/**
 * max over packages in the domains of Σ_r weights[r]·(value_r − batna_r), ignoring red lines;
 * `gains` receives each role's gain at the maximiser.
 */
export function maximiseWeighted(
  model: Model,
  domains: Uint32Array,
  weights: ArrayLike<number>,
  gains: Float64Array,
): number {
  const roles = model.roles.length;
  for (let r = 0; r < roles; r++) gains[r] = -(model.batna[r] as number);
  for (let i = 0; i < model.issues.length; i++) {
    const domain = domains[i] as number;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < (model.sizes[i] as number); o++) {
      if (!(domain & (1 << o))) continue;
      let s = 0;
      for (let r = 0; r < roles; r++) s += (weights[r] as number) * (model.value[r]?.[i]?.[o] as number);
      if (s > bestScore) {
        bestScore = s;
        best = o;
      }
    }
    for (let r = 0; r < roles; r++) gains[r] = (gains[r] as number) + (model.value[r]?.[i]?.[best] as number);
  }
  let total = 0;
  for (let r = 0; r < roles; r++) total += (weights[r] as number) * (gains[r] as number);
  return total;
}

const STEPS = 200;

/**
 * Weights μ_r·scale_r, μ a probability mix, making max Σ μ_r·scale_r·g_r small (mirror
 * descent). Returns them with that maximum: at or below zero, no package beats every BATNA.
 */
export function simplexWeights(
  model: Model,
  domains: Uint32Array,
  scale: ArrayLike<number>,
): { weights: Float64Array; bound: number } {
  const roles = model.roles.length;
  let mix = new Float64Array(roles).fill(1 / roles);
  const gains = new Float64Array(roles);
  const weights = new Float64Array(roles);
  let best = {
    weights: Float64Array.from(mix, (m, r) => m * (scale[r] as number)),
    bound: Number.POSITIVE_INFINITY,
  };
  for (let step = 1; step <= STEPS; step++) {
    for (let r = 0; r < roles; r++) weights[r] = (mix[r] as number) * (scale[r] as number);
    const bound = maximiseWeighted(model, domains, weights, gains);
    if (bound < best.bound) best = { weights: weights.slice(), bound };
    // Move weight toward roles the current maximiser leaves worst off.
    const rate = 2 / Math.sqrt(step);
    const next = mix.map((m, r) => m * Math.exp(-rate * (gains[r] as number) * (scale[r] as number)));
    const total = next.reduce((a, b) => a + b, 0);
    if (!(total > 0) || !Number.isFinite(total)) break;
    mix = next.map((m) => m / total);
  }
  return best;
}

/**
 * Weights e_role + ν (ν ≥ 0 on the other roles) making max g_role + Σ ν_s·g_s small: a
 * Lagrangian bound on the best gain `role` can get while everyone else beats their BATNA.
 */
export function lagrangianWeights(model: Model, domains: Uint32Array, role: number): Float64Array {
  const roles = model.roles.length;
  const nu = new Float64Array(roles);
  const gains = new Float64Array(roles);
  const weights = new Float64Array(roles);
  let best = {
    weights: Float64Array.from(nu, (_, r) => (r === role ? 1 : 0)),
    bound: Number.POSITIVE_INFINITY,
  };
  // Step sizes relative to the spread of the role's utility keep the descent scale-free.
  const spread = Math.max(
    1,
    maximiseWeighted(model, domains, best.weights, gains) + (model.batna[role] as number),
  );
  for (let step = 1; step <= STEPS; step++) {
    for (let r = 0; r < roles; r++) weights[r] = r === role ? 1 : (nu[r] as number);
    const bound = maximiseWeighted(model, domains, weights, gains);
    if (bound < best.bound) best = { weights: weights.slice(), bound };
    const rate = 1 / (Math.sqrt(step) * spread);
    for (let r = 0; r < roles; r++) {
      if (r !== role) nu[r] = Math.max(0, (nu[r] as number) - rate * (gains[r] as number));
    }
  }
  return best.weights;
}

const zopaCache = new WeakMap<Model, { weights: Float64Array; empty: boolean }>();

/**
 * One separable test that every ZOPA package passes: Σ_r w_r·g_r > 0. A subtree whose best
 * weighted sum is not positive holds no ZOPA package; `empty` says the whole space fails it.
 */
export function zopaSurrogate(model: Model): { weights: Float64Array; empty: boolean } {
  const cached = zopaCache.get(model);
  if (cached) return cached;
  const domains = rootDomains(model);
  let result: { weights: Float64Array; empty: boolean };
  if (!domains) result = { weights: new Float64Array(model.roles.length), empty: true };
  else {
    // Scale each role by its utility range so the mix starts balanced.
    const ranges = model.value.map((perIssue) =>
      perIssue.reduce((sum, values) => sum + (Math.max(...values) - Math.min(...values)), 0),
    );
    const { weights, bound } = simplexWeights(
      model,
      domains,
      ranges.map((x) => 1 / Math.max(x, 1)),
    );
    result = { weights, empty: bound < -1e-12 };
  }
  zopaCache.set(model, result);
  return result;
}

/** The ZOPA surrogate test: true when no package below the node can beat every BATNA. */
export function surrogateCut(
  t: number,
  sums: Float64Array,
  rest: Float64Array,
  weights: Float64Array,
  batna: Float64Array,
): boolean {
  let total = rest[t] as number;
  for (let r = 0; r < sums.length; r++) {
    total += (weights[r] as number) * ((sums[r] as number) - (batna[r] as number));
  }
  return total <= 0;
}
