// Counting feasible packages (every red line satisfied) and packages in the ZOPA (feasible and
// strictly better than no agreement for every role), without visiting them one by one.
import { forEachBox } from "./boxes.ts";
import { type Budget, linearRestMax, prepareBox, walkBox } from "./boxSearch.ts";
import { popcount } from "./constraints.ts";
import { surrogateCut, zopaSurrogate } from "./dual.ts";
import { GAIN_EPSILON, type Model } from "./model.ts";

/** Feasible packages: the boxes are disjoint, so their sizes add up. */
export function countFeasible(model: Model): number {
  let total = 0;
  const bits = popcount; // read once: imports are getters under the test runner
  forEachBox(model, (domains) => {
    let size = 1;
    for (const domain of domains) size *= bits(domain);
    total += size;
    return true;
  });
  return total;
}

/**
 * ZOPA packages. A subtree is skipped when some role cannot beat its BATNA anywhere in it and
 * counted whole when every role beats it everywhere; only the boundary is walked. Returns
 * null when the budget runs out (a huge space with a ragged boundary).
 */
export function countZopa(model: Model, budget: Budget): number | null {
  const roles = model.roles.length;
  const batna = model.batna;
  const rank = new Float64Array(roles).fill(1);
  const epsilon = GAIN_EPSILON; // read once: imports are getters under the test runner
  let total = 0;
  const surrogate = zopaSurrogate(model);
  if (surrogate.empty) return 0;
  const complete = forEachBox(model, (domains) => {
    const box = prepareBox(model, domains, rank);
    const zopaRest = linearRestMax(box, surrogate.weights);
    return walkBox(
      box,
      {
        cut(t, sums) {
          let everywhere = true;
          for (let r = 0; r < roles; r++) {
            const s = sums[r] as number;
            const b = batna[r] as number;
            if (s + (box.maxRest[t * roles + r] as number) - b <= epsilon) return true;
            if (s + (box.minRest[t * roles + r] as number) - b <= epsilon) everywhere = false;
          }
          if (everywhere) {
            total += box.countRest[t] as number;
            return true;
          }
          return surrogateCut(t, sums, zopaRest, surrogate.weights, batna);
        },
        leaf() {
          // Unreachable: at a leaf the cut has already settled the package either way.
        },
      },
      budget,
    );
  });
  return complete ? total : null;
}
