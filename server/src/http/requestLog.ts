// Every HTTP request gets an id (the proxy's X-Request-Id when it is a sane token, else a new
// one), echoed in the answer's X-Request-Id, carried by every log line written for the request,
// and one line when the answer is done: method, path (no query string: observer links carry a
// token there), status and time. Colyseus' own routes and Next's pages are counted too: the
// tracker runs first on the server's "request" event, before any of them.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction } from "express";
import type { Logger } from "../logging.ts";

/** What a proxy or a load balancer sends as a request id: UUIDs, hex, base64url, dotted ids. */
const saneRequestId = /^[A-Za-z0-9._:/+=-]{1,128}$/;

const loggers = new WeakMap<IncomingMessage, Logger>();
const current = new AsyncLocalStorage<Logger>();

/** Probes and built assets, logged at debug: they would drown the lines worth reading. */
const quietPaths = /^\/(healthz|readyz|metrics|__healthcheck|favicon\.ico)$|^\/_next\//;

/** The path as logged: no query, and a join code (the class's way in) not written down. */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.replace(/^(\/api)?\/join\/[^/]+/, "$1/join/:code").slice(0, 200);
}

export function createRequestTracker(logger: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && saneRequestId.test(given) ? given : randomUUID();
    res.setHeader("X-Request-Id", requestId);
    const log = logger.child({ requestId });
    loggers.set(req, log);
    const started = performance.now();
    // Read now: routers mounted under a path (the API's /api) rewrite req.url as they route.
    const path = loggedPath(req.url);
    res.once("close", () => {
      const fields = {
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      const level = res.statusCode >= 500 ? "warn" : quietPaths.test(path) ? "debug" : "info";
      log[level](fields, res.writableFinished ? "request completed" : "request closed before its answer");
    });
  };
}

/** The request's logger (its lines carry its id), or `fallback` for a request the tracker never saw. */
export function requestLog(req: IncomingMessage, fallback: Logger): Logger {
  return loggers.get(req) ?? fallback;
}

/**
 * Express middleware: code that logs without the request at hand (a router that takes a plain
 * `log(line)` function) finds its logger with `currentRequestLog`.
 */
export function withRequestLog(req: IncomingMessage, _res: ServerResponse, next: NextFunction): void {
  const log = loggers.get(req);
  if (log) current.run(log, next);
  else next();
}

/** The logger of the request being handled, or `fallback` outside of one. */
export function currentRequestLog(fallback: Logger): Logger {
  return current.getStore() ?? fallback;
}
