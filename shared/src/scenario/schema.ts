// The scenario model as zod schemas: the shape of a scenario file. Cross-references between
// its parts (ids used in rules, weights summing to 100...) are checked in crossReferences.ts.
import { z } from "zod";
import { ruleSchema } from "../redLines/rule.ts";
import {
  idSchema,
  type SourceRef,
  schemaMessages,
  sourceRefSchema,
  sourcesSchema,
  textSchema,
} from "./ids.ts";
import { outcomeClassSchema } from "./outcomes.ts";
import { scenarioTranslationsSchema } from "./translations.ts";

export { idSchema, type SourceRef, sourceRefSchema, sourcesSchema };

/** A seed document the scenario cites; every source reference must name one of these files. */
export const documentSchema = z.strictObject({
  file: z.string().min(1),
  title: textSchema,
});
export type Document = z.infer<typeof documentSchema>;

export const optionSchema = z.strictObject({
  id: idSchema,
  label: textSchema,
  description: textSchema.optional(),
});
export type Option = z.infer<typeof optionSchema>;

/** Option sets are bit masks in the analysis engine, hence the cap of 30 options per issue. */
export const issueSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  description: textSchema,
  options: z
    .array(optionSchema)
    .min(2, { error: schemaMessages["issue-options-min"] })
    .max(30, { error: schemaMessages["issue-options-max"] }),
  sources: sourcesSchema,
});
export type Issue = z.infer<typeof issueSchema>;

export const capacitySchema = z.enum(["signatory", "guarantor", "convenor"]);

export const roleSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  capacities: z.array(capacitySchema).min(1),
  /** Shown to every seat and to observers. */
  publicStance: textSchema,
  /** Shown to this seat and to the instructor only. */
  privateBrief: z.strictObject({
    summary: textSchema,
    priorities: z.array(textSchema).min(1),
  }),
  sources: sourcesSchema,
});
export type Role = z.infer<typeof roleSchema>;

const scoreSchema = z
  .number()
  .min(0, { error: schemaMessages["score-range"] })
  .max(100, { error: schemaMessages["score-range"] });

/** A role's private utility: additive, utility = Σ weight·score/100, weights summing to 100. */
export const roleUtilitySchema = z.strictObject({
  /** Value of no agreement (best alternative to a negotiated agreement), on the same 0–100 scale. */
  batna: z
    .number()
    .min(0, { error: schemaMessages["batna-range"] })
    .max(100, { error: schemaMessages["batna-range"] }),
  weights: z.record(idSchema, z.number().min(0, { error: schemaMessages["weight-negative"] })),
  scores: z.record(idSchema, z.record(idSchema, scoreSchema)),
});
export type RoleUtility = z.infer<typeof roleUtilitySchema>;

export const redLineSchema = z.strictObject({
  id: idSchema,
  /** A short name for people, e.g. "No legal cession of Ukrainian land": screens never show the id. */
  title: textSchema,
  rule: ruleSchema,
  /** Plain-language sentence shown when a package breaks the rule. */
  explanation: textSchema,
  sources: sourcesSchema,
});
export type RedLine = z.infer<typeof redLineSchema>;

const redLinesByRoleSchema = z.record(idSchema, z.array(redLineSchema));

export const variantSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  description: textSchema,
  /** Red lines a role holds while it plays this variant, on top of its all-variant red lines. */
  redLines: redLinesByRoleSchema,
  /** Extra private-brief paragraphs per role for this variant. */
  briefNotes: z.record(idSchema, textSchema).optional(),
  sources: sourcesSchema,
});
export type Variant = z.infer<typeof variantSchema>;

export const effectSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("batna"), role: idSchema, delta: z.number() }),
    z.strictObject({
      kind: z.literal("score"),
      role: idSchema,
      issue: idSchema,
      option: idSchema,
      delta: z.number(),
    }),
    z.strictObject({ kind: z.literal("weight"), role: idSchema, issue: idSchema, delta: z.number() }),
    z.strictObject({ kind: z.literal("addRedLine"), role: idSchema, redLine: redLineSchema }),
    z.strictObject({ kind: z.literal("removeRedLine"), role: idSchema, redLine: idSchema }),
    z.strictObject({ kind: z.literal("setVariant"), role: idSchema, variant: idSchema }),
  ],
  {
    error: schemaMessages["effect-kind"],
  },
);
export type Effect = z.infer<typeof effectSchema>;

export const scenarioEventSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  /** The news flash every seat sees. */
  flash: textSchema,
  effects: z.array(effectSchema).min(1, { error: schemaMessages["event-effects"] }),
  /** When set, the event lands by itself at the start of this round. */
  atRound: z.int().min(1).optional(),
  sources: sourcesSchema,
});
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;

export const clockSchema = z.strictObject({
  rounds: z.int().min(1).max(100),
  turnSeconds: z.int().min(5).max(3600),
});
export type Clock = z.infer<typeof clockSchema>;

export const scenarioSchema = z.strictObject({
  format: z.literal("red-lines/scenario@1", { error: schemaMessages.format }),
  id: idSchema,
  title: textSchema,
  summary: textSchema,
  documents: z.array(documentSchema).min(1, { error: schemaMessages.documents }),
  roles: z
    .array(roleSchema)
    .min(2, { error: schemaMessages["roles-min"] })
    .max(6, { error: schemaMessages["roles-max"] }),
  issues: z.array(issueSchema).min(1, { error: schemaMessages["issues-min"] }),
  utilities: z.record(idSchema, roleUtilitySchema),
  /** Red lines each role holds in every variant. */
  redLines: redLinesByRoleSchema,
  variants: z.array(variantSchema).min(1, { error: schemaMessages["variants-min"] }),
  defaultVariant: idSchema,
  events: z.array(scenarioEventSchema),
  turnOrder: z.array(idSchema),
  clock: clockSchema,
  /** How the talks can end, as the debrief names it: every ending in exactly one class. */
  outcomes: z
    .array(outcomeClassSchema, {
      error: schemaMessages["outcomes-list"],
    })
    .min(1, { error: schemaMessages["outcomes-min"] }),
  /** Its texts in other languages, by language (translations.ts); a text not there reads in English. */
  translations: scenarioTranslationsSchema.optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;
