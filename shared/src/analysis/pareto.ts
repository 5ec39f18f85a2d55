// The Pareto frontier of the ZOPA: packages no other ZOPA package beats for one role without
// hurting another. Subtrees whose optimistic utilities are already dominated are cut.
import { forEachBox } from "./boxes.ts";
import { type Budget, linearRestMax, prepareBox, walkBox } from "./boxSearch.ts";
import { surrogateCut, zopaSurrogate } from "./dual.ts";
import { GAIN_EPSILON, type Model } from "./model.ts";
import type { Point } from "./points.ts";

const TIE = 1e-7;

/** a dominates b: at least as good for every role, strictly better for one. */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let strictly = false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r] as number;
    const y = b[r] as number;
    if (x < y - TIE) return false;
    if (x > y + TIE) strictly = true;
  }
  return strictly;
}

/**
 * Frontier packages in search order (packages with equal utilities are all kept); null when
 * the budget (nodes plus comparisons with the frontier) runs out.
 */
export function paretoFrontier(model: Model, budget: Budget): Point[] | null {
  const roles = model.roles.length;
  const batna = model.batna;
  const rank = new Float64Array(roles).fill(1);
  let frontier: Point[] = [];
  const optimistic = new Float64Array(roles);
  const epsilon = GAIN_EPSILON; // read once: imports are getters under the test runner
  const surrogate = zopaSurrogate(model);
  if (surrogate.empty) return [];
  const complete = forEachBox(model, (domains) => {
    const box = prepareBox(model, domains, rank);
    const zopaRest = linearRestMax(box, surrogate.weights);
    return walkBox(
      box,
      {
        cut(t, sums) {
          for (let r = 0; r < roles; r++) {
            const v = (sums[r] as number) + (box.maxRest[t * roles + r] as number);
            if (v - (batna[r] as number) <= epsilon) return true;
            optimistic[r] = v;
          }
          if (surrogateCut(t, sums, zopaRest, surrogate.weights, batna)) return true;
          // Comparisons are the real cost once the frontier grows, so they draw on the budget too.
          budget.used += frontier.length;
          for (const point of frontier) if (dominates(point.values, optimistic)) return true;
          return false;
        },
        leaf(sums, choice) {
          // The cut already checked this package against the frontier; it is not dominated.
          frontier = frontier.filter((point) => !dominates(sums, point.values));
          frontier.push({ choice: choice.slice(), values: sums.slice() });
        },
      },
      budget,
    );
  });
  return complete ? frontier : null;
}
