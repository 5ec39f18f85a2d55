// The two database set-ups every database test runs against: the embedded default and PostgreSQL.

import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type DatabaseSettings, databaseEnvSchema } from "@red-lines/db";
import { inject } from "vitest";
import { createDatabase } from "./postgres.ts";

export type Backend = "embedded" | "postgresql";
export const backends: Backend[] = ["embedded", "postgresql"];

/** Settings for a fresh, empty database of the given kind, and a cleanup for afterwards. */
export async function freshDatabaseSettings(
  backend: Backend,
): Promise<{ settings: DatabaseSettings; dataDir: string; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "red-lines-db-"));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  if (backend === "postgresql") {
    env.DATABASE_URL = await createDatabase(
      inject("postgresUrl"),
      `test_${randomUUID().replaceAll("-", "")}`,
    );
  }
  return {
    settings: databaseEnvSchema.parse(env),
    dataDir,
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}
