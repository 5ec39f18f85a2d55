// `npm run db:migrate` applies pending migrations to the configured database;
// `npm run db:new-migration -- <name>` writes the next migration from schema.prisma;
// `npm run db:backup -- <file>` and `npm run db:restore -- <file>` back up and restore the
// embedded database (backupCommands.ts).
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { restoreBackup, takeBackup } from "./backupCommands.ts";
import { startEmbeddedPostgres } from "./embedded.ts";
import { openDatabase } from "./index.ts";
import { diffSchemaAgainstSnapshot, migrationsDir, schemaPath, snapshotPath } from "./migrations.ts";
import { databaseEnvSchema, describeEnvIssues } from "./settings.ts";

/** A backup command's arguments: one file, and the one option it takes, in any order. */
function fileCommand<C extends "backup" | "restore">(command: C, option: "--force" | "--replace") {
  const usage = `npm run db:${command} -- <file> [${option}]`;
  return z.object({
    command: z.literal(command),
    files: z
      .array(z.string().trim().min(1, `The backup file name is empty: ${usage}`))
      .length(1, `Name one backup file: ${usage}`),
    options: z.array(
      z.literal(option, {
        error: (issue) => `Unknown option ${String(issue.input)}: ${usage}`,
      }),
    ),
  });
}
const backupArgsSchema = z.discriminatedUnion("command", [
  fileCommand("backup", "--force"),
  fileCommand("restore", "--replace"),
]);

const argsSchema = z.union([
  z.tuple([z.literal("migrate")]),
  z.tuple([
    z.literal("new-migration"),
    z
      .string()
      .regex(
        /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/,
        "the migration name must be lower-case words joined by - or _, e.g. add-bots",
      ),
  ]),
]);

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function migrate(): Promise<void> {
  const env = databaseEnvSchema.safeParse(process.env);
  if (!env.success) fail(describeEnvIssues(env.error).join("\n"));
  const db = await openDatabase(env.data);
  try {
    console.log(
      db.appliedMigrations.length === 0
        ? `The database (${db.location}) is up to date.`
        : `Applied ${db.appliedMigrations.length} migration(s) to ${db.location}: ${db.appliedMigrations.join(", ")}`,
    );
  } finally {
    await db.close();
  }
}

function settingsForBackups(command: "backup" | "restore") {
  const env = databaseEnvSchema.safeParse(process.env);
  if (!env.success) fail(describeEnvIssues(env.error).join("\n"));
  if (env.data.DATABASE_URL !== undefined) {
    fail(
      command === "backup"
        ? 'The database is PostgreSQL (DATABASE_URL is set): back it up with pg_dump, e.g. pg_dump --format=custom --file=redlines.dump "$DATABASE_URL" (README, Backups).'
        : 'The database is PostgreSQL (DATABASE_URL is set): restore a pg_dump backup with pg_restore, e.g. pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" redlines.dump (README, Backups).',
    );
  }
  return env.data;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

async function backup(file: string, force: boolean): Promise<void> {
  const { DATA_DIR } = settingsForBackups("backup");
  const taken = await takeBackup(DATA_DIR, file, force);
  console.log(
    `Backed up the embedded database in ${DATA_DIR} to ${taken.file} (${megabytes(taken.bytes)}), ${
      taken.from === "server"
        ? `taken by the running server (pid ${taken.pid}) without stopping it`
        : "taken from the folder (no server was running on it)"
    }.`,
  );
}

async function restore(file: string, replace: boolean): Promise<void> {
  const { DATA_DIR } = settingsForBackups("restore");
  const restored = await restoreBackup(DATA_DIR, file, replace);
  const { workshops, tables, events } = restored.counts;
  const migrated =
    restored.appliedMigrations.length > 0
      ? `; ${restored.appliedMigrations.length} migration(s) applied to bring it up to this version`
      : "";
  const aside = restored.movedAside ? ` The folder that was there is kept as ${restored.movedAside}.` : "";
  console.log(
    `Restored ${path.resolve(file)} into ${DATA_DIR}: ${workshops} workshop(s), ${tables} table(s), ${events} event(s)${migrated}.${aside} Start the server on it (DATA_DIR=${DATA_DIR}).`,
  );
}

async function newMigration(name: string): Promise<void> {
  const scratch = await startEmbeddedPostgres(null);
  const sql = await diffSchemaAgainstSnapshot(scratch.url).finally(() => scratch.stop());
  if (sql === null) {
    console.log("schema.prisma matches the committed migrations: no migration written.");
    return;
  }
  const folder = path.join(migrationsDir, `${timestamp(new Date())}_${name.replaceAll("-", "_")}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  await writeFile(
    path.join(migrationsDir, "migration_lock.toml"),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  await copyFile(schemaPath, snapshotPath);
  console.log(`Wrote ${path.relative(process.cwd(), path.join(folder, "migration.sql"))}`);
}

if (existsSync(".env")) process.loadEnvFile(".env");
const argv = process.argv.slice(2);
if (argv[0] === "backup" || argv[0] === "restore") {
  const rest = argv.slice(1).filter((arg) => arg !== "--");
  const given = backupArgsSchema.safeParse({
    command: argv[0],
    files: rest.filter((arg) => !arg.startsWith("--")),
    options: rest.filter((arg) => arg.startsWith("--")),
  });
  if (!given.success) fail([...new Set(given.error.issues.map((issue) => issue.message))].join(" "));
  const { command, files, options } = given.data;
  const [file = ""] = files;
  try {
    await (command === "backup" ? backup(file, options.length > 0) : restore(file, options.length > 0));
  } catch (error) {
    fail((error as Error).message);
  }
  process.exit(0);
}
const parsed = argsSchema.safeParse(argv);
if (!parsed.success) {
  const nameIssue = parsed.error.issues
    .flatMap((issue) => (issue.code === "invalid_union" ? issue.errors.flat() : [issue]))
    .find((issue) => issue.path[0] === 1 && issue.code === "invalid_format");
  fail(
    nameIssue?.message ??
      "usage: db:migrate | db:new-migration -- <name> | db:backup -- <file> [--force] | db:restore -- <file> [--replace]",
  );
}
const [command, name] = parsed.data;
try {
  await (command === "migrate" ? migrate() : newMigration(name ?? ""));
} catch (error) {
  fail((error as Error).message);
}
// The wasm schema engine leaves a timer behind that would hold the process open for seconds.
process.exit(0);
