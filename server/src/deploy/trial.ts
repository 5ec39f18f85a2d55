// `npm run trial:start | trial:stop | trial:status | trial:logs [-- options]`: the several-processes
// set-up on one machine, for a trial before a real deployment. PM2 runs GAME_PROCESSES game
// processes and Caddy from deploy/ecosystem.config.cjs, exactly as in production; the trial adds
// a private PostgreSQL and Redis in its folder (unless DATABASE_URL / REDIS_URL name existing
// ones) and a Caddyfile that serves TLS from Caddy's own local certificate authority.
//
// Everything lives in one folder (default .trial/): PM2's home, the logs, the databases, Caddy's
// certificates. `trial:stop` stops it all and keeps the data; `trial:stop -- --wipe` deletes it.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { z } from "zod";
import { caddyfile, layoutOf, readDeployEnv, repositoryRoot } from "./layout.ts";
import { findPostgresBin, startPrivatePostgres, stopPrivatePostgres } from "./postgres.ts";

const run = promisify(execFile);
const usage = `Usage: npm run trial:start [-- --processes 2 --port 8443 --host localhost --first-port 2568 --dir .trial]
       npm run trial:status | trial:logs | trial:stop [-- --wipe] [-- --dir .trial]`;

const portNumber = (name: string) =>
  z.coerce
    .number({ error: `--${name} must be a port number from 1 to 65535` })
    .int(`--${name} must be a port number from 1 to 65535`)
    .min(1, `--${name} must be a port number from 1 to 65535`)
    .max(65535, `--${name} must be a port number from 1 to 65535`);

const optionsSchema = z.object({
  command: z.enum(["start", "stop", "status", "logs"], {
    error: (issue) => `Unknown command ${String(issue.input ?? "(none)")}: start, stop, status or logs.`,
  }),
  dir: z.string().trim().min(1, "--dir must name a folder").default(".trial"),
  processes: z.string().default("2"),
  port: portNumber("port").default(8443),
  "first-port": z.string().default("2568"),
  host: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9.-]+$/i,
      "--host must be a host name or IPv4 address people reach this machine by, such as localhost",
    )
    .default("localhost"),
  wipe: z.boolean().default(false),
  "no-build": z.boolean().default(false),
});

type Options = z.infer<typeof optionsSchema>;

/** What a running trial is, written at start for status and stop. */
const stateSchema = z.object({
  publicUrl: z.string(),
  processes: z.number(),
  firstPort: z.number(),
  postgres: z.object({ folder: z.string(), port: z.number() }).nullable(),
  redis: z.object({ pidFile: z.string(), port: z.number() }).nullable(),
});
type State = z.infer<typeof stateSchema>;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readOptions(argv: string[]): Options {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dir: { type: "string" },
        processes: { type: "string" },
        port: { type: "string" },
        "first-port": { type: "string" },
        host: { type: "string" },
        wipe: { type: "boolean" },
        "no-build": { type: "boolean" },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  const result = optionsSchema.safeParse({ command: parsed.positionals[0], ...parsed.values });
  if (!result.success) fail(`${result.error.issues.map((issue) => issue.message).join("\n")}\n${usage}`);
  if (parsed.positionals.length > 1) fail(`One command at a time.\n${usage}`);
  return result.data;
}

const pm2Bin = path.join(repositoryRoot, "node_modules/pm2/bin/pm2");

/** PM2 with its home in the trial folder, run by this Node (24). */
function pm2(folder: string, args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [pm2Bin, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env, PM2_HOME: path.join(folder, "pm2") },
    maxBuffer: 16 * 1024 * 1024,
  });
}

type PM2Process = { name: string; pid: number; status: string; restarts: number; memoryMb: number };

async function listProcesses(folder: string): Promise<PM2Process[]> {
  if (!existsSync(path.join(folder, "pm2", "pm2.pid"))) return [];
  const { stdout } = await pm2(folder, ["jlist"]).catch(() => ({ stdout: "[]" }));
  const list = z
    .array(
      z.object({
        name: z.string(),
        pid: z.number(),
        monit: z.object({ memory: z.number() }).partial().optional(),
        pm2_env: z.object({ status: z.string(), restart_time: z.number() }),
      }),
    )
    .catch([])
    .parse(parseJsonList(stdout));
  return list.map((entry) => ({
    name: entry.name,
    pid: entry.pid,
    status: entry.pm2_env.status,
    restarts: entry.pm2_env.restart_time,
    memoryMb: Math.round((entry.monit?.memory ?? 0) / 1024 / 1024),
  }));
}

/** PM2's JSON list, after whatever it printed first; an empty list when there is none. */
function parseJsonList(output: string): unknown {
  const start = output.indexOf("[");
  if (start === -1) return [];
  try {
    return JSON.parse(output.slice(start));
  } catch {
    return [];
  }
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function anyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function caddyBinary(): string | null {
  const named = process.env.CADDY_BIN;
  if (named) return existsSync(named) ? named : null;
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(path.join(dir, "caddy"))) return path.join(dir, "caddy");
  }
  return null;
}

/** Caddy's local certificate authority, which signs the trial's certificate. */
const caddyRootCertificate = (folder: string) =>
  path.join(folder, "caddy", "pki", "authorities", "local", "root.crt");

/** GET `url`, trusting Caddy's local authority: the status code, or the error's message. */
function probe(url: string, ca: string | undefined): Promise<number | string> {
  return new Promise((resolve) => {
    const request = https.get(url, { ...(ca ? { ca } : {}), timeout: 3_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once("timeout", () => request.destroy(new Error("no answer within 3 s")));
    request.once("error", (error) => resolve(error.message));
  });
}

async function readiness(folder: string, state: State) {
  const caPath = caddyRootCertificate(folder);
  const ca = existsSync(caPath) ? readFileSync(caPath, "utf8") : undefined;
  const layout = layoutOf({
    PUBLIC_URL: state.publicUrl,
    GAME_PROCESSES: state.processes,
    GAME_FIRST_PORT: state.firstPort,
  });
  const checks = [
    { what: `${state.publicUrl} (any process)`, url: `${state.publicUrl}/readyz` },
    ...layout.processes.map((game) => ({
      what: `${game.name} at ${state.publicUrl}${game.path}`,
      url: `${state.publicUrl}${game.path}/readyz`,
    })),
  ];
  return Promise.all(checks.map(async (check) => ({ ...check, answer: await probe(check.url, ca) })));
}

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(1_000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("timeout", () => socket.destroy());
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
  });
}

async function poll(probeOnce: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await probeOnce()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Runs a command with its output shown, and fails with `what` if it fails. */
function step(
  what: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<void> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(command, args, {
      cwd: repositoryRoot,
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    child.once("error", (error) => fail(`${what} could not run: ${error.message}`));
    child.once("exit", (code) => (code === 0 ? resolve() : fail(`${what} failed (exit code ${code}).`)));
  });
}

async function readState(folder: string): Promise<State | null> {
  const file = path.join(folder, "trial.json");
  if (!existsSync(file)) return null;
  return stateSchema.parse(JSON.parse(await readFile(file, "utf8")));
}

async function start(options: Options, folder: string) {
  const running = (await listProcesses(folder)).filter((entry) => entry.status === "online");
  const previous = await readState(folder);
  if (running.length > 0) {
    fail(
      `A trial is already running from ${folder}${previous ? ` at ${previous.publicUrl}` : ""}. ` +
        "See it with npm run trial:status, or stop it with npm run trial:stop.",
    );
  }
  const publicUrl = `https://${options.host}${options.port === 443 ? "" : `:${options.port}`}`;
  const settings = readDeployEnv({
    PUBLIC_URL: publicUrl,
    GAME_PROCESSES: options.processes,
    GAME_FIRST_PORT: options["first-port"],
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://to-be-started",
    REDIS_URL: process.env.REDIS_URL ?? "redis://to-be-started",
  });
  if (!settings.ok)
    fail(
      `${settings.problems.join("\n").replaceAll("GAME_PROCESSES", "--processes").replaceAll("GAME_FIRST_PORT", "--first-port")}\n${usage}`,
    );
  const layout = layoutOf(settings.env);

  const caddy = caddyBinary();
  const postgresNeeded = !process.env.DATABASE_URL;
  const redisNeeded = !process.env.REDIS_URL;
  const missing = [
    ...(caddy ? [] : ["caddy"]),
    ...(postgresNeeded && !findPostgresBin() ? ["postgresql"] : []),
    ...(redisNeeded && !existsSync(process.env.REDIS_SERVER ?? "/usr/bin/redis-server")
      ? ["redis-server"]
      : []),
  ];
  if (missing.length > 0 || !caddy) {
    fail(
      `The trial needs ${missing.join(", ")}. Install with: sudo apt-get install -y ${missing.join(" ")}` +
        " (or set CADDY_BIN, PG_BIN, REDIS_SERVER; or DATABASE_URL and REDIS_URL for existing servers).",
    );
  }
  if (!(await portFree(options.port, "0.0.0.0"))) {
    fail(`Port ${options.port} is taken: choose another public port with --port.`);
  }
  for (const game of layout.processes) {
    if (!(await portFree(game.port, "127.0.0.1"))) {
      fail(
        `Port ${game.port} (for ${game.name}) is taken: the game processes need ports ${layout.processes[0]?.port}–${layout.processes.at(-1)?.port}; choose others with --first-port.`,
      );
    }
  }

  await mkdir(folder, { recursive: true });
  if (options["no-build"] && !existsSync(path.join(repositoryRoot, "client/.next/BUILD_ID"))) {
    fail("The web UI has not been built: run npm run build first, or start without --no-build.");
  }
  if (!options["no-build"]) {
    console.log("Building the web UI (cached when unchanged)...");
    await step(
      "The build",
      process.execPath,
      [
        path.join(repositoryRoot, "node_modules/turbo/bin/turbo"),
        "run",
        "build",
        "--output-logs=errors-only",
      ],
      { TURBO_TELEMETRY_DISABLED: "1" },
    );
  }

  let databaseUrl = process.env.DATABASE_URL;
  let postgres: State["postgres"] = null;
  if (!databaseUrl) {
    const server = await startPrivatePostgres(path.join(folder, "postgres"), await anyPort(), {
      durable: true,
    });
    postgres = { folder: server.folder, port: server.port };
    databaseUrl = server.url;
    console.log(`PostgreSQL: started in ${server.folder}, port ${server.port}.`);
  }
  let redisUrl = process.env.REDIS_URL;
  let redis: State["redis"] = null;
  if (!redisUrl) {
    const redisFolder = path.join(folder, "redis");
    await mkdir(redisFolder, { recursive: true });
    const port = await anyPort();
    const pidFile = path.join(redisFolder, "redis.pid");
    await run(process.env.REDIS_SERVER ?? "redis-server", [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--daemonize",
      "yes",
      "--pidfile",
      pidFile,
      "--dir",
      redisFolder,
      "--logfile",
      path.join(redisFolder, "redis.log"),
      "--save",
      "",
      "--appendonly",
      "no",
    ]);
    if (!(await poll(() => redisPing(port), 10)))
      fail(`Redis did not answer on port ${port}: see ${redisFolder}/redis.log`);
    redis = { pidFile, port };
    redisUrl = `redis://127.0.0.1:${port}`;
    console.log(`Redis: started on port ${port}.`);
  }
  const state: State = {
    publicUrl: layout.publicUrl,
    processes: layout.processes.length,
    firstPort: settings.env.GAME_FIRST_PORT,
    postgres,
    redis,
  };
  await writeFile(path.join(folder, "trial.json"), `${JSON.stringify(state, null, 2)}\n`);

  // The processes would race to apply migrations; apply them once, first.
  await step(
    "Applying the database migrations",
    process.execPath,
    ["--import", "tsx", "prisma/src/cli.ts", "migrate"],
    {
      DATABASE_URL: databaseUrl,
    },
  );

  const caddyfilePath = path.join(folder, "Caddyfile");
  await writeFile(
    caddyfilePath,
    caddyfile(layout, {
      tls: { kind: "internal" },
      storage: path.join(folder, "caddy"),
      httpPort: await anyPort(),
      noRedirects: true,
      noAdmin: true,
    }),
  );

  console.log(`Starting ${layout.processes.length} game processes and Caddy with PM2...`);
  await pm2(folder, ["start", "deploy/ecosystem.config.cjs"], {
    PUBLIC_URL: layout.publicUrl,
    GAME_PROCESSES: String(layout.processes.length),
    GAME_FIRST_PORT: String(settings.env.GAME_FIRST_PORT),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    CADDYFILE: caddyfilePath,
    CADDY_BIN: caddy,
    CADDY_HOME: path.join(folder, "caddy"),
  }).catch((error: Error & { stdout?: string; stderr?: string }) =>
    fail(`PM2 could not start the processes:\n${error.stderr || error.stdout || error.message}`),
  );

  let checks = await readiness(folder, state);
  const ready = await poll(async () => {
    checks = await readiness(folder, state);
    return checks.every((check) => check.answer === 200);
  }, 120);
  if (!ready) {
    const { stdout } = await pm2(folder, ["logs", "--nostream", "--lines", "20"]).catch(() => ({
      stdout: "",
    }));
    fail(
      `The trial did not become ready within 120 s:\n${checks.map((check) => `  ${check.what}: ${check.answer}`).join("\n")}\n\n${stdout}`,
    );
  }
  console.log(`
Red Lines is ready at ${layout.publicUrl}
  ${layout.processes.map((game) => `${game.name}: port ${game.port}, reached at ${layout.publicUrl}${game.path}`).join("\n  ")}
  proxy: Caddy, TLS from its own certificate authority. Browsers warn about it until you trust
         ${caddyRootCertificate(folder)}
  logs: npm run trial:logs (or ${path.join(folder, "pm2", "logs")})
  stop: npm run trial:stop (keeps the data; add -- --wipe to delete it)`);
}

async function stop(options: Options, folder: string) {
  const state = await readState(folder);
  if (existsSync(path.join(folder, "pm2", "pm2.pid"))) {
    // PM2 sends each process SIGINT and waits for it to close its tables (kill_timeout).
    await pm2(folder, ["kill"]).catch(() => undefined);
    console.log("Stopped the game processes and Caddy.");
  }
  if (state?.redis && existsSync(state.redis.pidFile)) {
    const pid = Number((await readFile(state.redis.pidFile, "utf8")).trim());
    try {
      process.kill(pid, "SIGTERM");
      await poll(async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      }, 10);
    } catch {
      // already gone
    }
    console.log("Stopped Redis.");
  }
  if (state?.postgres) {
    await stopPrivatePostgres(state.postgres.folder, "fast");
    console.log("Stopped PostgreSQL.");
  }
  if (options.wipe) {
    await rm(folder, { recursive: true, force: true });
    console.log(`Deleted ${folder}.`);
  } else if (!state) {
    console.log(`No trial in ${folder}.`);
  }
}

async function status(folder: string) {
  const state = await readState(folder);
  const processes = await listProcesses(folder);
  if (!state || processes.length === 0) {
    console.log(`No trial is running from ${folder}. Start one with npm run trial:start.`);
    return;
  }
  console.log(`Trial at ${state.publicUrl}`);
  for (const entry of processes) {
    console.log(
      `  ${entry.name.padEnd(16)} ${entry.status.padEnd(8)} pid ${String(entry.pid).padEnd(8)} restarts ${String(entry.restarts).padEnd(4)} ${entry.memoryMb} MB`,
    );
  }
  for (const check of await readiness(folder, state)) {
    console.log(`  ready? ${check.what}: ${check.answer === 200 ? "yes" : check.answer}`);
  }
}

const options = readOptions(process.argv.slice(2));
const folder = path.resolve(repositoryRoot, options.dir);
if (options.command === "start") await start(options, folder);
else if (options.command === "stop") await stop(options, folder);
else if (options.command === "status") await status(folder);
else {
  const child = spawn(process.execPath, [pm2Bin, "logs", "--lines", "50"], {
    cwd: repositoryRoot,
    env: { ...process.env, PM2_HOME: path.join(folder, "pm2") },
    stdio: "inherit",
  });
  child.once("exit", (code) => process.exit(code ?? 0));
}
