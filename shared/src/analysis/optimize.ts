// Branch-and-bound for the "best deal" points (Nash, Kalai–Smorodinsky, max welfare, ideal
// utilities): over the ZOPA only, box by box, cutting a node when its optimistic bound cannot
// beat the incumbent. Objectives differ only in score, bound and linear-bound weights.
import { forEachBox } from "./boxes.ts";
import { linearRestMax, prepareBox, unlimited, walkBox } from "./boxSearch.ts";
import { surrogateCut, zopaSurrogate } from "./dual.ts";
import { GAIN_EPSILON, type Model } from "./model.ts";
import { choiceBefore, type Point } from "./points.ts";

export type Objective = {
  /** Primary score of a ZOPA package from its gains over BATNA (hundredths); higher is better. */
  score(gains: Float64Array): number;
  /** Tie-break between equal primary scores; higher is better. */
  secondary?(gains: Float64Array): number;
  /**
   * An upper bound on the primary score below a node, from each role's optimistic gain and
   * from `linear`, the node's bound on Σ_r weights[r]·gain_r.
   */
  bound(optimistic: Float64Array, linear: number, bestScore: number): number;
  /** Weights of the linear bound, from the incumbent's gains or, before one exists, the box's optimistic gains. */
  weights(incumbent: Float64Array | null, boxOptimistic: Float64Array): Float64Array;
};

const tolerance = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

/** Per role, the most each issue can give within the domains (hundredths). */
export function domainMaxima(model: Model, domains: Uint32Array): Float64Array {
  return Float64Array.from(model.value, (perIssue) => {
    let sum = 0;
    perIssue.forEach((values, i) => {
      const domain = domains[i] as number;
      let best = Number.NEGATIVE_INFINITY;
      values.forEach((v, o) => {
        if (domain & (1 << o) && v > best) best = v;
      });
      sum += best;
    });
    return sum;
  });
}

/** The ZOPA package with the best score, ties broken by `secondary` then option order; null if the ZOPA is empty. */
export function optimize(model: Model, objective: Objective): Point | null {
  const roles = model.roles.length;
  const batna = model.batna;
  let best: Point | null = null;
  let bestGains: Float64Array | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestSecondary = Number.NEGATIVE_INFINITY;
  const optimistic = new Float64Array(roles);
  const gains = new Float64Array(roles);
  const epsilon = GAIN_EPSILON; // read once: imports are getters under the test runner
  const surrogate = zopaSurrogate(model);
  if (surrogate.empty) return null;

  forEachBox(model, (domains) => {
    const top = domainMaxima(model, domains);
    const boxOptimistic = top.map((v, r) => v - (batna[r] as number));
    if (boxOptimistic.some((g) => g <= epsilon)) return true;
    let weights = objective.weights(bestGains, boxOptimistic);
    const box = prepareBox(model, domains, weights);
    let rest = linearRestMax(box, weights);
    const zopaRest = linearRestMax(box, surrogate.weights);
    walkBox(
      box,
      {
        cut(t, sums) {
          for (let r = 0; r < roles; r++) {
            const g = (sums[r] as number) + (box.maxRest[t * roles + r] as number) - (batna[r] as number);
            if (g <= epsilon) return true;
            optimistic[r] = g;
          }
          if (surrogateCut(t, sums, zopaRest, surrogate.weights, batna)) return true;
          if (best === null) return false;
          let linear = rest[t] as number;
          for (let r = 0; r < roles; r++) {
            linear += (weights[r] as number) * ((sums[r] as number) - (batna[r] as number));
          }
          return objective.bound(optimistic, linear, bestScore) < bestScore - tolerance(bestScore);
        },
        leaf(sums, choice) {
          for (let r = 0; r < roles; r++) gains[r] = (sums[r] as number) - (batna[r] as number);
          const score = objective.score(gains);
          const secondary = objective.secondary?.(gains) ?? 0;
          const tol = tolerance(bestScore);
          const better =
            best === null ||
            score > bestScore + tol ||
            (score >= bestScore - tol &&
              (secondary > bestSecondary + tolerance(bestSecondary) ||
                (secondary >= bestSecondary - tolerance(bestSecondary) &&
                  choiceBefore(choice, best.choice))));
          if (!better) return;
          best = { choice: choice.slice(), values: sums.slice() };
          bestGains = gains.slice();
          bestScore = score;
          bestSecondary = secondary;
          const next = objective.weights(bestGains, boxOptimistic);
          if (next !== weights) {
            weights = next;
            rest = linearRestMax(box, weights);
          }
        },
      },
      unlimited(),
    );
    return true;
  });
  return best;
}
