// The effective scenario: a scenario as it stands at a table, for one variant after a sequence
// of events. Effects apply declaratively, in order; the authored scenario is never mutated.
// Effective scenarios are immutable and share what an event did not change: every table of a
// variant holds the same one until an event applies, and an event copies only the utilities of
// the roles it touches. (A table in memory then holds its own state, not a copy of the scenario.)
import type { Effect, Issue, RedLine, Role, RoleUtility, Scenario, ScenarioEvent } from "./schema.ts";

export type EffectiveScenario = {
  scenario: Scenario;
  /** The table's variant; roles start in it and `setVariant` effects may move one role. */
  variant: string;
  appliedEvents: readonly string[];
  roles: readonly Role[];
  issues: readonly Issue[];
  variantByRole: Record<string, string>;
  /** Shared with the scenario and other tables where no event changed them: never mutated. */
  utilities: Record<string, RoleUtility>;
  /** Red lines in force per role: all-variant ones, the role's variant's, then event-added ones. */
  redLines: Record<string, RedLine[]>;
};

export function findEvent(scenario: Scenario, eventId: string): ScenarioEvent | undefined {
  return scenario.events.find((e) => e.id === eventId);
}

/**
 * A red line by id wherever the scenario defines it (all variants, variant-specific, added by an
 * event): a rule since withdrawn or from another variant is still found, for logs and debriefs.
 */
export function findRedLine(scenario: Scenario, id: string): RedLine | undefined {
  return everyRedLine(scenario).find((r) => r.id === id);
}

/** Every red line the scenario defines: held in all variants, in one variant, or added by an event. */
export function everyRedLine(scenario: Pick<Scenario, "redLines" | "variants" | "events">): RedLine[] {
  return [
    ...Object.values(scenario.redLines).flat(),
    ...scenario.variants.flatMap((v) => Object.values(v.redLines).flat()),
    ...scenario.events.flatMap((e) => e.effects.flatMap((f) => (f.kind === "addRedLine" ? [f.redLine] : []))),
  ];
}

/** A red line's title for people; "a red line" if the id is unknown (never the id itself). */
export function redLineTitle(scenario: Scenario, id: string): string {
  return findRedLine(scenario, id)?.title ?? "a red line";
}

export function hasVariant(scenario: Scenario, variantId: string): boolean {
  return scenario.variants.some((v) => v.id === variantId);
}

/**
 * The scenario for `variant` (default: the scenario's default variant) after the events,
 * applied in the given order (an event applied twice counts twice). Unknown variant or event
 * ids are programmer errors and throw: validate user input with `hasVariant`/`findEvent` first.
 */
export function effectiveScenario(
  scenario: Scenario,
  variant: string = scenario.defaultVariant,
  appliedEventIds: readonly string[] = [],
): EffectiveScenario {
  let effective = startingScenario(scenario, variant);
  for (const eventId of appliedEventIds) effective = applyEvent(effective, eventId);
  return effective;
}

/** The effective scenario of each variant before any event, one per scenario object. */
const starting = new WeakMap<Scenario, Map<string, EffectiveScenario>>();

function startingScenario(scenario: Scenario, variant: string): EffectiveScenario {
  let variants = starting.get(scenario);
  if (!variants) {
    variants = new Map();
    starting.set(scenario, variants);
  }
  const known = variants.get(variant);
  if (known) return known;
  if (!hasVariant(scenario, variant)) throw new Error(`unknown variant "${variant}"`);
  const effective: EffectiveScenario = {
    scenario,
    variant,
    appliedEvents: [],
    roles: scenario.roles,
    issues: scenario.issues,
    variantByRole: Object.fromEntries(scenario.roles.map((r) => [r.id, variant])),
    // The authored utilities themselves: an event copies a role's before changing it.
    utilities: scenario.utilities,
    redLines: Object.fromEntries(
      scenario.roles.map((r) => [
        r.id,
        [...(scenario.redLines[r.id] ?? []), ...variantRedLines(scenario, variant, r.id)],
      ]),
    ),
  };
  variants.set(variant, effective);
  return effective;
}

/** The effective scenario after one more event; `effective` itself is left as it was. */
export function applyEvent(effective: EffectiveScenario, eventId: string): EffectiveScenario {
  const event = findEvent(effective.scenario, eventId);
  if (!event) throw new Error(`unknown event "${eventId}"`);
  // Copies of what the effects change: the utilities of the roles they name (the rest are
  // shared), the variant map and the red-line lists.
  const touched = new Set(event.effects.map((effect) => effect.role));
  let next: EffectiveScenario = {
    ...effective,
    appliedEvents: [...effective.appliedEvents, eventId],
    variantByRole: { ...effective.variantByRole },
    utilities: Object.fromEntries(
      Object.entries(effective.utilities).map(([role, utility]) => [
        role,
        touched.has(role) ? structuredClone(utility) : utility,
      ]),
    ),
    redLines: Object.fromEntries(Object.entries(effective.redLines).map(([role, list]) => [role, [...list]])),
  };
  for (const effect of event.effects) next = applyEffect(next, effect);
  return next;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Applies one effect in place on a fresh copy made by `applyEvent`. */
function applyEffect(effective: EffectiveScenario, effect: Effect): EffectiveScenario {
  const utility = effective.utilities[effect.role];
  if (!utility) throw new Error(`unknown role "${effect.role}"`);
  switch (effect.kind) {
    case "batna":
      utility.batna = clamp(utility.batna + effect.delta, 0, 100);
      break;
    case "score": {
      const scores = utility.scores[effect.issue];
      const score = scores?.[effect.option];
      if (!scores || score === undefined)
        throw new Error(`unknown option "${effect.issue}.${effect.option}"`);
      scores[effect.option] = clamp(score + effect.delta, 0, 100);
      break;
    }
    case "weight": {
      const weight = utility.weights[effect.issue];
      if (weight === undefined) throw new Error(`unknown issue "${effect.issue}"`);
      const weights = { ...utility.weights, [effect.issue]: Math.max(0, weight + effect.delta) };
      const total = Object.values(weights).reduce((a, b) => a + b, 0);
      // All weights at zero would leave nothing to renormalise; the effect is then void.
      if (total > 0) {
        utility.weights = Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, (w * 100) / total]));
      }
      break;
    }
    case "addRedLine": {
      const list = (effective.redLines[effect.role] ?? []).filter((r) => r.id !== effect.redLine.id);
      effective.redLines[effect.role] = [...list, effect.redLine];
      break;
    }
    case "removeRedLine":
      effective.redLines[effect.role] = (effective.redLines[effect.role] ?? []).filter(
        (r) => r.id !== effect.redLine,
      );
      break;
    case "setVariant": {
      if (!hasVariant(effective.scenario, effect.variant))
        throw new Error(`unknown variant "${effect.variant}"`);
      const previous = effective.variantByRole[effect.role];
      const leaving = new Set(
        previous === undefined
          ? []
          : variantRedLines(effective.scenario, previous, effect.role).map((r) => r.id),
      );
      const kept = (effective.redLines[effect.role] ?? []).filter((r) => !leaving.has(r.id));
      effective.redLines[effect.role] = [
        ...kept,
        ...variantRedLines(effective.scenario, effect.variant, effect.role),
      ];
      effective.variantByRole[effect.role] = effect.variant;
      break;
    }
  }
  return effective;
}

function variantRedLines(scenario: Scenario, variantId: string, role: string): RedLine[] {
  return scenario.variants.find((v) => v.id === variantId)?.redLines[role] ?? [];
}
