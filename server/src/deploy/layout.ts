// Several game processes on one machine behind one public address: which port each listens on,
// the address browsers reach it at, and the two configurations that follow from that, PM2's
// (deploy/ecosystem.config.cjs) and Caddy's (`npm run deploy -- caddyfile`). Both are derived
// here, from the same settings, so the proxy's routes and the processes' addresses cannot drift.
//
// Process N listens on GAME_FIRST_PORT + N - 1 on loopback; its PUBLIC_ADDRESS is the public host
// followed by /game-N. Colyseus hands that address to the players of the rooms it hosts, and the
// proxy sends /game-N/… to process N with the prefix removed. Everything else (pages, the API,
// matchmaking) goes to any ready process.
//
// PM2 loads this file without tsx (Node 24 strips the types): node built-ins and zod only, and
// only TypeScript that erases to JavaScript (no enums, no parameter properties).
import path from "node:path";
import { z } from "zod";

/** Where the repository is: the game processes run from it. */
export const repositoryRoot = path.resolve(import.meta.dirname, "../../..");

const processesError = "GAME_PROCESSES must be a whole number of game processes from 1 to 16";
const firstPortError =
  "GAME_FIRST_PORT must be a port number from 1024 to 65519 (processes use the ports after it)";

export const deployEnvSchema = z
  .object({
    PUBLIC_URL: z
      .url({
        protocol: /^https$/,
        error:
          "PUBLIC_URL must be the https:// address people open, host and optional port, such as https://redlines.example.org",
      })
      .refine((value) => {
        const url = new URL(value);
        return (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username;
      }, "PUBLIC_URL must be an origin only (https://host or https://host:port), without a path"),
    GAME_PROCESSES: z.coerce
      .number({ error: processesError })
      .int(processesError)
      .min(1, processesError)
      .max(16, processesError)
      .default(2),
    GAME_FIRST_PORT: z.coerce
      .number({ error: firstPortError })
      .int(firstPortError)
      .min(1024, firstPortError)
      .max(65519, firstPortError)
      .default(2568),
    /** A Caddyfile: when set, PM2 runs Caddy with it beside the game processes (the trial does). */
    CADDYFILE: z.string().trim().min(1).optional(),
    /** The caddy program for CADDYFILE (default: caddy on the PATH). */
    CADDY_BIN: z.string().trim().min(1).default("caddy"),
    /** Caddy's own folder (its certificates, with `tls internal`), with CADDYFILE. */
    CADDY_HOME: z.string().trim().min(1).optional(),
    DATABASE_URL: z.string().optional(),
    REDIS_URL: z.string().optional(),
  })
  .superRefine((env, context) => {
    if (env.GAME_PROCESSES > 1 && (!env.DATABASE_URL || !env.REDIS_URL)) {
      context.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message: `GAME_PROCESSES=${env.GAME_PROCESSES} needs one PostgreSQL (DATABASE_URL) and one Redis (REDIS_URL) that all the processes share: set both (the embedded database belongs to one process)`,
      });
    }
  });

export type DeployEnv = z.infer<typeof deployEnvSchema>;

export type GameProcess = {
  /** 1, 2, … */
  number: number;
  /** PM2's name for it: red-lines-1, … */
  name: string;
  port: number;
  /** The path prefix the proxy routes to it: /game-1, … */
  path: string;
  /** Its PUBLIC_ADDRESS: the public host and port, then its path. */
  publicAddress: string;
};

export type Layout = {
  publicUrl: string;
  /** The public host with its port when that is not 443, as Caddy's site address takes it. */
  publicHost: string;
  processes: GameProcess[];
};

export function readDeployEnv(
  env: Record<string, string | undefined>,
): { ok: true; env: DeployEnv } | { ok: false; problems: string[] } {
  // An empty assignment in a .env file means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = deployEnvSchema.safeParse(present);
  return parsed.success
    ? { ok: true, env: parsed.data }
    : { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}

export function layoutOf(env: Pick<DeployEnv, "PUBLIC_URL" | "GAME_PROCESSES" | "GAME_FIRST_PORT">): Layout {
  const url = new URL(env.PUBLIC_URL);
  const publicHost = url.host;
  const processes = Array.from({ length: env.GAME_PROCESSES }, (_, index) => {
    const number = index + 1;
    return {
      number,
      name: `red-lines-${number}`,
      port: env.GAME_FIRST_PORT + index,
      path: `/game-${number}`,
      publicAddress: `${publicHost}/game-${number}`,
    };
  });
  return { publicUrl: url.origin, publicHost, processes };
}

/** One app of PM2's ecosystem file (the fields we set). */
export type PM2App = {
  name: string;
  cwd: string;
  script: string;
  args?: string[];
  interpreter: string;
  interpreter_args?: string[];
  exec_mode: "fork";
  env: Record<string, string>;
  autorestart: true;
  exp_backoff_restart_delay: number;
  max_restarts: number;
  min_uptime: number;
  kill_timeout: number;
  wait_ready?: boolean;
  listen_timeout?: number;
  merge_logs: true;
};

/**
 * PM2's apps: one per game process, started from the repository with Node 24 and tsx, each on
 * its own port and public address; and Caddy when a Caddyfile is given. Whatever else the
 * processes need (DATABASE_URL, REDIS_URL, METRICS_TOKEN, …) comes from the environment PM2 is
 * started in, or the repository's .env file.
 */
export function ecosystemApps(env: DeployEnv, root = repositoryRoot): PM2App[] {
  const layout = layoutOf(env);
  const restartPolicy = {
    autorestart: true,
    // A process that keeps crashing is restarted after 0.1 s, then longer and longer waits (up to
    // 15 s); one that ran for min_uptime counts as a fresh start again.
    exp_backoff_restart_delay: 100,
    max_restarts: 50,
    min_uptime: 10_000,
    merge_logs: true,
  } as const;
  const games: PM2App[] = layout.processes.map((game) => ({
    name: game.name,
    cwd: root,
    script: "server/src/main.ts",
    // The repository's own Node 24 (the machine's may be older), with tsx for the TypeScript.
    interpreter: path.join(root, "node_modules/.bin/node"),
    interpreter_args: ["--import", "tsx"],
    exec_mode: "fork",
    env: {
      PORT: String(game.port),
      // Only the proxy reaches a game process.
      HOST: "127.0.0.1",
      TRUST_PROXY: "true",
      PUBLIC_URL: layout.publicUrl,
      PUBLIC_ADDRESS: game.publicAddress,
      NODE_ENV: "production",
    },
    ...restartPolicy,
    // SIGINT first: the server closes its tables and the database; SIGKILL after 30 s. (A room
    // waits for seats reserved by joins still under way, which expire after 15 s.)
    kill_timeout: 30_000,
    // The server tells PM2 when it is ready (process.send("ready")), so `pm2 reload` replaces one
    // process at a time without a gap.
    wait_ready: true,
    listen_timeout: 60_000,
  }));
  if (!env.CADDYFILE) return games;
  const caddyHome = env.CADDY_HOME ?? path.join(path.dirname(path.resolve(root, env.CADDYFILE)), "caddy");
  return [
    ...games,
    {
      name: "red-lines-proxy",
      cwd: root,
      script: env.CADDY_BIN,
      args: ["run", "--config", path.resolve(root, env.CADDYFILE), "--adapter", "caddyfile"],
      interpreter: "none",
      exec_mode: "fork",
      env: { XDG_DATA_HOME: caddyHome, XDG_CONFIG_HOME: caddyHome, HOME: caddyHome },
      ...restartPolicy,
      kill_timeout: 5_000,
    },
  ];
}

export type TlsChoice =
  | { kind: "acme"; email?: string }
  | { kind: "internal" }
  | { kind: "files"; certificate: string; key: string };

export type CaddyOptions = {
  tls: TlsChoice;
  /** Where Caddy keeps its certificates (default: Caddy's own data folder). */
  storage?: string;
  /** Plain HTTP port (Caddy's redirect to HTTPS and ACME's HTTP challenge); omit for 80. */
  httpPort?: number;
  /** No redirect from plain HTTP (a trial on a high port, or another server owns port 80). */
  noRedirects?: boolean;
  /** No admin endpoint (Caddy run by PM2, which restarts it to reload). */
  noAdmin?: boolean;
};

/**
 * The Caddyfile for a layout. Caddy serves TLS (ACME certificates by default, its own local CA
 * with `internal`, or the institution's certificate files) and proxies WebSockets as it does any
 * request.
 */
export function caddyfile(layout: Layout, options: CaddyOptions): string {
  const global: string[] = [];
  if (options.noAdmin) global.push("admin off");
  if (options.httpPort !== undefined) global.push(`http_port ${options.httpPort}`);
  if (options.noRedirects) global.push("auto_https disable_redirects");
  if (options.storage) global.push(`storage file_system ${quote(options.storage)}`);
  if (options.tls.kind === "internal") global.push("skip_install_trust");
  if (options.tls.kind === "acme" && options.tls.email) global.push(`email ${options.tls.email}`);

  const tlsLine =
    options.tls.kind === "internal"
      ? ["\ttls internal"]
      : options.tls.kind === "files"
        ? [`\ttls ${quote(options.tls.certificate)} ${quote(options.tls.key)}`]
        : [];
  const upstreams = layout.processes.map((game) => `127.0.0.1:${game.port}`).join(" ");
  const lines = [
    "# Red Lines behind one public address: generated by `npm run deploy -- caddyfile` from",
    `# PUBLIC_URL=${layout.publicUrl}, GAME_PROCESSES=${layout.processes.length}, GAME_FIRST_PORT=${layout.processes[0]?.port}.`,
    "# Generate it again after changing any of them; deploy/ecosystem.config.cjs reads the same ones.",
    ...(global.length > 0 ? ["{", ...global.map((line) => `\t${line}`), "}", ""] : [""]),
    `${layout.publicHost} {`,
    ...tlsLine,
    "\troute {",
    "\t\t# Metrics are for a scraper on this machine, at each process's own port (METRICS_TOKEN).",
    "\t\trespond /metrics 404",
    "\t\trespond /game-*/metrics 404",
    "",
    "\t\t# Each process's table WebSockets: Colyseus sends players to its PUBLIC_ADDRESS,",
    "\t\t# <host>/game-N, and the process sees the path without that prefix.",
    ...layout.processes.flatMap((game) => [
      `\t\thandle_path ${game.path}/* {`,
      `\t\t\treverse_proxy 127.0.0.1:${game.port}`,
      "\t\t}",
    ]),
    "",
    "\t\t# Pages, the API and matchmaking: any ready process (they share PostgreSQL and Redis).",
    `\t\treverse_proxy ${upstreams} {`,
    "\t\t\tlb_policy round_robin",
    "\t\t\tlb_try_duration 10s",
    "\t\t\thealth_uri /readyz",
    "\t\t\thealth_interval 5s",
    "\t\t\thealth_timeout 3s",
    "\t\t}",
    "\t}",
    "}",
    "",
  ];
  return lines.join("\n");
}

/** A path in a Caddyfile, quoted when it holds anything but plain characters. */
function quote(value: string): string {
  return /^[\w./:@+-]+$/.test(value) ? value : `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** Prometheus' scrape job for the layout: each process at its own loopback port. */
export function prometheusScrapeConfig(layout: Layout): string {
  return [
    "scrape_configs:",
    "  - job_name: red-lines",
    "    authorization:",
    "      type: Bearer",
    "      credentials_file: /etc/prometheus/red-lines-metrics-token # holds METRICS_TOKEN",
    "    static_configs:",
    "      - targets:",
    ...layout.processes.map((game) => `          - 127.0.0.1:${game.port} # ${game.name}`),
    "",
  ].join("\n");
}
