// The pruned search must agree with plain enumeration, which reuses none of its code: red
// lines through the package-level evaluator, utilities through utility().
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Package } from "../package.ts";
import { checkAllRedLines } from "../redLines/check.ts";
import { type EffectiveScenario, effectiveScenario } from "../scenario/effective.ts";
import { syntheticScenario } from "../scenario/synthetic.ts";
import { utility } from "../utility.ts";
import { analyze } from "./analyze.ts";

type Row = { pkg: Package; utilities: number[]; gains: number[]; violated: number };

function enumerate(effective: EffectiveScenario): Row[] {
  const roles = effective.roles.map((r) => r.id);
  const lines = roles.flatMap((role) => (effective.redLines[role] ?? []).map((l) => l.id));
  let packages: Package[] = [{}];
  // Issue 0 varies slowest, so rows come in the engine's tie-break order.
  for (const issue of effective.issues) {
    packages = packages.flatMap((p) => issue.options.map((o) => ({ ...p, [issue.id]: o.id })));
  }
  return packages.map((pkg) => {
    const utilities = roles.map((role) => utility(effective, role, pkg));
    const gains = utilities.map((u, r) => u - (effective.utilities[roles[r] ?? ""]?.batna ?? 0));
    let violated = 0;
    for (const v of checkAllRedLines(effective, pkg)) violated |= 1 << lines.indexOf(v.rule);
    return { pkg, utilities, gains, violated };
  });
}

/** The row maximising `score` (then `secondary`); the first one wins ties, as in the engine. */
function argmax(rows: Row[], score: (r: Row) => number, secondary: (r: Row) => number = () => 0): Row | null {
  let best: Row | null = null;
  for (const row of rows) {
    if (!best) best = row;
    else {
      const d = score(row) - score(best);
      const tol = 1e-9 * Math.max(1, Math.abs(score(best)));
      if (d > tol || (Math.abs(d) <= tol && secondary(row) - secondary(best) > 1e-9)) best = row;
    }
  }
  return best;
}

const dominates = (a: number[], b: number[]) =>
  a.every((x, r) => x >= (b[r] ?? 0) - 1e-9) && a.some((x, r) => x > (b[r] ?? 0) + 1e-9);

describe("the pruned analysis agrees with brute-force enumeration", () => {
  it("on random small scenarios of 2 to 6 seats: counts, frontier, Nash, Kalai–Smorodinsky, welfare and collisions", () => {
    const runsBySeats = new Map<number, number>();
    const dealsBySeats = new Map<number, number>();
    let infeasible = 0;
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer(),
          roles: fc.integer({ min: 2, max: 6 }),
          issues: fc.integer({ min: 2, max: 5 }),
          options: fc.integer({ min: 2, max: 4 }),
          redLinesPerRole: fc.integer({ min: 0, max: 3 }),
          batna: fc.integer({ min: 30, max: 60 }),
        }),
        (drawn) => {
          // At most 10 red lines in all: without a feasible package both sides search every set of
          // lines for collisions, and at 12 lines that took most of the test's time.
          const options = {
            ...drawn,
            redLinesPerRole: Math.min(drawn.redLinesPerRole, Math.floor(10 / drawn.roles)),
          };
          runsBySeats.set(options.roles, (runsBySeats.get(options.roles) ?? 0) + 1);
          const effective = effectiveScenario(syntheticScenario(options));
          const rows = enumerate(effective);
          const analysis = analyze(effective, { collisionLimits: { maxSize: 12, maxChecks: 1_000_000 } });
          const feasible = rows.filter((r) => r.violated === 0);
          const zopa = feasible.filter((r) => r.gains.every((g) => g > 1e-9));
          expect(analysis.feasible).toBe(feasible.length);
          expect(analysis.zopa).toBe(zopa.length);
          if (zopa.length > 0) dealsBySeats.set(options.roles, (dealsBySeats.get(options.roles) ?? 0) + 1);
          if (feasible.length === 0) infeasible += 1;

          const frontier = zopa.filter((r) => !zopa.some((o) => dominates(o.utilities, r.utilities)));
          const key = (p: Package) => JSON.stringify(p);
          expect(new Set(analysis.pareto?.map((p) => key(p.package)))).toEqual(
            new Set(frontier.map((r) => key(r.pkg))),
          );

          const product = (r: Row) => r.gains.reduce((a, b) => a * b, 1);
          expect(analysis.nash?.package ?? null).toEqual(argmax(zopa, product)?.pkg ?? null);

          const welfare = (r: Row) => r.utilities.reduce((a, b) => a + b, 0);
          expect(analysis.maxWelfare?.package ?? null).toEqual(argmax(zopa, welfare)?.pkg ?? null);

          if (zopa.length > 0) {
            const ideal = effective.roles.map((_, r) => Math.max(...zopa.map((row) => row.gains[r] ?? 0)));
            const normalised = (row: Row) => row.gains.map((g, r) => g / (ideal[r] ?? 1));
            const ks = argmax(
              zopa,
              (row) => Math.min(...normalised(row)),
              (row) => normalised(row).reduce((a, b) => a + b, 0),
            );
            expect(analysis.kalaiSmorodinsky?.package).toEqual(ks?.pkg);
          } else {
            expect(analysis.kalaiSmorodinsky).toBeNull();
          }

          if (feasible.length === 0) {
            const lines = effective.roles.flatMap((role) =>
              (effective.redLines[role.id] ?? []).map((l) => l.id),
            );
            const masks = [...new Set(rows.map((r) => r.violated))];
            const satisfiable = (set: number) => masks.some((m) => (m & set) === 0);
            const minimal: string[][] = [];
            for (let set = 1; set < 1 << lines.length; set++) {
              if (satisfiable(set)) continue;
              let isMinimal = true;
              for (let i = 0; i < lines.length; i++) {
                if (set & (1 << i) && !satisfiable(set & ~(1 << i))) isMinimal = false;
              }
              if (isMinimal) minimal.push(lines.filter((_, i) => set & (1 << i)).sort());
            }
            const found = analysis.collisions.map((c) => c.map((v) => v.rule).sort());
            expect(new Set(found.map((c) => c.join(" ")))).toEqual(new Set(minimal.map((c) => c.join(" "))));
          } else {
            expect(analysis.collisions).toEqual([]);
          }
        },
      ),
      { seed: 20260214, numRuns: 120 },
    );
    // Every size of table is tried, with a deal possible in some runs; some runs have no feasible package.
    for (const seats of [2, 3, 4, 5, 6]) {
      expect(runsBySeats.get(seats) ?? 0).toBeGreaterThanOrEqual(10);
      expect(dealsBySeats.get(seats) ?? 0).toBeGreaterThanOrEqual(3);
    }
    expect(infeasible).toBeGreaterThanOrEqual(5);
  });
});
