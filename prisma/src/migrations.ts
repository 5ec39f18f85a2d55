// Applies and creates Prisma migrations without the Prisma CLI's native engine (which cannot be
// downloaded here): the same schema engine compiled to WebAssembly, talking through the pg adapter.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import type { Db } from "./client.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const prismaDir = path.resolve(here, "..");
export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");
const lockfileName = "migration_lock.toml";
const noFilters = { externalTables: [], externalEnums: [] };

type SchemaEngine = engineBindings.SchemaEngine;
type MigrationList = engineBindings.MigrationList;

let wasmReady: Promise<void> | undefined;

// Node has WebAssembly; the server's type library (no DOM) does not declare it.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(
        bytes: Uint8Array,
        imports: Record<string, object>,
      ): Promise<{ instance: { exports: Record<string, unknown> } }>;
    };
  }
).WebAssembly;

/** The package's entry imports the .wasm file as an ES module, which Node cannot; instantiate it by hand. */
function loadEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports no ./package.json; locate the .wasm beside its resolved bindings.
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await wasmRuntime.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": engineBindings,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

async function withEngine<T>(url: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadEngineWasm();
  // Our own pool, so that it can be closed: an idle pool left open keeps the process alive.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const schema = await readFile(schemaPath, "utf8");
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    adapter,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Reads prisma/migrations in Prisma's folder format: <stamp>_<name>/migration.sql plus the lock file. */
export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => ({
      path: folder,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(dir, folder, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  const lockContent = await readFile(path.join(dir, lockfileName), "utf8").catch(() => undefined);
  return {
    baseDir: dir,
    lockfile: { path: lockfileName, content: lockContent ?? null },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

let folderNames: Promise<string[]> | undefined;

/**
 * Migrations in the folder that the database has not recorded as applied: none when it is current
 * (a readiness check; the folder is read once, since it does not change while a server runs).
 */
export async function pendingMigrations(prisma: Db): Promise<string[]> {
  folderNames ??= readdir(migrationsDir, { withFileTypes: true }).then((entries) =>
    entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  );
  const expected = await folderNames;
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.name));
  return expected.filter((name) => !applied.has(name)).sort();
}

/** Applies every pending migration; returns the names applied (empty when the database is current). */
export async function applyMigrations(url: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withEngine(url, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  });
}

/**
 * Migration history is diffed from a snapshot of the schema as of the latest migration
 * (migrations/schema.snapshot.prisma, written with each new migration) rather than by replaying the
 * migrations into a shadow database: the engine cannot introspect a database through the pg adapter.
 */
export const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");

/** The SQL that takes the schema of the latest migration to the current schema.prisma, or null if they agree. */
export async function diffSchemaAgainstSnapshot(scratchUrl: string): Promise<string | null> {
  const schema = await readFile(schemaPath, "utf8");
  const snapshot = await readFile(snapshotPath, "utf8").catch(() => undefined);
  // The engine connects even for a schema-to-schema diff; it is given an empty scratch database.
  return withEngine(scratchUrl, async (engine) => {
    const result = await engine.diff({
      from:
        snapshot === undefined
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: snapshot }] },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  });
}
