// The negotiation analysis of an effective scenario, as the debrief and the scenario CLI use
// it: feasible set and ZOPA sizes, Pareto frontier, Nash, Kalai–Smorodinsky and max-welfare
// points, and, when nothing is feasible, which red lines collide.
import { packageSpaceSize } from "../package.ts";
import type { EffectiveScenario } from "../scenario/effective.ts";
import type { Budget } from "./boxSearch.ts";
import { type Collision, type CollisionLimits, findCollisions } from "./collisions.ts";
import { countFeasible, countZopa } from "./feasible.ts";
import { kalaiSmorodinskyPoint } from "./kalaiSmorodinsky.ts";
import { compileModel, type Model } from "./model.ts";
import { nashPoint } from "./nash.ts";
import { paretoFrontier } from "./pareto.ts";
import { type PackagePoint, type Point, reportPoint, roundPoints } from "./points.ts";
import { maxWelfarePoint } from "./welfare.ts";

export type AnalysisOptions = {
  /**
   * Most search steps spent on the ZOPA count and on the Pareto frontier each. Past it they
   * are reported as null (too large to enumerate) rather than hanging; the optimisation
   * points are always computed exactly.
   */
  nodeBudget?: number;
  collisionLimits?: CollisionLimits;
};

export type Analysis = {
  scenario: string;
  variant: string;
  /** Variant each role is playing, after `setVariant` effects. */
  variantByRole: Record<string, string>;
  events: readonly string[];
  /** Size of the whole outcome space. */
  packages: number;
  batna: Record<string, number>;
  /** Packages satisfying every red line. */
  feasible: number;
  /** Feasible packages strictly better than no agreement for every role; null when too large to count. */
  zopa: number | null;
  /** Pareto-optimal packages of the ZOPA; null when too large to enumerate. */
  pareto: PackagePoint[] | null;
  paretoSize: number | null;
  nash: (PackagePoint & { product: number }) | null;
  kalaiSmorodinsky: (PackagePoint & { ideal: Record<string, number>; level: number }) | null;
  maxWelfare: (PackagePoint & { welfare: number }) | null;
  /** Minimal sets of colliding red lines; empty unless nothing is feasible. */
  collisions: Collision[];
  /** False when collision search hit its limits. */
  collisionsComplete: boolean;
};

export const DEFAULT_NODE_BUDGET = 10_000_000;

export function analyze(effective: EffectiveScenario, options: AnalysisOptions = {}): Analysis {
  const model = compileModel(effective);
  const budget = (): Budget => ({ used: 0, limit: options.nodeBudget ?? DEFAULT_NODE_BUDGET });
  const feasible = countFeasible(model);
  const none = feasible === 0;
  const zopa = none ? 0 : countZopa(model, budget());
  const frontier = none || zopa === 0 ? [] : paretoFrontier(model, budget());
  const nash = none ? null : nashPoint(model);
  const ks = none ? null : kalaiSmorodinskyPoint(model);
  const welfare = none ? null : maxWelfarePoint(model);
  const collisionSearch = none
    ? findCollisions(model, options.collisionLimits)
    : { collisions: [], complete: true };
  const perRole = (values: ArrayLike<number>) =>
    Object.fromEntries(model.roles.map((role, r) => [role, roundPoints((values[r] as number) / 100)]));
  return {
    scenario: effective.scenario.id,
    variant: effective.variant,
    variantByRole: { ...effective.variantByRole },
    events: [...effective.appliedEvents],
    packages: packageSpaceSize(effective),
    batna: perRole(model.batna),
    feasible,
    zopa,
    pareto: frontier?.map((p) => reportPoint(model, p)) ?? null,
    paretoSize: frontier?.length ?? null,
    nash: nash ? { ...reportPoint(model, nash), product: roundPoints(nashProduct(model, nash)) } : null,
    kalaiSmorodinsky: ks
      ? { ...reportPoint(model, ks.point), ideal: perRole(ks.ideal), level: roundPoints(ks.level) }
      : null,
    maxWelfare: welfare
      ? {
          ...reportPoint(model, welfare),
          welfare: roundPoints(welfare.values.reduce((a, b) => a + b, 0) / 100),
        }
      : null,
    collisions: collisionSearch.collisions,
    collisionsComplete: collisionSearch.complete,
  };
}

/** Product of gains over BATNA, in points. */
function nashProduct(model: Model, point: Point): number {
  return model.roles.reduce(
    (p, _, r) => p * (((point.values[r] as number) - (model.batna[r] as number)) / 100),
    1,
  );
}
