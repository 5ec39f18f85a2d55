// What a process manager and a load balancer ask: /healthz (alive) and /readyz (the database
// answers and is migrated, Redis answers when configured), on both databases; readiness fails,
// naming the database, while PostgreSQL is away, and comes back with it; Redis likewise.
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { type Backend, backends } from "../support/backends.ts";
import { cutDatabase } from "../support/postgres.ts";
import { startRedis } from "../support/redis.ts";
import { startTestServer } from "../support/server.ts";
import { waitFor } from "../support/wait.ts";

const cleanups: (() => unknown)[] = [];
/** Each test starts a server with its own database: seconds on a busy machine. */
const serverTestTimeout = 120_000;

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverOn(backend: Backend, env: Record<string, string> = {}) {
  const server = await startTestServer(backend, env);
  cleanups.push(() => server.stop());
  return server;
}

type Readiness = {
  status: string;
  checks: { database: string; migrations: string; redis: string };
  message?: string;
};

async function get<T>(url: string, path: string) {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

describe.each(backends)("health on %s", (backend) => {
  it(
    "says the process is alive and ready, in small uncached JSON with the security headers",
    async () => {
      const server = await serverOn(backend);
      const alive = await get<Record<string, unknown>>(server.url, "/healthz");
      expect(alive.status).toBe(200);
      expect(alive.body).toEqual({ status: "ok", uptimeSeconds: expect.any(Number), version: "0.1.0" });
      const ready = await get<Readiness>(server.url, "/readyz");
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({
        status: "ready",
        checks: { database: "ok", migrations: "ok", redis: "not configured" },
      });
      for (const answer of [alive, ready]) {
        expect(answer.headers.get("cache-control")).toBe("no-store");
        expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
        expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");
        expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      }
      // Colyseus' own probe still answers.
      const colyseus = await fetch(`${server.url}/__healthcheck`);
      expect(colyseus.status).toBe(200);
    },
    serverTestTimeout,
  );
});

describe("readiness on PostgreSQL", () => {
  it(
    "answers 503 naming the database while it is away, and 200 again once it is back",
    async () => {
      const server = await serverOn("postgresql");
      const name = server.database.location.split("/").at(-1) as string;
      const admin = new pg.Client({ connectionString: inject("postgresUrl") });
      await admin.connect();
      cleanups.push(() => admin.end());
      await cutDatabase(admin, name, false);
      try {
        const down = await get<Readiness>(server.url, "/readyz");
        expect(down.status).toBe(503);
        expect(down.body).toEqual({
          status: "not ready",
          checks: { database: "failed", migrations: "not checked", redis: "not configured" },
          message: "The database does not answer a query.",
        });
        expect(down.headers.get("cache-control")).toBe("no-store");
        // Still alive: a process manager must not restart it for its database.
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        expect(
          server.records.some(
            (line) => line.level === "warn" && line.msg.startsWith("not ready: The database"),
          ),
        ).toBe(true);
      } finally {
        await cutDatabase(admin, name, true);
      }
      await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 200, {
        timeout: 20_000,
        interval: 250,
        what: "readiness once the database is back",
      });
    },
    serverTestTimeout,
  );

  it(
    "answers 503 when a migration this server needs is missing",
    async () => {
      const server = await serverOn("postgresql");
      await server.database.prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = (
      SELECT max(migration_name) FROM _prisma_migrations)`;
      const missing = await get<Readiness>(server.url, "/readyz");
      expect(missing.status).toBe(503);
      expect(missing.body.checks).toEqual({ database: "ok", migrations: "failed", redis: "not configured" });
      expect(missing.body.message).toMatch(
        /^The database lacks 1 migration\(s\) this server needs \(\d+_\w+\)/,
      );
    },
    serverTestTimeout,
  );

  it(
    "checks Redis when REDIS_URL is set: ready while it answers, 503 naming it once it is gone",
    async () => {
      const redisCleanups: (() => unknown)[] = [];
      const redisUrl = await startRedis(redisCleanups);
      cleanups.push(async () => {
        for (const cleanup of redisCleanups) await cleanup();
      });
      const server = await serverOn("postgresql", { REDIS_URL: redisUrl });
      const ready = await get<Readiness>(server.url, "/readyz");
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toEqual({ database: "ok", migrations: "ok", redis: "ok" });
      for (const stop of redisCleanups) await stop();
      await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 503, {
        timeout: 10_000,
        interval: 100,
        what: "readiness to fail without Redis",
      });
      const down = await get<Readiness>(server.url, "/readyz");
      expect(down.body.checks).toEqual({ database: "ok", migrations: "ok", redis: "failed" });
      expect(down.body.message).toBe("Redis (REDIS_URL) does not answer a PING.");
    },
    serverTestTimeout,
  );
});
