// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) in this process,
// served on a loopback port so Prisma reaches it through the same pg adapter as a real server.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  url: string;
  dataDir: string | null;
  stop(): Promise<void>;
};

/**
 * PGlite is single-process: two processes opening one data folder would corrupt it. A lock file
 * holding our pid turns that mistake into a clear error; a lock left by a dead process is taken over.
 */
async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, "red-lines.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by ${holder === process.pid ? "this" : "another"} process (pid ${holder}). ` +
            "Stop that process, or set DATA_DIR to another folder, or set DATABASE_URL to use a PostgreSQL server.",
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on the embedded database in ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Starts PGlite on `dataDir` (or in memory when null) and serves it on 127.0.0.1 at a free port. */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  let releaseLock: () => Promise<void> = async () => {};
  if (dataDir !== null) {
    await mkdir(dataDir, { recursive: true });
    releaseLock = await takeLock(dataDir);
  }
  let db: PGlite;
  try {
    db = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  } catch (error) {
    await releaseLock();
    throw new Error(`Could not open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  // Several connections are accepted (the migration engine, the app's pool, a psql for inspection);
  // the socket server queues their queries and keeps a transaction's queries together.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    dataDir,
    async stop() {
      await server.stop();
      await db.close();
      await releaseLock();
    },
  };
}
