// The embedded database's own thread: PGlite (PostgreSQL in WebAssembly) and the loopback socket
// server Prisma reaches it through. Run here, PostgreSQL's work takes the machine's second core
// instead of the event loop that serves the tables. Plain JavaScript, so it loads the same under
// tsx, vitest and node. Told { dataDir } (null: in memory) and the compiled modules at start; answers { port } or
// { error }; on "stop" closes the socket server and the database and answers "stopped".
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const port = parentPort;
if (!port) throw new Error("embeddedWorker.mjs runs as a worker thread");

async function start() {
  const { dataDir, pgliteWasmModule, initdbWasmModule } = workerData;
  // The WebAssembly compiled once by the process (embedded.ts), not again by every thread.
  const options = { pgliteWasmModule, initdbWasmModule };
  const db = dataDir === null ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  // Several connections are accepted (the migration engine, the app's pool, a psql for
  // inspection); the socket server queues their queries and keeps a transaction's together.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  port.on("message", async (message) => {
    if (message !== "stop") return;
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    port.postMessage("stopped");
  });
  port.postMessage({ conn: server.getServerConn() });
}

start().catch((error) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }));
