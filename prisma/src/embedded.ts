// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) in a thread of this
// process (embeddedWorker.mjs), served on a loopback port so Prisma reaches it through the same pg
// adapter as a real server.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

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
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  let releaseLock: () => Promise<void> = async () => {};
  if (dataDir !== null) {
    await mkdir(dataDir, { recursive: true });
    releaseLock = await takeLock(dataDir);
  }
  const worker = new Worker(new URL("./embeddedWorker.mjs", import.meta.url), {
    workerData: { dataDir, ...(await compiledModules()) },
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
  let stopping: Promise<void> | undefined;
  return {
    url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
    dataDir,
    stop() {
      stopping ??= (async () => {
        const stopped = new Promise<void>((resolve) => {
          worker.once("message", () => resolve());
          worker.once("exit", () => resolve());
        });
        worker.postMessage("stop");
        await stopped;
        await worker.terminate();
        await releaseLock();
      })();
      return stopping;
    },
  };
}
