// `npm start` (and `npm run dev` with --dev): validate the environment, start, log one ready line.
import { existsSync } from "node:fs";
import { z } from "zod";
import { startServer } from "./app.ts";
import { readServerEnv } from "./env.ts";
import { captureConsole, createLogger } from "./logging.ts";

// A .env file, when present, fills in what the environment does not set.
if (existsSync(".env")) process.loadEnvFile(".env");

// Next.js would otherwise try to send usage data to a host this machine may not reach.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

// Until the settings are read there is no logger (LOG_LEVEL and LOG_FORMAT are among them): a
// refusal to start is plain sentences on stderr, for the person who started it.
const flagHelp =
  "Options: --dev (compile the UI on demand, for development), --api-only (no web UI: game server only).";
const flags = z
  .array(z.enum(["--dev", "--api-only"], { error: (issue) => `Unknown option ${String(issue.input)}.` }))
  .safeParse(process.argv.slice(2));
if (!flags.success) {
  console.error(`${flags.error.issues.map((issue) => issue.message).join(" ")} ${flagHelp}`);
  process.exit(2);
}
const web = flags.data.includes("--api-only")
  ? false
  : flags.data.includes("--dev")
    ? "development"
    : "production";

const parsed = readServerEnv(process.env);
if (!parsed.ok) {
  console.error("Red Lines cannot start; fix these settings (see .env.example):");
  for (const problem of parsed.problems) console.error(`  - ${problem}`);
  process.exit(2);
}

const started = Date.now();
const logger = await createLogger({
  ...parsed.env,
  development: web === "development" || parsed.env.NODE_ENV === "development",
});
// From here on, whatever a library prints with console.* is a log line too.
captureConsole(logger);
try {
  const server = await startServer({ env: parsed.env, web, logger });
  const db =
    server.database.kind === "embedded"
      ? `embedded database in ${server.database.location}`
      : `PostgreSQL at ${server.database.location}`;
  const applied = server.database.appliedMigrations.length;
  const migrated = applied > 0 ? `, ${applied} migration(s) applied` : "";
  const startupMs = Date.now() - started;
  // Tests, the benchmarks and people wait for "ready at <url>" in this line's message. The address
  // is written once, there, followed by a space: no field before it holds an address, so the
  // first address in the line is the one to open. Printed whatever LOG_LEVEL says (a process
  // manager set to warn still learns the server is up, and where).
  logger
    .child({}, { level: "info" })
    .info(
      { database: server.database.kind, migrationsApplied: applied, startupMs },
      `Red Lines is ready at ${server.url} (${db}${migrated}; started in ${startupMs} ms)`,
    );
  // Under a process manager that waits for it (PM2's wait_ready, deploy/ecosystem.config.cjs).
  process.send?.("ready");

  const shutdown = (signal: string) => {
    logger.info({ signal }, `${signal}: closing tables and the database...`);
    server.stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: error }, `Shutdown was not clean: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  logger.fatal({ err: error }, `Red Lines could not start: ${(error as Error).message}`);
  process.exit(1);
}
