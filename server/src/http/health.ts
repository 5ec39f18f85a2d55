// What a process manager, a load balancer and Prometheus ask: GET /healthz (the process is alive),
// GET /readyz (the database answers a query, its migrations are applied, Redis answers a PING when
// configured) and GET /metrics (behind METRICS_TOKEN). Small JSON bodies, never cached; failures
// are named in a sentence and logged once when readiness changes. docs/protocol.md, "Health".
import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Application, Request, Response } from "express";
import type { Logger } from "../logging.ts";
import type { ServerMetrics } from "../metrics.ts";
import { requestLog } from "./requestLog.ts";
import { fail } from "./requests.ts";

/** The product's version, from the root package.json. */
export const version: string = (
  JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** How long a check may take before readiness counts it as failed. */
const checkTimeoutMs = 2_000;

export type HealthOptions = {
  logger: Logger;
  startedAt: number;
  /** Resolves when the database answers a query. */
  database(): Promise<void>;
  /** Migrations in the folder the database has not applied. */
  pendingMigrations(): Promise<string[]>;
  /** Resolves when Redis answers a PING; absent when REDIS_URL is not set. */
  redis?: (() => Promise<void>) | undefined;
  metrics: ServerMetrics;
  /** METRICS_TOKEN; unset: /metrics answers 404. */
  metricsToken?: string | undefined;
};

type CheckState = "ok" | "failed" | "not checked" | "not configured";
type Checks = { database: CheckState; migrations: CheckState; redis: CheckState };

function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${checkTimeoutMs / 1000} seconds`)),
      checkTimeoutMs,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function noStore(res: Response) {
  res.setHeader("Cache-Control", "no-store");
}

const digest = (value: string) => createHash("sha256").update(value).digest();

export function mountHealth(app: Application, options: HealthOptions): void {
  const { logger } = options;
  let wasReady: boolean | undefined;

  app.get("/healthz", (_req: Request, res: Response) => {
    noStore(res);
    res.json({
      status: "ok",
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
      version,
    });
  });

  app.get("/readyz", async (req: Request, res: Response) => {
    noStore(res);
    const checks: Checks = {
      database: "not checked",
      migrations: "not checked",
      redis: options.redis ? "not checked" : "not configured",
    };
    const problems: string[] = [];
    const errors: Record<string, string> = {};
    const database = (async () => {
      try {
        await within(options.database(), "The database");
        checks.database = "ok";
      } catch (error) {
        checks.database = "failed";
        errors.database = (error as Error).message;
        problems.push("The database does not answer a query.");
        return;
      }
      try {
        const pending = await within(options.pendingMigrations(), "The migrations table");
        checks.migrations = pending.length === 0 ? "ok" : "failed";
        if (pending.length > 0) {
          problems.push(
            `The database lacks ${pending.length} migration(s) this server needs (${pending.join(", ")}): restart the server or run npm run db:migrate.`,
          );
        }
      } catch (error) {
        checks.migrations = "failed";
        errors.migrations = (error as Error).message;
        problems.push("The database's migrations could not be read.");
      }
    })();
    const redis = (async () => {
      if (!options.redis) return;
      try {
        await within(options.redis(), "Redis");
        checks.redis = "ok";
      } catch (error) {
        checks.redis = "failed";
        errors.redis = (error as Error).message;
        problems.push("Redis (REDIS_URL) does not answer a PING.");
      }
    })();
    await Promise.all([database, redis]);
    const ready = problems.length === 0;
    if (ready !== wasReady) {
      // Once per change, not once per probe: a monitor asks every few seconds.
      const log = requestLog(req, logger);
      if (ready)
        log.info({ checks }, "ready: the database answers and is migrated, Redis answers if configured");
      else log.warn({ checks, errors }, `not ready: ${problems.join(" ")}`);
      wasReady = ready;
    }
    if (ready) res.json({ status: "ready", checks });
    else res.status(503).json({ status: "not ready", checks, message: problems.join(" ") });
  });

  const token = options.metricsToken === undefined ? undefined : digest(options.metricsToken);
  app.get("/metrics", async (req: Request, res: Response) => {
    noStore(res);
    if (token === undefined) {
      // As if there were no such address: nothing tells a stranger that metrics exist here.
      fail(res, 404, { code: "not-found", reason: "address", message: "There is nothing at this address." });
      return;
    }
    const header = req.headers.authorization ?? "";
    const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    if (!timingSafeEqual(digest(given), token)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      fail(res, 401, {
        code: "metrics-token-required",
        message: "Metrics need the server's metrics token: Authorization: Bearer <METRICS_TOKEN>.",
      });
      return;
    }
    res.setHeader("Content-Type", options.metrics.registry.contentType);
    res.send(await options.metrics.registry.metrics());
  });
}
