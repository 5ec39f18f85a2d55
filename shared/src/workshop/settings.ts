// A workshop request checked against the scenario it names, with every default resolved from
// that scenario. Server-only: it reads the built-in scenarios.
import { type WorkshopSettings, workshopRequestSchema } from "../protocol/workshop.ts";
import { getScenario, scenarioIds } from "../scenario/registry.ts";

/** The request's fields, then the scenario and variant it names. */
const scenarioRequestSchema = workshopRequestSchema.superRefine((request, context) => {
  const scenario = getScenario(request.scenarioId);
  if (!scenario) {
    context.addIssue({
      code: "custom",
      path: ["scenarioId"],
      message: `There is no scenario "${request.scenarioId}". Available: ${scenarioIds.join(", ")}.`,
    });
    return;
  }
  if (request.variant !== undefined && !scenario.variants.some((variant) => variant.id === request.variant)) {
    context.addIssue({
      code: "custom",
      path: ["variant"],
      message: `Scenario "${scenario.id}" has no variant "${request.variant}". Its variants: ${scenario.variants
        .map((variant) => variant.id)
        .join(", ")}.`,
    });
  }
});

export function resolveWorkshopSettings(
  input: unknown,
): { ok: true; settings: WorkshopSettings } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = scenarioRequestSchema.safeParse(input);
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
  // The refinement above guarantees the scenario exists.
  const scenario = getScenario(request.scenarioId);
  if (!scenario) throw new Error(`scenario ${request.scenarioId} vanished after validation`);
  return {
    ok: true,
    settings: {
      scenarioId: scenario.id,
      variant: request.variant ?? scenario.defaultVariant,
      tables: request.tables,
      rounds: request.rounds ?? scenario.clock.rounds,
      turnSeconds: request.turnSeconds ?? scenario.clock.turnSeconds,
      botFill: request.botFill,
    },
  };
}
