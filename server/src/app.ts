// Starts Red Lines in one process on one port: the Colyseus game server, the Next.js UI
// (unless `web` is off, as in protocol tests) and the database, embedded or PostgreSQL.
import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { matchMaker, Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { createEventAppender, type Database, openDatabase, pendingMigrations } from "@red-lines/db";
import { consoleRoomName, type HttpError, negotiationRoomName, wireLimits } from "@red-lines/shared/engine";
import type { Application } from "express";
import type { ServerEnv } from "./env.ts";
import { mountApi } from "./http/api.ts";
import { createHeaderSetter } from "./http/headers.ts";
import { mountHealth } from "./http/health.ts";
import { createRequestTracker, withRequestLog } from "./http/requestLog.ts";
import { colyseusLogger, createLogger, type Logger } from "./logging.ts";
import { createMetrics, type ServerMetrics } from "./metrics.ts";
import { connectRedis } from "./redis.ts";
import { createConsoleRoom } from "./rooms/ConsoleRoom.ts";
import { createNegotiationRoom } from "./rooms/NegotiationRoom.ts";
import { createTableRoom } from "./rooms/TableRoom.ts";
import { restoreRunningTables } from "./rooms/tableRooms.ts";
import { offerStoredScenarios } from "./studio/pageData.ts";
import { scheduleRetention } from "./workshops/retention.ts";

export type StartOptions = {
  env: ServerEnv;
  /** Serve the Next.js UI: "production" needs `next build` first; "development" compiles on demand. */
  web: "production" | "development" | false;
  /** Where log lines go; by default a logger made from LOG_LEVEL and LOG_FORMAT (logging.ts). */
  logger?: Logger;
};

export type RunningServer = {
  url: string;
  port: number;
  database: Database;
  logger: Logger;
  metrics: ServerMetrics;
  stop(): Promise<void>;
};

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../client");

function portProblem(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === "EADDRINUSE") {
    return new Error(
      `Port ${port} is already in use. Stop the program using it, or start on another port: PORT=${port + 1} npm start`,
    );
  }
  if (error.code === "EACCES")
    return new Error(`Port ${port} needs privileges this user does not have; use a port above 1023.`);
  if (error.code === "EADDRNOTAVAIL")
    return new Error(`HOST is not an address of this machine: ${error.message}`);
  return error;
}

/** Fails fast, before the database and the UI spend seconds starting, when the port is taken. */
function probePort(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => reject(portProblem(error, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Colyseus' listen() never settles when the port is taken; race it against the server's error. */
function listenError(http: HttpServer, port: number): Promise<never> {
  return new Promise((_, reject) => {
    http.once("error", (error: NodeJS.ErrnoException) => reject(portProblem(error, port)));
  });
}

/** The Origin check for WebSocket upgrades: same origin, or listed (HTTP CORS: http/headers.ts). */
function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser: no cross-site risk to guard against
  if (allowed.includes(origin)) return true;
  const host = req.headers.host;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { env } = options;
  const startedAt = Date.now();
  const logger =
    options.logger ??
    (await createLogger({
      ...env,
      development: options.web === "development" || env.NODE_ENV === "development",
    }));
  await probePort(env.PORT, env.HOST);
  const scale = env.REDIS_URL ? await connectRedis(env.REDIS_URL) : undefined;
  const database = await openDatabase(env).catch(async (error: Error) => {
    await scale?.close();
    throw error;
  });
  const metrics = createMetrics();
  const appender = createEventAppender(database.prisma, { observer: metrics.appendObserver });
  const http = createServer();
  let withdrawScenarios = () => {};

  try {
    let nextHandle:
      | ((req: IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>)
      | undefined;
    let nextUpgrade:
      | ((req: IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => Promise<void>)
      | undefined;
    let closeNext = async () => {};
    if (options.web) {
      const { default: next } = await import("next");
      const app = next({ dev: options.web === "development", dir: clientDir, quiet: true, httpServer: http });
      await app.prepare().catch((error: Error) => {
        throw options.web === "production" && /production build/i.test(error.message)
          ? new Error(
              "The web UI has not been built yet: run `npm run build`, or start with `npm start`, which builds it.",
            )
          : error;
      });
      nextHandle = app.getRequestHandler();
      // The set-up page offers the scenarios saved from the studio, read by this server.
      withdrawScenarios = offerStoredScenarios(database.prisma);
      nextUpgrade = app.getUpgradeHandler();
      closeNext = () => app.close();
    }

    const transport = new WebSocketTransport({ noServer: true, maxPayload: wireLimits.maxFrameBytes });
    transport.attachToServer(http, { filter: (req) => !req.url?.startsWith("/_next/") });
    if (nextUpgrade) {
      // Next's own sockets (hot reload in development) go to Next, everything else to Colyseus.
      const upgrade = nextUpgrade;
      http.on("upgrade", (req, socket, head) => {
        if (req.url?.startsWith("/_next/")) void upgrade(req, socket, head);
      });
    }
    // Refuse a WebSocket from a foreign page before it reaches a room.
    http.prependListener("upgrade", (req, socket) => {
      if (!originAllowed(req, env.ALLOWED_ORIGINS)) {
        socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
        socket.destroy();
      }
    });
    // Colyseus sets its CORS headers (Allow-Origin: *, Allow-Credentials: true, …) on every
    // response, Next's included: it sets none now, and our header setter sends CORS only to
    // ALLOWED_ORIGINS. (The controller is one per process; it must not depend on this server's env.)
    const corsDefaults: Record<string, string> = matchMaker.controller.DEFAULT_CORS_HEADERS;
    for (const name of Object.keys(corsDefaults)) delete corsDefaults[name];
    matchMaker.controller.getCorsHeaders = (): Record<string, string> => ({});
    const setHeaders = createHeaderSetter(env);
    const trackRequest = createRequestTracker(logger);

    let publicUrl = env.PUBLIC_URL ?? "";
    const gameServer = new Server({
      transport,
      greet: false,
      gracefullyShutdown: false,
      logger: colyseusLogger(logger),
      // Several processes: rooms are found and reached through Redis; each process is reached at
      // its own public address. One process: both stay in memory.
      ...(scale ? { presence: scale.presence, driver: scale.driver } : {}),
      ...(env.PUBLIC_ADDRESS ? { publicAddress: env.PUBLIC_ADDRESS } : {}),
      // Colyseus' own routes (/matchmake, /__healthcheck) match first; then our API; then the UI.
      express: (app: Application) => {
        app.disable("x-powered-by");
        // Behind a proxy every request comes from the proxy: trust its X-Forwarded-For, when told to,
        // so that limits apply per student device rather than to the whole class at once.
        if (env.TRUST_PROXY) app.set("trust proxy", true);
        app.use(withRequestLog);
        mountHealth(app, {
          logger,
          startedAt,
          database: async () => {
            await database.prisma.$queryRaw`SELECT 1`;
          },
          pendingMigrations: () => pendingMigrations(database.prisma),
          redis: scale?.ping,
          metrics,
          metricsToken: env.METRICS_TOKEN,
        });
        mountApi(app, {
          prisma: database.prisma,
          publicUrl: () => publicUrl,
          logger,
          studioKey: env.STUDIO_KEY,
        });
        const handle = nextHandle;
        if (handle) app.use((req: IncomingMessage, res: ServerResponse) => void handle(req, res));
        // Without the web UI (the API alone): an address nothing answers gets a 404 in our words.
        // Left to express's final handler, it would replace the security headers already set
        // (its own Content-Security-Policy among them).
        else
          app.use((_req: IncomingMessage, res: ServerResponse) => {
            res.statusCode = 404;
            res.setHeader("Content-Type", "application/json; charset=utf-8");
            res.end(
              JSON.stringify({
                error: { code: "not-found", reason: "address", message: "There is nothing at this address." },
              } satisfies HttpError),
            );
          });
      },
    });
    gameServer
      .define(
        negotiationRoomName,
        createNegotiationRoom({
          prisma: database.prisma,
          appender,
          botDelayMs: env.BOT_DELAY_MS,
          now: Date.now,
          logger,
          metrics,
          reconnectGraceSeconds: env.RECONNECT_GRACE_SECONDS,
        }),
      )
      .filterBy(["tableId"]);
    gameServer
      .define(
        consoleRoomName,
        createConsoleRoom({
          prisma: database.prisma,
          logger,
          metrics,
          reconnectGraceSeconds: env.RECONNECT_GRACE_SECONDS,
        }),
      )
      .filterBy(["workshopId"]);
    gameServer
      .define("table", createTableRoom({ prisma: database.prisma, now: () => new Date(), logger }))
      .filterBy(["table"]);
    await Promise.race([
      // Colyseus binds its request listener as the server starts listening (before this callback
      // runs, and before any request can arrive); ours goes in front, so that every answer —
      // Colyseus' routes, the API, Next's pages and assets, even an OPTIONS preflight Colyseus ends
      // at once — carries the security headers.
      gameServer.listen(env.PORT, env.HOST, undefined, () =>
        http.prependListener("request", (req, res) => {
          setHeaders(req, res);
          trackRequest(req, res);
        }),
      ),
      listenError(http, env.PORT),
    ]);
    const port = (http.address() as AddressInfo).port;
    // Tables that were negotiating when the server last stopped (or crashed) play on.
    const restored = await restoreRunningTables(database.prisma, logger);
    if (restored > 0)
      logger.info(
        { restored },
        `restored ${restored} running table${restored === 1 ? "" : "s"} from the log`,
      );
    // DATA_RETENTION_DAYS: finished workshops that old are deleted, before the server is ready
    // and then daily.
    const retention = env.DATA_RETENTION_DAYS
      ? scheduleRetention({ prisma: database.prisma, days: env.DATA_RETENTION_DAYS, logger })
      : undefined;
    await retention?.ran;
    const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
    publicUrl = url;

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      database,
      logger,
      metrics,
      stop() {
        stopping ??= (async () => {
          await retention?.stop();
          await gameServer.gracefullyShutdown(false);
          await appender.drain();
          await closeNext();
          withdrawScenarios();
          http.closeAllConnections();
          await new Promise<void>((resolve) => http.close(() => resolve()));
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    withdrawScenarios();
    http.close();
    await database.close();
    await scale?.close();
    throw error;
  }
}
