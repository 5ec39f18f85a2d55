// Packages found by the analysis, in the engine's numeric form and in the form reported to
// players and authors (ids, utilities and gains in points).
import type { Package } from "../package.ts";
import { type Model, toPackage } from "./model.ts";

/** A complete package as option indices, with each role's utility in hundredths. */
export type Point = { choice: Int32Array; values: Float64Array };

export type PackagePoint = {
  package: Package;
  /** Utility per role, 0–100. */
  utilities: Record<string, number>;
  /** Utility minus BATNA per role. */
  gains: Record<string, number>;
};

/** Rounds away binary noise (0.1 + 0.2 style) so reports read like the data they come from. */
export function roundPoints(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function reportPoint(model: Model, point: Point): PackagePoint {
  const utilities: Record<string, number> = {};
  const gains: Record<string, number> = {};
  model.roles.forEach((role, r) => {
    const value = point.values[r] as number;
    utilities[role] = roundPoints(value / 100);
    gains[role] = roundPoints((value - (model.batna[r] as number)) / 100);
  });
  return { package: toPackage(model, point.choice), utilities, gains };
}

/** Lexicographic order on option indices: the deterministic tie-break between equal packages. */
export function choiceBefore(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}
