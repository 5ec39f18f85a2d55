// Server configuration from the environment (documented in .env.example), validated at start.
import { databaseEnvSchema, describeEnvIssues } from "@red-lines/db";
import { z } from "zod";

const portSchema = z.coerce
  .number({ error: "PORT must be a number from 0 to 65535 (0 picks a free port)" })
  .int("PORT must be a whole number from 0 to 65535 (0 picks a free port)")
  .min(0, "PORT must be a number from 0 to 65535 (0 picks a free port)")
  .max(65535, "PORT must be a number from 0 to 65535 (0 picks a free port)");

const originList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ""),
  )
  .pipe(
    z.array(
      z.string().refine((origin) => {
        try {
          return new URL(origin).origin === origin;
        } catch {
          return false;
        }
      }, "ALLOWED_ORIGINS must be a comma-separated list of origins such as https://redlines.example.org (scheme, host and port, no path)"),
    ),
  );

export const serverEnvSchema = databaseEnvSchema
  .extend({
    PORT: portSchema.default(3000),
    HOST: z
      .string()
      .trim()
      .min(1, "HOST must be an interface address such as 0.0.0.0 or 127.0.0.1")
      .default("0.0.0.0"),
    PUBLIC_URL: z
      .url({ error: "PUBLIC_URL must be the full address people open, such as https://redlines.example.org" })
      .optional(),
    ALLOWED_ORIGINS: originList.default([]),
    TRUST_PROXY: z
      .enum(["true", "false"], { error: "TRUST_PROXY must be true or false" })
      .default("false")
      .transform((value) => value === "true"),
    BOT_DELAY_MS: z.coerce
      .number({ error: "BOT_DELAY_MS must be a whole number of milliseconds from 0 to 60000" })
      .int("BOT_DELAY_MS must be a whole number of milliseconds from 0 to 60000")
      .min(0, "BOT_DELAY_MS must be a whole number of milliseconds from 0 to 60000")
      .max(60_000, "BOT_DELAY_MS must be a whole number of milliseconds from 0 to 60000")
      .default(2_000),
    RECONNECT_GRACE_SECONDS: z.coerce
      .number({ error: "RECONNECT_GRACE_SECONDS must be a whole number of seconds from 0 to 3600" })
      .int("RECONNECT_GRACE_SECONDS must be a whole number of seconds from 0 to 3600")
      .min(0, "RECONNECT_GRACE_SECONDS must be a whole number of seconds from 0 to 3600")
      .max(3600, "RECONNECT_GRACE_SECONDS must be a whole number of seconds from 0 to 3600")
      .default(60),
    /**
     * Delete workshops whose talks are over after this many days without activity (retention.ts),
     * at start and daily. Unset: workshops are kept until the instructor deletes them.
     */
    DATA_RETENTION_DAYS: z.coerce
      .number({
        error: "DATA_RETENTION_DAYS must be a whole number of days from 1 to 3650 (or unset to keep data)",
      })
      .int("DATA_RETENTION_DAYS must be a whole number of days from 1 to 3650 (or unset to keep data)")
      .min(1, "DATA_RETENTION_DAYS must be a whole number of days from 1 to 3650 (or unset to keep data)")
      .max(3650, "DATA_RETENTION_DAYS must be a whole number of days from 1 to 3650 (or unset to keep data)")
      .optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    /** Opens the scenario studio besides any workshop's instructor key. Unset: instructor keys only. */
    STUDIO_KEY: z
      .string()
      .min(
        16,
        "STUDIO_KEY must be at least 16 characters long: use a long random key, such as the output of `openssl rand -base64 24`",
      )
      .regex(/^\S+$/, "STUDIO_KEY must not contain spaces or other blanks")
      .optional(),
    /**
     * Opens GET /metrics (Authorization: Bearer <token>) to a Prometheus scraper. Unset: /metrics
     * answers 404, as if it did not exist.
     */
    METRICS_TOKEN: z
      .string()
      .min(
        16,
        "METRICS_TOKEN must be at least 16 characters long: use a long random token, such as the output of `openssl rand -hex 24`",
      )
      .regex(
        /^[\x21-\x7e]+$/,
        "METRICS_TOKEN must be printable ASCII without spaces (it travels in a header)",
      )
      .optional(),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent",
      })
      .default("info"),
    /** json: one JSON object a line (for log collectors); pretty: coloured lines for a person. */
    LOG_FORMAT: z
      .enum(["json", "pretty"], {
        error:
          "LOG_FORMAT must be json or pretty (unset: pretty in development or in a terminal, JSON otherwise)",
      })
      .optional(),
    /** Several processes: Colyseus presence and room driver in Redis. Unset: one process, in memory. */
    REDIS_URL: z
      .url({
        protocol: /^rediss?$/,
        error:
          "REDIS_URL must be a Redis URL such as redis://localhost:6379 (or leave it unset to run one process)",
      })
      .optional(),
    /** This process's address as browsers reach it, when several processes share the work. */
    PUBLIC_ADDRESS: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d{1,5})?(\/[\w.-]+)*$/i, {
        error:
          "PUBLIC_ADDRESS must be this process's host name with optional port and path, without scheme, such as game-1.redlines.example.org or 10.0.0.5:3001",
      })
      .optional(),
    /**
     * Every process's PUBLIC_ADDRESS, when several share the work: a page served by one process may
     * open its table's WebSocket to another, and its Content-Security-Policy must allow that.
     */
    PEER_ADDRESSES: z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((address) => address.trim())
          .filter((address) => address !== ""),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^(\*\.)?[a-z0-9.-]+(:\d{1,5})?(\/[\w.-]+)*$/i,
              "PEER_ADDRESSES must be a comma-separated list of the processes' PUBLIC_ADDRESS values, host with optional port and path, without scheme (such as game-1.redlines.example.org,game-2.redlines.example.org, or *.redlines.example.org)",
            ),
        ),
      )
      .default([]),
  })
  .superRefine((env, context) => {
    if (env.REDIS_URL && !env.DATABASE_URL) {
      context.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message:
          "REDIS_URL is for several server processes, which must share one PostgreSQL database: set DATABASE_URL too (the embedded database belongs to one process)",
      });
    }
    if (env.PEER_ADDRESSES.length > 0 && !env.REDIS_URL) {
      context.addIssue({
        code: "custom",
        path: ["PEER_ADDRESSES"],
        message:
          "PEER_ADDRESSES only matters when several processes share Redis: set REDIS_URL too, or leave it unset",
      });
    }
    if (env.PUBLIC_ADDRESS && !env.REDIS_URL) {
      context.addIssue({
        code: "custom",
        path: ["PUBLIC_ADDRESS"],
        message:
          "PUBLIC_ADDRESS only matters when several processes share Redis: set REDIS_URL too, or leave it unset",
      });
    }
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Parses the environment or returns one sentence per problem. */
export function readServerEnv(
  env: Record<string, string | undefined>,
): { ok: true; env: ServerEnv } | { ok: false; problems: string[] } {
  // An empty assignment in a .env file means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = serverEnvSchema.safeParse(present);
  return parsed.success
    ? { ok: true, env: parsed.data }
    : { ok: false, problems: describeEnvIssues(parsed.error) };
}
