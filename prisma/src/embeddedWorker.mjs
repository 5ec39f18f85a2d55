// The embedded database's own thread: PGlite (PostgreSQL in WebAssembly) and the loopback socket
// server Prisma reaches it through. Run here, PostgreSQL's work takes the machine's second core
// instead of the event loop that serves the tables. Plain JavaScript, so it loads the same under
// tsx, vitest and node. Told { dataDir } (null: in memory), the compiled modules and, to restore
// a backup, { loadDataDir } (a tarball's bytes) at start; answers { conn } or { error }.
// Messages: { type: "dump", id } answers { type: "dumped", id, data } (a gzipped tarball of the
// data folder) or { type: "dump-failed", id, error }; { type: "stop" } closes the socket server
// and the database and answers { type: "stopped" }.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const port = parentPort;
if (!port) throw new Error("embeddedWorker.mjs runs as a worker thread");

/**
 * PGlite is one PostgreSQL session that the socket server shares out, keeping a transaction's
 * statements together. A dump runs between queries (PGlite's own lock), and is taken once no
 * transaction is open, so it holds exactly what was committed. Even a dump taken mid-transaction
 * would restore like a crash at that instant (the open transaction rolled back by the WAL).
 */
async function dump(db) {
  for (let waited = 0; db.isInTransaction() && waited < 5_000; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const tarball = await db.dumpDataDir("gzip");
  return new Uint8Array(await tarball.arrayBuffer());
}

async function start() {
  const { dataDir, pgliteWasmModule, initdbWasmModule, loadDataDir } = workerData;
  // The WebAssembly compiled once by the process (embedded.ts), not again by every thread.
  const options = {
    pgliteWasmModule,
    initdbWasmModule,
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
  };
  const db = dataDir === null ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  // Several connections are accepted (the migration engine, the app's pool, a psql for
  // inspection); the socket server queues their queries and keeps a transaction's together.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  port.on("message", async (message) => {
    if (message?.type === "dump") {
      try {
        const data = await dump(db);
        port.postMessage({ type: "dumped", id: message.id, data }, [data.buffer]);
      } catch (error) {
        port.postMessage({
          type: "dump-failed",
          id: message.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return;
    }
    if (message?.type !== "stop") return;
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    port.postMessage({ type: "stopped" });
  });
  port.postMessage({ conn: server.getServerConn() });
}

start().catch((error) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }));
