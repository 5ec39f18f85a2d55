// The Pareto frontier of the ZOPA: packages no other ZOPA package beats for one role without
// hurting another. Subtrees whose optimistic utilities are already dominated are cut.
import { forEachBox } from "./boxes.ts";
import { type Budget, prepareBox, walkBox } from "./boxSearch.ts";
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

/** Frontier packages in search order (packages with equal utilities are all kept); null when the budget runs out. */
export function paretoFrontier(model: Model, budget: Budget): Point[] | null {
  const roles = model.roles.length;
  const batna = model.batna;
  const rank = new Float64Array(roles).fill(1);
  let frontier: Point[] = [];
  const optimistic = new Float64Array(roles);
  const complete = forEachBox(model, (domains) => {
    const box = prepareBox(model, domains, rank);
    return walkBox(
      box,
      {
        cut(t, sums) {
          for (let r = 0; r < roles; r++) {
            const v = (sums[r] as number) + (box.maxRest[t * roles + r] as number);
            if (v - (batna[r] as number) <= GAIN_EPSILON) return true;
            optimistic[r] = v;
          }
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
