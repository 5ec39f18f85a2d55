// How talks end and how the ending is classed for the debrief, after 002's "Scenarios and
// Timelines". The class is decided when the talks conclude and recorded in the log.
import { z } from "zod";
import { roundPoints } from "../analysis/points.ts";
import { type Package, packageSchema } from "../package.ts";
import type { EffectiveScenario } from "../scenario/effective.ts";
import { idSchema } from "../scenario/ids.ts";
import { utility } from "../utility.ts";

export const outcomeClasses = [
  "fragile-ceasefire",
  "stalemate",
  "collapse",
  "imposed-settlement",
  "comprehensive-settlement",
  // Not one of 002's scenarios: an agreement that neither resolves territory nor anchors a
  // ceasefire in European guarantees (e.g. after events removed red lines). Calling it a
  // ceasefire or a settlement would overstate it, so the debrief names it apart.
  "partial-settlement",
] as const;
export type OutcomeClass = (typeof outcomeClasses)[number];

export const conclusionReasons = [
  "agreement",
  "rounds-exhausted",
  "walk-out",
  "ended-by-instructor",
] as const;
export type ConclusionReason = (typeof conclusionReasons)[number];

/** Each outcome class as people read it, e.g. in the console and its alerts. */
export const outcomeNames: Record<OutcomeClass, string> = {
  "fragile-ceasefire": "Fragile ceasefire",
  stalemate: "Stalemate",
  collapse: "Collapse",
  "imposed-settlement": "Imposed settlement",
  "comprehensive-settlement": "Comprehensive settlement",
  "partial-settlement": "Partial settlement",
};

/** Why talks ended without an agreement, as the end of a sentence: "the rounds ran out". */
export const noAgreementReasons: Record<Exclude<ConclusionReason, "agreement">, string> = {
  "rounds-exhausted": "the rounds ran out",
  "walk-out": "a party walked out",
  "ended-by-instructor": "the facilitator ended them",
};

export const outcomeSchema = z.strictObject({
  class: z.enum(outcomeClasses),
  reason: z.enum(conclusionReasons),
  /** The agreed version, when there is one. */
  version: z.int().min(1).nullable(),
  package: packageSchema.nullable(),
  /** The seat that walked out, on a collapse. */
  walkedOut: idSchema.nullable(),
  /** Each role's utility of the agreement, at the numbers in force when it was concluded. */
  utilities: z.record(idSchema, z.number()).nullable(),
  /** Each role's BATNA when the talks ended: what no agreement is worth to it. */
  batnas: z.record(idSchema, z.number()),
});
export type Outcome = z.infer<typeof outcomeSchema>;

const ceasefires = new Set(["current-line", "current-line-dmz", "phased-withdrawal"]);
const europeanGuarantees = new Set(["bilateral-treaties", "article5-equivalent"]);

/**
 * The class of an agreement. The spec's classes name ukraine-2026 ids; in a scenario without
 * them the checks simply do not match and the agreement is a partial settlement. Imposition
 * comes first: a deal Ukraine is worse off under than its starting BATNA is Scenario 4 however
 * its terms read.
 */
export function classifyAgreement(effective: EffectiveScenario, pkg: Package): OutcomeClass {
  const ukraine = effective.scenario.utilities.ukraine;
  if (ukraine && utility(effective, "ukraine", pkg) < ukraine.batna) return "imposed-settlement";
  if (pkg.territory === "full-restoration") return "comprehensive-settlement";
  if (
    pkg.territory === "deferred" &&
    ceasefires.has(pkg.ceasefire ?? "") &&
    europeanGuarantees.has(pkg.guarantees ?? "")
  ) {
    return "fragile-ceasefire";
  }
  return "partial-settlement";
}

export function batnas(effective: EffectiveScenario): Record<string, number> {
  return Object.fromEntries(effective.roles.map((r) => [r.id, effective.utilities[r.id]?.batna ?? 0]));
}

export function agreementOutcome(effective: EffectiveScenario, version: number, pkg: Package): Outcome {
  return {
    class: classifyAgreement(effective, pkg),
    reason: "agreement",
    version,
    package: pkg,
    walkedOut: null,
    utilities: Object.fromEntries(
      effective.roles.map((r) => [r.id, roundPoints(utility(effective, r.id, pkg))]),
    ),
    batnas: batnas(effective),
  };
}

export function noAgreementOutcome(
  effective: EffectiveScenario,
  reason: Exclude<ConclusionReason, "agreement">,
  walkedOut: string | null = null,
): Outcome {
  return {
    class: reason === "walk-out" ? "collapse" : "stalemate",
    reason,
    version: null,
    package: null,
    walkedOut,
    utilities: null,
    batnas: batnas(effective),
  };
}
