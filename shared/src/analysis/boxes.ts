// Splits the feasible set into disjoint "boxes": products of per-issue option sets in which
// every package satisfies every red line. The search splits on open membership tests only,
// so a handful of boxes usually covers millions of packages.
import { type ConstrainedRule, ConstraintStore } from "./constraints.ts";
import type { Model } from "./model.ts";

/**
 * Calls `visit` with the domains of each box (valid only during the call). `visit` returns
 * false to stop early; forEachBox then returns false too.
 */
export function forEachBox(
  model: Model,
  visit: (domains: Uint32Array) => boolean,
  rules: readonly ConstrainedRule[] = model.redLines,
): boolean {
  const store = new ConstraintStore(model.sizes, rules);
  if (!store.propagateAll()) return true;
  const search = (): boolean => {
    const split = store.splitPoint();
    if (split === null) return visit(store.domains);
    for (const mask of [split.mask, ~split.mask >>> 0]) {
      const mark = store.mark();
      const alive = store.restrict(split.issue, mask);
      const carryOn = !alive || search();
      store.undo(mark);
      if (!carryOn) return false;
    }
    return true;
  };
  return search();
}

/** Whether some package satisfies all the given rules (all the model's red lines by default). */
export function isSatisfiable(model: Model, rules: readonly ConstrainedRule[] = model.redLines): boolean {
  let found = false;
  forEachBox(
    model,
    () => {
      found = true;
      return false;
    },
    rules,
  );
  return found;
}
