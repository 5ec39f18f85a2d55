// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) in a thread of this
// process (embeddedWorker.mjs), served on a loopback port so Prisma reaches it through the same pg
// adapter as a real server. Whoever holds a data folder also answers backup requests for it
// (backup.ts), since only the process that owns PGlite can take a consistent copy.
import { mkdir, open, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { type BackupService, serveBackups } from "./backup.ts";

export type EmbeddedPostgres = {
  url: string;
  dataDir: string | null;
  /** A consistent copy of the whole database: a gzipped tarball of its data folder. */
  dump(): Promise<Uint8Array>;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Start from this backup (a tarball from dump()) instead of an empty database: a restore. */
  loadDataDir?: Uint8Array;
  /** Answer `npm run db:backup` over a local socket (default: whenever a data folder is open). */
  serveBackups?: boolean;
};

export const lockFileName = "red-lines.lock";

/** Who holds a data folder: the process's pid and, if it serves backups, its socket's path. */
export type LockHolder = { pid: number; backupSocket: string | null; self: boolean };

/** The live process holding the data folder's lock, or null when none does (or its holder died). */
export async function lockHolder(dataDir: string): Promise<LockHolder | null> {
  const text = await readFile(path.join(dataDir, lockFileName), "utf8").catch(() => "");
  const [first = "", second = ""] = text.split("\n");
  const pid = Number.parseInt(first, 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) return null;
  return { pid, backupSocket: second.trim() || null, self: pid === process.pid };
}

/**
 * PGlite is single-process: two processes opening one data folder would corrupt it. A lock file
 * holding our pid turns that mistake into a clear error; a lock left by a dead process is taken over.
 */
async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, lockFileName);
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

/** A compiled WebAssembly.Module (the project's TypeScript libraries do not declare WebAssembly). */
type CompiledModule = object;
type CompiledPglite = { pgliteWasmModule: CompiledModule; initdbWasmModule: CompiledModule };
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledModule> };
};
let compiled: Promise<CompiledPglite> | undefined;

/** PGlite's WebAssembly, compiled once per process: each start's thread gets the compiled modules. */
function compiledModules(): Promise<CompiledPglite> {
  compiled ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const [pgliteWasmModule = {}, initdbWasmModule = {}] = await Promise.all(
      ["pglite.wasm", "initdb.wasm"].map(async (file) => wasm.compile(await readFile(path.join(dist, file)))),
    );
    return { pgliteWasmModule, initdbWasmModule };
  })();
  compiled.catch(() => {
    compiled = undefined;
  });
  return compiled;
}

/**
 * Starts PGlite on `dataDir` (or in memory when null) in its own thread, served on 127.0.0.1 at a
 * free port.
 */
export async function startEmbeddedPostgres(
  dataDir: string | null,
  options: EmbeddedOptions = {},
): Promise<EmbeddedPostgres> {
  let releaseLock: () => Promise<void> = async () => {};
  if (dataDir !== null) {
    await mkdir(dataDir, { recursive: true });
    releaseLock = await takeLock(dataDir);
  }
  const loadDataDir = options.loadDataDir;
  const worker = new Worker(new URL("./embeddedWorker.mjs", import.meta.url), {
    workerData: { dataDir, ...(await compiledModules()), ...(loadDataDir ? { loadDataDir } : {}) },
    // Not the server's own flags (a loader, --cpu-prof): the thread runs plain JavaScript.
    execArgv: [],
  });
  let conn: string;
  try {
    conn = await new Promise<string>((resolve, reject) => {
      worker.once("message", (message: { conn?: string; error?: string }) =>
        message.conn ? resolve(message.conn) : reject(new Error(message.error ?? "no answer")),
      );
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`its thread stopped (code ${code})`)));
    });
  } catch (error) {
    await worker.terminate();
    await releaseLock();
    throw new Error(`Could not open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  const dumps = new Map<number, { resolve: (data: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextDump = 0;
  let onStopped = () => {};
  worker.on("message", (message: WorkerReply) => {
    if (message.type === "stopped") return onStopped();
    if (message.type !== "dumped" && message.type !== "dump-failed") return;
    const waiting = dumps.get(message.id);
    dumps.delete(message.id);
    if (message.type === "dumped") waiting?.resolve(message.data);
    else waiting?.reject(new Error(`The embedded database could not be copied: ${message.error}`));
  });
  const dump = () =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextDump++;
      dumps.set(id, { resolve, reject });
      worker.postMessage({ type: "dump", id });
    });
  let backups: BackupService | undefined;
  if (dataDir !== null && (options.serveBackups ?? true)) {
    try {
      backups = await serveBackups(dataDir, dump);
      // The lock names the socket, so `npm run db:backup` finds this process's.
      await writeFile(path.join(dataDir, lockFileName), `${process.pid}\n${backups.socketPath}\n`);
    } catch (error) {
      await backups?.close();
      worker.postMessage({ type: "stop" });
      await worker.terminate();
      await releaseLock();
      throw new Error(`Could not offer backups of the embedded database: ${(error as Error).message}`);
    }
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
    dataDir,
    dump,
    stop() {
      stopping ??= (async () => {
        await backups?.close();
        const stopped = new Promise<void>((resolve) => {
          onStopped = resolve;
          worker.once("exit", () => resolve());
        });
        worker.postMessage({ type: "stop" });
        await stopped;
        await worker.terminate();
        for (const waiting of dumps.values()) waiting.reject(new Error("The embedded database was closed."));
        dumps.clear();
        await releaseLock();
      })();
      return stopping;
    },
  };
}

type WorkerReply =
  | { type: "stopped" }
  | { type: "dumped"; id: number; data: Uint8Array }
  | { type: "dump-failed"; id: number; error: string };
