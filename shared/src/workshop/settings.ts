// What an instructor chooses when creating a workshop, checked against the scenario it names.
import { z } from "zod";
import { getScenario, scenarioIds } from "../scenario/registry.ts";

export const workshopRequestSchema = z
  .strictObject({
    scenarioId: z.string({ error: "Choose a scenario." }),
    variant: z.string().optional(),
    tables: z
      .int({ error: "The number of tables is a whole number from 1 to 30." })
      .min(1, "The number of tables is a whole number from 1 to 30.")
      .max(30, "The number of tables is a whole number from 1 to 30."),
    rounds: z
      .int({ error: "Rounds is a whole number from 1 to 100." })
      .min(1, "Rounds is a whole number from 1 to 100.")
      .max(100, "Rounds is a whole number from 1 to 100.")
      .optional(),
    turnSeconds: z
      .int({ error: "The turn clock is a whole number of seconds from 5 to 3600." })
      .min(5, "The turn clock is a whole number of seconds from 5 to 3600.")
      .max(3600, "The turn clock is a whole number of seconds from 5 to 3600.")
      .optional(),
    botFill: z.boolean({ error: "Bot fill is on or off." }).default(false),
  })
  .superRefine((request, context) => {
    const scenario = getScenario(request.scenarioId);
    if (!scenario) {
      context.addIssue({
        code: "custom",
        path: ["scenarioId"],
        message: `There is no scenario "${request.scenarioId}". Available: ${scenarioIds.join(", ")}.`,
      });
      return;
    }
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
  });
export type WorkshopRequest = z.input<typeof workshopRequestSchema>;

/** The settings a workshop keeps: every default resolved from its scenario. */
export const workshopSettingsSchema = z.strictObject({
  scenarioId: z.string(),
  variant: z.string(),
  tables: z.int().min(1).max(30),
  rounds: z.int().min(1).max(100),
  turnSeconds: z.int().min(5).max(3600),
  botFill: z.boolean(),
});
export type WorkshopSettings = z.infer<typeof workshopSettingsSchema>;

export function resolveWorkshopSettings(
  input: unknown,
): { ok: true; settings: WorkshopSettings } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = workshopRequestSchema.safeParse(input);
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
