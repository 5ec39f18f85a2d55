// Database settings from the environment, validated with zod so a mistake reads as one clear sentence.
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "DATABASE_URL must be a PostgreSQL connection URL such as postgresql://user:password@localhost:5432/redlines (or leave it unset to use the embedded database)");

export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()))
    .pipe(postgresUrl.optional()),
  DATA_DIR: z
    .string()
    .trim()
    .min(1, "DATA_DIR must name a folder")
    .default("data")
    .transform((value) => path.resolve(value)),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "DATABASE_POOL_SIZE must be a whole number between 1 and 100" })
    .int("DATABASE_POOL_SIZE must be a whole number between 1 and 100")
    .min(1, "DATABASE_POOL_SIZE must be a whole number between 1 and 100")
    .max(100, "DATABASE_POOL_SIZE must be a whole number between 1 and 100")
    .default(10),
});

export type DatabaseSettings = z.infer<typeof databaseEnvSchema>;

/** One sentence per problem, naming the variable: what a person reads when start-up refuses. */
export function describeEnvIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join(".");
    return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
  });
}
