// The database runtime: opens the embedded PGlite or a PostgreSQL server, migrates, returns Prisma.
import { createPrismaClient, type Db } from "./client.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.ts";
import { applyMigrations } from "./migrations.ts";
import type { DatabaseSettings } from "./settings.ts";

export type { Prisma } from "../generated/client.ts";
export { createPrismaClient, type Db } from "./client.ts";
export { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.ts";
export {
  type AppendObserver,
  appendEvents,
  createEventAppender,
  type EventAppender,
  LogConflictError,
  type NewEvent,
  readEvents,
  type StoredEvent,
} from "./eventLog.ts";
export {
  applyMigrations,
  diffSchemaAgainstSnapshot,
  pendingMigrations,
  readMigrations,
} from "./migrations.ts";
export { type DatabaseSettings, databaseEnvSchema, describeEnvIssues } from "./settings.ts";

export type Database = {
  prisma: Db;
  /** "embedded" (PGlite in this process) or "postgresql" (a server at DATABASE_URL). */
  kind: "embedded" | "postgresql";
  /** Where it lives, for the start-up banner: a folder, or the server's host:port/db (no password). */
  location: string;
  appliedMigrations: string[];
  close(): Promise<void>;
};

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** Opens the configured database and brings its schema up to date before anything reads it. */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  const embedded: EmbeddedPostgres | undefined =
    settings.DATABASE_URL === undefined ? await startEmbeddedPostgres(settings.DATA_DIR) : undefined;
  const url = settings.DATABASE_URL ?? (embedded as EmbeddedPostgres).url;
  try {
    const appliedMigrations = await applyMigrations(url).catch((error: Error) => {
      throw new Error(`Could not migrate the database at ${describeUrl(url)}: ${error.message}`);
    });
    // PGlite runs one query at a time, so one pooled connection is all it can use.
    const prisma = createPrismaClient(url, embedded ? 1 : settings.DATABASE_POOL_SIZE);
    await prisma.$connect();
    return {
      prisma,
      kind: embedded ? "embedded" : "postgresql",
      location: embedded ? settings.DATA_DIR : describeUrl(url),
      appliedMigrations,
      async close() {
        await prisma.$disconnect();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
