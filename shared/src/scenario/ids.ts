// Identifier and citation schemas shared by every part of a scenario. Ids are kebab-case and
// stable forever, because event logs and saved debriefs refer to them.
import { z } from "zod";

export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "must be a kebab-case id (lowercase letters, digits, single hyphens)",
});

/** Where a rule, text or number comes from: a seed document and one of its section headings. */
export const sourceRefSchema = z.strictObject({
  file: z.string().min(1, { error: "name the source document file" }),
  section: z.string().min(1, { error: "name the section heading" }),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const sourcesSchema = z.array(sourceRefSchema).min(1, { error: "cite at least one source" });

export const textSchema = z.string().trim().min(1, { error: "must not be empty" });
