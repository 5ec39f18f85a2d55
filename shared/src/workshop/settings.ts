// A workshop request checked against the scenario it names, with every default resolved from
// that scenario. Server-only: it reads the built-in scenarios; the server passes the stored ones
// (saved from the studio) it read from the database for the request.
import { type WorkshopSettings, workshopRequestSchema } from "../protocol/workshop.ts";
import { getScenario, scenarioIds } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";

/** A scenario a workshop may name: its data, and the stored version (none for a built-in one). */
export type NamedScenario = { scenario: Scenario; version?: number | undefined };

/**
 * Where a request's scenario is found, beyond the built-in ones: the stored scenario of an id,
 * or why there is none (an unknown version, say), and every stored id for the sentence that
 * lists what exists.
 */
export type StoredScenarioLookup = {
  find(id: string, version: number | undefined): NamedScenario | { problem: string } | undefined;
  ids: readonly string[];
};

const noStoredScenarios: StoredScenarioLookup = { find: () => undefined, ids: [] };

/** The scenario a request names, built-in first (a stored scenario can never take a built-in's id). */
function named(
  id: string,
  version: number | undefined,
  stored: StoredScenarioLookup,
): NamedScenario | { problem: string; field: "scenarioId" | "scenarioVersion" } {
  const builtIn = getScenario(id);
  if (builtIn) {
    return version === undefined
      ? { scenario: builtIn }
      : {
          problem: `Scenario "${id}" is built in and has no versions: leave the scenario version out.`,
          field: "scenarioVersion",
        };
  }
  const found = stored.find(id, version);
  if (found === undefined) {
    return {
      problem: `There is no scenario "${id}". Available: ${[...scenarioIds, ...stored.ids].join(", ")}.`,
      field: "scenarioId",
    };
  }
  return "problem" in found ? { ...found, field: "scenarioVersion" } : found;
}

export function resolveWorkshopSettings(
  input: unknown,
  stored: StoredScenarioLookup = noStoredScenarios,
): { ok: true; settings: WorkshopSettings } | { ok: false; issues: { path: string; message: string }[] } {
  let found: NamedScenario | undefined;
  // The request's fields, then the scenario (and version) and variant it names.
  const parsed = workshopRequestSchema
    .superRefine((request, context) => {
      const result = named(request.scenarioId, request.scenarioVersion, stored);
      if ("problem" in result) {
        context.addIssue({
          code: "custom",
          path: [result.field],
          message: result.problem,
        });
        return;
      }
      found = result;
      const { scenario } = result;
      if (
        request.variant !== undefined &&
        !scenario.variants.some((variant) => variant.id === request.variant)
      ) {
        context.addIssue({
          code: "custom",
          path: ["variant"],
          message: `Scenario "${scenario.id}" has no variant "${request.variant}". Its variants: ${scenario.variants
            .map((variant) => variant.id)
            .join(", ")}.`,
        });
      }
    })
    .safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join(".") || "(request)",
        message: issue.message,
      })),
    };
  }
  const request = parsed.data;
  // The refinement above found the scenario.
  if (!found) throw new Error(`scenario ${request.scenarioId} vanished after validation`);
  const { scenario, version } = found;
  return {
    ok: true,
    settings: {
      scenarioId: scenario.id,
      ...(version === undefined ? {} : { scenarioVersion: version }),
      variant: request.variant ?? scenario.defaultVariant,
      tables: request.tables,
      rounds: request.rounds ?? scenario.clock.rounds,
      turnSeconds: request.turnSeconds ?? scenario.clock.turnSeconds,
      botFill: request.botFill,
    },
  };
}
