// Bodies and answers of the scenario studio's HTTP routes (`/api/studio/*`), and what the set-up
// form knows of a scenario. Client-safe: the studio page parses answers with these. A studio
// route needs `Authorization: Bearer <instructorKey>` (any workshop's) or `Studio <STUDIO_KEY>`.
import { z } from "zod";
import type { Locale } from "../i18n/locales.ts";
import { idSchema } from "../scenario/ids.ts";
import { scenarioSchema } from "../scenario/schema.ts";

/** Where a scenario comes from: shipped with the server, or saved from the studio into the database. */
export const scenarioOrigins = ["built-in", "stored"] as const;
export const scenarioOriginSchema = z.enum(scenarioOrigins);
export type ScenarioOrigin = z.infer<typeof scenarioOriginSchema>;

/** The authorisation schemes the studio takes: an instructor key, or the server's studio key. */
export const studioAuthSchemes = { instructor: "Bearer", studio: "Studio" } as const;

/** The largest `POST /api/studio/scenarios` body the server reads, in bytes (1 MB). */
export const studioBodyLimitBytes = 1_048_576;

/** One scenario in the studio's list: a built-in one, or the latest version of a stored one. */
export const studioScenarioSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  summary: z.string(),
  origin: scenarioOriginSchema,
  /** The latest version; null for a built-in scenario. */
  version: z.int().min(1).nullable(),
  /** How many versions are stored; 0 for a built-in scenario. */
  versions: z.int().min(0),
  /** When the latest version was saved (ISO 8601); null for a built-in scenario. */
  savedAt: z.iso.datetime().nullable(),
  /** How many roles (seats at a table). */
  roles: z.int().min(0),
});
export type StudioScenarioSummary = z.infer<typeof studioScenarioSummarySchema>;

/** `GET /api/studio/scenarios`: the built-in scenarios first, then the stored ones by id. */
export const studioScenarioListSchema = z.object({ scenarios: z.array(studioScenarioSummarySchema) });
export type StudioScenarioList = z.infer<typeof studioScenarioListSchema>;

/** One stored version of a scenario. `hash` is its snapshot's: SHA-256 of its JSON. */
export const storedVersionSchema = z.object({
  version: z.int().min(1),
  hash: z.string(),
  savedAt: z.iso.datetime(),
});
export type StoredVersion = z.infer<typeof storedVersionSchema>;

/**
 * `GET /api/studio/scenarios/:id[?version=N]`: one scenario whole (briefs and red lines included),
 * the version asked for (the latest by default), and every stored version, oldest first. A
 * built-in scenario has version and savedAt null and no versions; its hash is the snapshot a
 * workshop on it would store now.
 */
export const studioScenarioSchema = z.object({
  id: idSchema,
  origin: scenarioOriginSchema,
  version: z.int().min(1).nullable(),
  hash: z.string(),
  savedAt: z.iso.datetime().nullable(),
  scenario: scenarioSchema,
  versions: z.array(storedVersionSchema),
});
export type StudioScenario = z.infer<typeof studioScenarioSchema>;

/**
 * `POST /api/studio/scenarios`: the scenario's JSON, checked on the server with the same schema
 * and cross-reference checks as `npm run scenario -- check`. Invalid: 422 `invalid-scenario` with
 * every problem in `error.issues` as `{ path, message }`, the CLI's own words.
 */
export const studioSaveRequestSchema = z.strictObject({
  scenario: z.unknown().refine((value) => value !== undefined, {
    error: "Send the scenario as { scenario: { … } }, its JSON under the key scenario.",
  }),
});
export type StudioSaveRequest = z.input<typeof studioSaveRequestSchema>;

/**
 * What a save answers: 201 with a new version, or 200 with the latest version unchanged
 * (`unchanged: true`) when the scenario is the same as it.
 */
export const studioSavedSchema = z.object({
  id: idSchema,
  version: z.int().min(1),
  hash: z.string(),
  savedAt: z.iso.datetime(),
  unchanged: z.boolean(),
});
export type StudioSaved = z.infer<typeof studioSavedSchema>;

/** `?version=N` on the studio's scenario routes: plain decimal digits, from 1. */
export const studioVersionQuerySchema = z.strictObject({
  version: z
    .string({ error: "version must be a version number such as 2." })
    .regex(/^[1-9][0-9]{0,8}$/, "version must be a version number such as 2, in plain digits.")
    .transform(Number)
    .optional(),
});

/**
 * What the workshop set-up form knows of a scenario it offers: titles, seats and variants, never
 * briefs or red lines. `version` is the stored version the form names (null for a built-in one);
 * the form sends it as `scenarioVersion`, so the workshop plays exactly what was offered.
 */
export const scenarioChoiceSchema = z.object({
  id: idSchema,
  title: z.string(),
  summary: z.string(),
  origin: scenarioOriginSchema,
  version: z.int().min(1).nullable(),
  documents: z.array(z.object({ file: z.string(), title: z.string() })),
  variants: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  defaultVariant: z.string(),
  clock: z.object({ rounds: z.int(), turnSeconds: z.int() }),
  /** The seats' names in turn order. */
  seats: z.array(z.string()),
});
export type ScenarioChoice = z.infer<typeof scenarioChoiceSchema>;

/**
 * How the server hands the stored scenarios' choices to the set-up page, which Next renders in
 * the same process: a function under this global symbol (server/src/studio/pageData.ts). It gives
 * their texts in the reader's `locale` (from each scenario's translation; English without one).
 */
export const storedScenarioChoicesKey = "red-lines.stored-scenario-choices";
export type StoredScenarioChoices = (locale?: Locale) => Promise<ScenarioChoice[]>;
