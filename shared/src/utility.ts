// Private utilities: additive, utility = Σ weight[issue]·score[issue][option]/100, on a 0–100
// scale, compared with the role's BATNA (its value of no agreement).
import type { Package } from "./package.ts";
import type { RoleUtility } from "./scenario/schema.ts";

/** Anything carrying per-role utilities: a scenario as authored, or an effective scenario. */
export type HasUtilities = { utilities: Record<string, RoleUtility> };

function roleUtility(model: HasUtilities, role: string): RoleUtility {
  const utility = model.utilities[role];
  if (!utility) throw new Error(`unknown role "${role}"`);
  return utility;
}

/**
 * The role's utility for a package. Open issues contribute nothing, so on a partial package
 * this is the utility secured so far. Throws on unknown ids: callers validate packages first.
 */
export function utility(model: HasUtilities, role: string, pkg: Package): number {
  const { weights, scores } = roleUtility(model, role);
  // Summing weight·score and dividing once keeps integer data exact until the last step.
  let sum = 0;
  for (const [issue, option] of Object.entries(pkg)) {
    const weight = weights[issue];
    const score = scores[issue]?.[option];
    if (weight === undefined || score === undefined) {
      throw new Error(`package names unknown issue/option "${issue}"="${option}"`);
    }
    sum += weight * score;
  }
  return sum / 100;
}

export function batna(model: HasUtilities, role: string): number {
  return roleUtility(model, role).batna;
}

/** Utility minus BATNA: positive when the package beats no agreement for that role. */
export function gainOverBatna(model: HasUtilities, role: string, pkg: Package): number {
  return utility(model, role, pkg) - batna(model, role);
}

/** Every role's utility for a package, keyed by role id. */
export function utilities(model: HasUtilities, pkg: Package): Record<string, number> {
  return Object.fromEntries(Object.keys(model.utilities).map((role) => [role, utility(model, role, pkg)]));
}
