// Identifier and citation schemas shared by every part of a scenario. Ids are kebab-case and
// stable forever, because event logs and saved debriefs refer to them.
import { z } from "zod";

/**
 * The schema's own words for a problem, by the code the studio renders in its reader's language
 * (`schema.<code>` of client/messages/<locale>/checks.json, whose English is these words). The
 * CLI and the HTTP API print the English; load.ts finds each problem's code by its words. Some
 * are said in rule.ts and outcomes.ts, in these same words.
 */
export const schemaMessages = {
  "kebab-id": "must be a kebab-case id (lowercase letters, digits, single hyphens)",
  "source-file": "name the source document file",
  "source-section": "name the section heading",
  sources: "cite at least one source",
  "not-empty": "must not be empty",
  "issue-options-min": "an issue needs at least two options",
  "issue-options-max": "an issue has at most 30 options",
  "score-range": "a score ranges from 0 to 100",
  "batna-range": "a BATNA ranges from 0 to 100",
  "weight-negative": "a weight cannot be negative",
  "effect-kind": 'an effect has a "kind": batna, score, weight, addRedLine, removeRedLine or setVariant',
  "event-effects": "an event needs at least one effect",
  format: 'format must be "red-lines/scenario@1"',
  documents: "list at least one document: every source names one of them",
  "roles-min": "a scenario needs at least two roles",
  "roles-max": "a scenario has at most six roles",
  "issues-min": "a scenario needs at least one issue",
  "variants-min": "a scenario needs at least one variant",
  "outcomes-list":
    "list the outcome classes: how the talks can end, each with its endings and, for agreements, a rule",
  "outcomes-min": "a scenario needs its outcome classes",
  "rule-options": "list at least one option",
  "rule-list": "list at least one rule",
  "rule-shape":
    'a rule is an object with exactly one of the keys "in" ({ issue, options }), "not", "all", "any" or "implies" ([if, then])',
  "outcome-rule-shape":
    'an outcome rule is an object with exactly one of the keys "in" ({ issue, options }), "belowNoDeal" ({ role, at }), "not", "all", "any" or "implies" ([if, then])',
  "outcome-at": 'at is "start" (the no-deal value the talks began with) or "end"',
  endings: "list at least one ending",
} as const;
export type SchemaMessage = keyof typeof schemaMessages;

export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: schemaMessages["kebab-id"],
});

/** Where a rule, text or number comes from: a seed document and one of its section headings. */
export const sourceRefSchema = z.strictObject({
  file: z.string().min(1, { error: schemaMessages["source-file"] }),
  section: z.string().min(1, { error: schemaMessages["source-section"] }),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const sourcesSchema = z.array(sourceRefSchema).min(1, { error: schemaMessages.sources });

export const textSchema = z.string().trim().min(1, { error: schemaMessages["not-empty"] });
