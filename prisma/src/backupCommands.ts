// `npm run db:backup` and `npm run db:restore` for the embedded database: a backup is PGlite's
// tarball of the data folder, taken by the process holding the folder (backup.ts) or, when none
// does, by opening the folder for the time of the copy; a restore loads one into an empty folder.
import { existsSync } from "node:fs";
import { open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { requestBackup } from "./backup.ts";
import { createPrismaClient } from "./client.ts";
import { lockFileName, lockHolder, startEmbeddedPostgres } from "./embedded.ts";
import { applyMigrations } from "./migrations.ts";

/** Writes bytes to `file` through a temporary file beside it, so a failure never leaves half a file. */
async function writeWhole(file: string, data: Uint8Array): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await writeFile(partial, data, { mode: 0o600 });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export type BackupTaken = { file: string; bytes: number; from: "server" | "folder"; pid: number };

/**
 * `npm run db:backup -- <file>`: from the running server that holds the data folder (asked over
 * its socket), or, when none does, from the folder itself, opened for the time of the copy.
 */
export async function takeBackup(dataDir: string, target: string, force: boolean): Promise<BackupTaken> {
  const file = path.resolve(target);
  const folder = path.dirname(file);
  if (!existsSync(folder))
    throw new Error(`The folder ${folder} does not exist: create it, or choose another.`);
  if (existsSync(file) && !force) {
    throw new Error(`${file} already exists: choose another file name, or add --force to overwrite it.`);
  }
  if (existsSync(file) && (await stat(file)).isDirectory()) {
    throw new Error(
      `${file} is a folder: name the backup file, such as ${path.join(file, "red-lines.tar.gz")}.`,
    );
  }
  const holder = await lockHolder(dataDir);
  if (holder && !holder.self) {
    if (!holder.backupSocket) {
      throw new Error(
        `The embedded database in ${dataDir} is held by process ${holder.pid}, which does not answer backup requests (a version from before backups): stop it, then run the backup again.`,
      );
    }
    const bytes = await requestBackup(holder.backupSocket, file).catch((error: Error) => {
      throw new Error(
        `The server (pid ${holder.pid}) holding ${dataDir} could not make the backup: ${error.message}`,
      );
    });
    return { file, bytes, from: "server", pid: holder.pid };
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`There is no embedded database in ${dataDir} to back up: set DATA_DIR to its folder.`);
  }
  const embedded = await startEmbeddedPostgres(dataDir, { serveBackups: false });
  try {
    const data = await embedded.dump();
    await writeWhole(file, data);
    return { file, bytes: data.byteLength, from: "folder", pid: process.pid };
  } finally {
    await embedded.stop();
  }
}

/** Whether the bytes start like a backup: a gzip stream, or a plain tar archive. */
async function looksLikeBackup(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
    return bytesRead >= 262 && head.toString("latin1", 257, 262) === "ustar";
  } finally {
    await handle.close();
  }
}

export type BackupRestored = {
  dataDir: string;
  movedAside: string | null;
  appliedMigrations: string[];
  counts: { workshops: number; tables: number; events: number };
};

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

/**
 * `npm run db:restore -- <file>`: makes `dataDir` the database of the backup. Refused while a
 * process holds the folder, and into a folder that holds anything unless `replace` (which moves it
 * aside, never deletes it). The restored database is opened, migrated to this version and counted,
 * so a bad backup fails here rather than at the next start; on failure the folder is as it was.
 */
export async function restoreBackup(
  dataDir: string,
  source: string,
  replace: boolean,
): Promise<BackupRestored> {
  const file = path.resolve(source);
  if (!existsSync(file)) throw new Error(`There is no file ${file} to restore.`);
  if ((await stat(file)).isDirectory() || !(await looksLikeBackup(file))) {
    throw new Error(
      `${file} is not a backup made by npm run db:backup (a gzipped tarball of the data folder).`,
    );
  }
  const holder = await lockHolder(dataDir);
  if (holder) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by ${holder.self ? "this" : "a running"} process (pid ${holder.pid}): a restore would replace it under the server. Stop the server first, or restore into another folder: DATA_DIR=<new folder> npm run db:restore -- ${source}`,
    );
  }
  const present = existsSync(dataDir) ? (await readdir(dataDir)).filter((name) => name !== lockFileName) : [];
  let movedAside: string | null = null;
  if (present.length > 0) {
    if (!replace) {
      throw new Error(
        `${dataDir} is not empty (it holds a database, or other files): restore into a new folder (DATA_DIR=<new folder> npm run db:restore -- ${source}), or add --replace to move ${dataDir} aside first (it is kept, renamed).`,
      );
    }
    movedAside = `${dataDir}.before-restore-${stamp(new Date())}`;
    await rename(dataDir, movedAside);
  }
  const data = new Uint8Array(await readFile(file));
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  try {
    embedded = await startEmbeddedPostgres(dataDir, { loadDataDir: data, serveBackups: false });
    const appliedMigrations = await applyMigrations(embedded.url);
    const prisma = createPrismaClient(embedded.url, 1);
    try {
      const [workshops, tables, events] = await Promise.all([
        prisma.workshop.count(),
        prisma.table.count(),
        prisma.event.count(),
      ]);
      return { dataDir, movedAside, appliedMigrations, counts: { workshops, tables, events } };
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    await embedded?.stop();
    embedded = undefined;
    await rm(dataDir, { recursive: true, force: true });
    if (movedAside) await rename(movedAside, dataDir);
    throw new Error(
      `Could not restore ${file}: ${(error as Error).message}. ${movedAside ? `${dataDir} is back as it was.` : `Nothing was left in ${dataDir}.`}`,
    );
  } finally {
    await embedded?.stop();
  }
}
