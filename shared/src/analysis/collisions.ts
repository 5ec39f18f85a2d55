// When no package satisfies every red line: the minimal sets of red lines that cannot hold
// together (minimal unsatisfiable subsets), which the debrief shows as "what collided".
import type { Violation } from "../redLines/check.ts";
import { isSatisfiable } from "./boxes.ts";
import type { ConstrainedRule } from "./constraints.ts";
import type { CompiledRedLine, Model } from "./model.ts";

export type Collision = Violation[];

export type CollisionSearch = {
  collisions: Collision[];
  /** False when the limits below stopped the search before every collision was found. */
  complete: boolean;
};

export type CollisionLimits = { maxSize: number; maxChecks: number };

/**
 * Minimal sets of red lines with no common package, smallest first. Only sets whose rules are
 * connected through shared issues are tried — a set splitting into independent parts is
 * unsatisfiable only if one part is — and supersets of collisions already found are skipped,
 * so every set reported is minimal.
 */
export function findCollisions(
  model: Model,
  limits: CollisionLimits = { maxSize: 8, maxChecks: 50_000 },
): CollisionSearch {
  const lines = model.redLines;
  const neighbours = lines.map((a, i) =>
    lines.flatMap((b, j) => (j !== i && a.scope.some((issue) => b.scope.includes(issue)) ? [j] : [])),
  );
  const found: number[][] = [];
  const containsFound = (set: readonly number[]) => found.some((mus) => mus.every((i) => set.includes(i)));
  let checks = 0;
  let complete = true;
  let level: number[][] = lines.map((_, i) => [i]);
  for (let size = 1; size <= Math.min(limits.maxSize, lines.length) && level.length > 0; size++) {
    const survivors: number[][] = [];
    for (const set of level) {
      if (containsFound(set)) continue;
      if (++checks > limits.maxChecks)
        return { collisions: found.map((s) => report(lines, s)), complete: false };
      const rules: ConstrainedRule[] = set.map((i) => lines[i] as CompiledRedLine);
      if (isSatisfiable(model, rules)) survivors.push(set);
      else found.push(set);
    }
    // Grow each satisfiable set by one neighbouring rule; a key dedupes sets reached twice.
    const seen = new Set<string>();
    const next: number[][] = [];
    for (const set of survivors) {
      for (const member of set) {
        for (const j of neighbours[member] ?? []) {
          if (set.includes(j)) continue;
          const grown = [...set, j].sort((a, b) => a - b);
          const key = grown.join(",");
          if (seen.has(key)) continue;
          seen.add(key);
          next.push(grown);
        }
      }
    }
    if (size === limits.maxSize && next.length > 0) complete = false;
    level = next;
  }
  return { collisions: found.map((set) => report(lines, set)), complete };
}

function report(lines: readonly CompiledRedLine[], set: readonly number[]): Collision {
  return set.map((i) => {
    const { role, redLine } = lines[i] as CompiledRedLine;
    return {
      role,
      rule: redLine.id,
      title: redLine.title,
      explanation: redLine.explanation,
      sources: redLine.sources,
    };
  });
}
