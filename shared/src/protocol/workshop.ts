// What an instructor sends to create a workshop and what a workshop keeps, as zod schemas.
// Client-safe: the form checks its fields with these; whether the scenario and variant exist is
// checked on the server against the scenarios (workshop/settings.ts).
import { z } from "zod";

export const workshopRequestSchema = z.strictObject({
  scenarioId: z.string({ error: "Choose a scenario." }),
  /** A stored scenario's version (default: its latest); built-in scenarios have none. */
  scenarioVersion: z
    .int({ error: "The scenario version is a whole number from 1." })
    .min(1, "The scenario version is a whole number from 1.")
    .optional(),
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
});
export type WorkshopRequest = z.input<typeof workshopRequestSchema>;

/** The settings a workshop keeps: every default resolved from its scenario. */
export const workshopSettingsSchema = z.strictObject({
  scenarioId: z.string(),
  /** The stored scenario's version the workshop plays; absent for a built-in scenario. */
  scenarioVersion: z.int().min(1).optional(),
  variant: z.string(),
  tables: z.int().min(1).max(30),
  rounds: z.int().min(1).max(100),
  turnSeconds: z.int().min(5).max(3600),
  botFill: z.boolean(),
});
export type WorkshopSettings = z.infer<typeof workshopSettingsSchema>;
