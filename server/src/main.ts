// `npm start` (and `npm run dev` with --dev): validate the environment, start, print one URL.
import { existsSync } from "node:fs";
import { z } from "zod";
import { startServer } from "./app.ts";
import { readServerEnv } from "./env.ts";

// A .env file, when present, fills in what the environment does not set.
if (existsSync(".env")) process.loadEnvFile(".env");

// Next.js would otherwise try to send usage data to a host this machine may not reach.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

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
try {
  const server = await startServer({ env: parsed.env, web });
  const db =
    server.database.kind === "embedded"
      ? `embedded database in ${server.database.location}`
      : `PostgreSQL at ${server.database.location}`;
  const migrated =
    server.database.appliedMigrations.length > 0
      ? `, ${server.database.appliedMigrations.length} migration(s) applied`
      : "";
  console.log(
    `Red Lines is ready at ${server.url} (${db}${migrated}; started in ${Date.now() - started} ms)`,
  );

  const shutdown = (signal: string) => {
    console.log(`${signal}: closing tables and the database...`);
    server.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`Shutdown was not clean: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  console.error(`Red Lines could not start: ${(error as Error).message}`);
  process.exit(1);
}
