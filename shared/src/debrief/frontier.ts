// The two-party frontier of a many-party one: the packages of the Pareto frontier that no other
// frontier package beats for both of two parties. (A package best for two parties alone is also
// on the frontier of all of them, or has a twin there with the same two scores, so the frontier's
// own packages are enough.) Client-safe: the debrief's chart draws it.

type Utilities = Record<string, number>;

/** The frontier packages no other beats for both `x` and `y`, by `x`: the two-party frontier. */
export function frontierOfPair(frontier: readonly Utilities[], x: string, y: string): Utilities[] {
  const sorted = [...frontier].sort((a, b) => (b[x] ?? 0) - (a[x] ?? 0) || (b[y] ?? 0) - (a[y] ?? 0));
  const kept: Utilities[] = [];
  let bestY = Number.NEGATIVE_INFINITY;
  for (const u of sorted) {
    const uy = u[y] ?? 0;
    if (uy > bestY) {
      kept.push(u);
      bestY = uy;
    }
  }
  return kept.reverse();
}
