// Backups of the embedded database while a server runs. PGlite is owned by one process, and only
// that process can copy it consistently (between queries, no transaction open), so the process
// holding a data folder listens on a local socket that only its own user can open; `npm run
// db:backup` finds the socket through the folder's lock file and asks for the copy there.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { chmod, rename, rm } from "node:fs/promises";
import { createServer, request } from "node:http";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";

export type BackupService = { socketPath: string; close(): Promise<void> };

/**
 * The socket of this process for this data folder: in the temporary folder (a socket's path is
 * limited to about 100 bytes, and a socket inside the data folder would end up in its tarball).
 */
function socketPathFor(dataDir: string): string {
  const tag = `${process.pid}-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`;
  return process.platform === "win32"
    ? `\\\\.\\pipe\\red-lines-backup-${tag}`
    : path.join(os.tmpdir(), `red-lines-backup-${tag}.sock`);
}

/** Answers `POST /backup` on a local socket with a dump of the database (one at a time). */
export async function serveBackups(dataDir: string, dump: () => Promise<Uint8Array>): Promise<BackupService> {
  const socketPath = socketPathFor(dataDir);
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/backup") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("POST /backup only.\n");
      return;
    }
    const taken = queue.then(dump);
    queue = taken.catch(() => undefined);
    taken.then(
      (data) => {
        res.writeHead(200, { "content-type": "application/gzip", "content-length": data.byteLength });
        res.end(data);
      },
      (error: Error) => {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`${error.message}\n`);
      },
    );
  });
  if (process.platform !== "win32") await rm(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  // Only this user (who can read the data folder anyway) may ask for a copy of it.
  if (process.platform !== "win32") await chmod(socketPath, 0o600);
  return {
    socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Asks the process serving `socketPath` for a backup and writes it to `file` (through a temporary
 * file beside it, renamed once complete, so a failed backup never leaves a truncated file). Returns
 * the backup's size in bytes.
 */
export async function requestBackup(socketPath: string, file: string): Promise<number> {
  const partial = `${file}.partial`;
  try {
    const bytes = await new Promise<number>((resolve, reject) => {
      const req = request({ socketPath, path: "/backup", method: "POST" }, (res) => {
        if (res.statusCode !== 200) {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
          });
          res.on("end", () => reject(new Error(text.trim() || `the server answered ${res.statusCode}`)));
          return;
        }
        let received = 0;
        res.on("data", (chunk: Buffer) => {
          received += chunk.length;
        });
        pipeline(res, createWriteStream(partial, { mode: 0o600 })).then(() => resolve(received), reject);
      });
      req.on("error", reject);
      req.end();
    });
    await rename(partial, file);
    return bytes;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
