// A private PostgreSQL server for tests: its own data folder and a free loopback port, no service.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startPrivatePostgres, stopPrivatePostgres } from "@red-lines/server/deploy/postgres";
import pg from "pg";
import { freePort } from "./ports.ts";

export type PostgresServer = { url: string; stop(): Promise<void> };

/** A throwaway server: a temporary folder, no crash safety (fast), deleted when stopped. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "red-lines-pg-"));
  const server = await startPrivatePostgres(folder, await freePort(), { durable: false });
  return {
    url: server.url,
    async stop() {
      await stopPrivatePostgres(folder, "immediate").catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the server, so test files never see each other's rows. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/[^a-z0-9_]/g, "_")}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name.replace(/[^a-z0-9_]/g, "_")}`;
  return url.toString();
}

/**
 * Takes a database away as an outage would (no new connections, the open ones ended), or gives it
 * back. `admin` is a client connected to the same server as someone other than the database's users.
 */
export async function cutDatabase(admin: pg.Client, name: string, allow: boolean) {
  await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allow ? "true" : "false"}`);
  if (!allow) {
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  }
}
