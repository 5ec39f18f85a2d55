// How talks end and how the ending is classed for the debrief, by the scenario's outcome classes
// (scenario/outcomes.ts). The class is decided when the talks conclude and recorded in the log.
import { z } from "zod";
import { roundPoints } from "../analysis/points.ts";
import { type Phrase, phrase } from "../i18n/phrase.ts";
import { type Package, packageSchema } from "../package.ts";
import type { EffectiveScenario } from "../scenario/effective.ts";
import { idSchema } from "../scenario/ids.ts";
import {
  type AgreementFacts,
  type ConclusionReason,
  classifyEnding,
  conclusionReasons,
  findOutcomeClass,
  outcomePhrase,
} from "../scenario/outcomes.ts";
import type { Scenario } from "../scenario/schema.ts";
import { utility } from "../utility.ts";

export { type ConclusionReason, conclusionReasons };

/**
 * Why talks ended without an agreement, as the end of a sentence: "the rounds ran out" (feed.json
 * `reason`, in the reader's language).
 */
export const noAgreementReasons: Record<Exclude<ConclusionReason, "agreement">, Phrase> = {
  "rounds-exhausted": phrase("reason.rounds-exhausted"),
  "walk-out": phrase("reason.walk-out"),
  "ended-by-instructor": phrase("reason.ended-by-instructor"),
};

export const outcomeSchema = z.strictObject({
  /** One of the scenario's outcome classes. */
  class: idSchema,
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

/**
 * The scenario's class of an agreement: its rule is asked about the package and, for each role,
 * whether its score (at the numbers in force) is below its no-deal value at the start of the
 * talks (the authored one) or now.
 */
export function classifyAgreement(effective: EffectiveScenario, pkg: Package): string {
  const facts: AgreementFacts = {
    pkg,
    below: (role, at) => {
      const noDeal = (at === "start" ? effective.scenario.utilities[role] : effective.utilities[role])?.batna;
      return noDeal !== undefined && utility(effective, role, pkg) < noDeal;
    },
  };
  return classOf(effective.scenario, "agreement", facts);
}

function classOf(scenario: Scenario, ending: ConclusionReason, facts: AgreementFacts | null): string {
  const found = classifyEnding(scenario.outcomes, ending, facts);
  // A checked scenario classes every ending; this is a programmer error.
  if (!found) throw new Error(`scenario "${scenario.id}" has no outcome class for ${ending}`);
  return found.id;
}

/** A class's title and description for people; a neutral name if the scenario lacks the id. */
export function outcomeWords(
  scenario: Scenario,
  id: string,
): { title: string; description: string; phrase: string } {
  const found = findOutcomeClass(scenario.outcomes, id);
  if (!found) return { title: "Talks over", description: "", phrase: "the end of the talks" };
  return { title: found.title, description: found.description, phrase: outcomePhrase(found) };
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
    class: classOf(effective.scenario, reason, null),
    reason,
    version: null,
    package: null,
    walkedOut,
    utilities: null,
    batnas: batnas(effective),
  };
}
