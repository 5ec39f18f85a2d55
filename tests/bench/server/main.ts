// `npm run bench -- server`: a load benchmark of the authoritative table server. Starts a real
// server (API only) in a child process, creates workshops over HTTP, hands whole tables to
// load-generator worker processes, has every table chat at a steady rate, and reports how long an
// intent takes to come back to every seat as a view (decide → durable append → broadcast), the
// server's memory and CPU, and how hard the load generators themselves were working.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@red-lines/db";
import { getScenario } from "@red-lines/shared/scenarios";
import {
  type BenchOptions,
  type LatencySummary,
  parseBenchArguments,
  percentile,
  socketsPerTable,
  splitEvenly,
  summarise,
  usage,
} from "./options.ts";
import { type ProfileEntry, readProfileTop } from "./profile.ts";
import type { ParentMessage, TableAssignment, WorkerMessage, WorkerResult } from "./protocol.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
export const scenarioId = "ukraine-2026";
export const tablesPerWorkshop = 30;
const serverStartTimeoutMs = 90_000;
/** The long-game table: played to this many public chat lines and tabled versions before the load. */
const longGameLines = 500;
const longGameVersions = 40;
const drainMs = 10_000;

export type ServerBenchReport = LatencySummary & {
  tables: number;
  clients: number;
  sockets: number;
  workers: number;
  database: "embedded" | "postgresql";
  ratePerTable: number;
  warmupSeconds: number;
  durationSeconds: number;
  intentsSent: number;
  intentsConfirmed: number;
  intentsPerSecond: number;
  eventsPerSecond: number | null;
  eventsInWindow: number | null;
  timeouts: number;
  refusals: number;
  errors: number;
  disconnects: number;
  serverRssMb: number | null;
  /** The server's RSS once started, before any workshop or table. */
  serverRssMbBase: number | null;
  serverRssMbIdle: number | null;
  serverRssMbEnd: number | null;
  serverCpuPercent: number | null;
  workerCpuPercentMax: number;
  workerLoopDelayP99MsMax: number;
  avgViewBytes: number | null;
  /** RSS over the base per table (the long-game table counted), seated and idle, and at the window's end. */
  rssKbPerTableIdle: number | null;
  rssKbPerTableEnd: number | null;
  /** Bytes on the wire of each view update one connection received per command (p50, p99). */
  updateBytes: { p50: number; p99: number } | null;
  /** The long-game table: its length when the load began and its update sizes under the load. */
  longGame: { chatLines: number; versions: number; updateBytes: { p50: number; p99: number } | null } | null;
  /** With --anchor: the same load against bare Colyseus rooms. */
  anchor:
    | (LatencySummary & {
        timeouts: number;
        serverRssMb: number | null;
        serverCpuPercent: number | null;
        updateBytes: { p50: number; p99: number } | null;
      })
    | null;
  /** This server's p99 over the anchor's. */
  anchorP99Ratio: number | null;
  /** With --profile: the server's heaviest functions by self time in the measured window. */
  profileTop: ProfileEntry[] | null;
  chatLinesPerTableAtEnd: number;
  setupSeconds: number;
  serverLogLines: number;
  problems: string[];
};

export function progress(line: string) {
  process.stderr.write(`bench: ${line}\n`);
}

export class BenchError extends Error {}

// --- the server under test -------------------------------------------------------------------

export type ServerChild = { child: ChildProcess; url: string; logLines: string[]; exited: Promise<void> };

/** `nodeArgs`: more Node flags for the server (e.g. `--expose-gc`); `env`: more variables. */
export async function startServerChild(
  options: Pick<BenchOptions, "profile" | "databaseUrl">,
  dataDir: string,
  nodeArgs: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<ServerChild> {
  const child = spawn(
    process.execPath,
    [
      ...(options.profile ? ["--import", path.join(here, "windowProfiler.ts")] : []),
      ...nodeArgs,
      "--import",
      "tsx",
      "--import",
      path.join(here, "orphanGuard.ts"),
      "server/src/main.ts",
      "--api-only",
    ],
    {
      cwd: repoRoot,
      stdio: ["pipe", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        TRUST_PROXY: "true",
        NODE_ENV: "production",
        // Set, even empty, so a .env file in the repository cannot point the server elsewhere.
        DATABASE_URL: options.databaseUrl ?? "",
        DATA_DIR: dataDir,
        PUBLIC_URL: "",
        ALLOWED_ORIGINS: "",
        // Warnings and failures only: every line logged under load is reported as a problem, and
        // the info lines (a line per request and per command) are not.
        LOG_LEVEL: "warn",
        ...(options.profile ? { BENCH_PROFILE_DIR: path.resolve(options.profile) } : {}),
        ...env,
      },
    },
  );
  const logLines: string[] = [];
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new BenchError(`The server did not say it was ready within ${serverStartTimeoutMs / 1000} s.`),
        ),
      serverStartTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split("\n");
      output = lines.pop() ?? "";
      for (const line of lines) {
        const ready = /ready at https?:\/\/[^:/\s]+:(\d+)/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${ready[1]}`);
        } else if (line.trim() !== "") logLines.push(line);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new BenchError(
          `The server exited before it was ready (${signal ?? `code ${code}`}): ${logLines.slice(-5).join(" | ") || output}`,
        ),
      );
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new BenchError(`The server could not be started: ${error.message}`));
    });
  });
  // From now on every line the server logs is a warning or a failure worth reporting.
  logLines.length = 0;
  return { child, url, logLines, exited };
}

export async function stopServerChild(server: ServerChild) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const stopped = await Promise.race([
    server.exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
  ]);
  if (!stopped) {
    progress("the server did not stop within 15 s of SIGTERM; killing it");
    server.child.kill("SIGKILL");
    await server.exited;
  }
}

/** Resident memory of a process in MB, from Linux's /proc; null elsewhere. */
export async function rssMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

/** CPU seconds a process has used (user + system), from /proc; null elsewhere. */
async function cpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? ticks / 100 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

// --- the HTTP set-up -------------------------------------------------------------------------

export type Workshop = { workshopId: string; joinCode: string; instructorKey: string; tables: number };

export async function createWorkshops(url: string, tables: number): Promise<Workshop[]> {
  const workshops: Workshop[] = [];
  for (let remaining = tables; remaining > 0; remaining -= tablesPerWorkshop) {
    const count = Math.min(tablesPerWorkshop, remaining);
    const response = await fetch(`${url}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.255.0.${workshops.length + 1}` },
      // The longest clock and most rounds, so no turn runs out during the bench.
      body: JSON.stringify({ scenarioId, tables: count, rounds: 100, turnSeconds: 3600 }),
    });
    const body = (await response.json()) as Partial<Workshop> & { error?: { message: string } };
    if (response.status !== 201 || !body.workshopId || !body.joinCode || !body.instructorKey) {
      throw new BenchError(
        `Creating workshop ${workshops.length + 1} failed (${response.status}): ${body.error?.message ?? JSON.stringify(body)}`,
      );
    }
    workshops.push({
      workshopId: body.workshopId,
      joinCode: body.joinCode,
      instructorKey: body.instructorKey,
      tables: count,
    });
  }
  return workshops;
}

// --- the workers -----------------------------------------------------------------------------

export type Worker = { child: ChildProcess; index: number; seated: number; exited: Promise<void> };

export function startWorker(index: number): Worker {
  const child = fork(path.join(here, "worker.ts"), [], {
    execArgv: ["--import", "tsx"],
    cwd: repoRoot,
    // A worker's stdout would spoil --json: it goes to stderr with the rest of the progress.
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  child.stdout?.pipe(process.stderr);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, index, seated: 0, exited };
}

/** Resolves with the first message of `type` from a worker; rejects if it fails or exits first. */
export function expectFrom<T extends WorkerMessage["type"]>(
  worker: Worker,
  type: T,
  onOther: (message: WorkerMessage) => void = () => {},
): Promise<Extract<WorkerMessage, { type: T }>> {
  const answer = new Promise<Extract<WorkerMessage, { type: T }>>((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === type) {
        cleanup();
        resolve(message as Extract<WorkerMessage, { type: T }>);
      } else if (message.type === "failed") {
        cleanup();
        reject(new BenchError(message.message));
      } else onOther(message);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new BenchError(`Worker ${worker.index + 1} exited unexpectedly (${signal ?? `code ${code}`}).`));
    };
    const cleanup = () => {
      worker.child.off("message", onMessage);
      worker.child.off("exit", onExit);
    };
    worker.child.on("message", onMessage);
    worker.child.once("exit", onExit);
  });
  // Awaited later, maybe only after a Ctrl-C has stopped the workers: not an unhandled rejection.
  answer.catch(() => {});
  return answer;
}

export function tell(worker: Worker, message: ParentMessage) {
  worker.child.send(message);
}

// --- the run ---------------------------------------------------------------------------------

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Runs `body` with a list of clean-up steps, which run in reverse order when it ends, fails or is
 * interrupted (Ctrl-C, SIGTERM): no server or worker outlives the bench.
 */
export async function withCleanups<T>(body: (cleanups: (() => Promise<void>)[]) => Promise<T>): Promise<T> {
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= (async () => {
      for (const step of cleanups.reverse()) await step().catch(() => {});
    })();
    return cleaning;
  };
  const interrupted = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping the workers and the server`);
    void cleanUp().then(() => process.exit(130));
  };
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);
  try {
    return await body(cleanups);
  } finally {
    await cleanUp();
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
  }
}

/** Every table of the workshops, numbered across the bench, for the workers to seat. */
export function assignmentsOf(workshops: readonly Workshop[]): TableAssignment[] {
  return workshops.flatMap((workshop, w) =>
    Array.from({ length: workshop.tables }, (_, t) => ({
      index: w * tablesPerWorkshop + t,
      joinCode: workshop.joinCode,
      instructorKey: workshop.instructorKey,
      number: t + 1,
    })),
  );
}

type Phase = {
  reports: WorkerResult[];
  groups: number[][];
  setupSeconds: number;
  rssMbIdle: number | null;
  rssMbPeak: number | null;
  rssMbEnd: number | null;
  cpuPercent: number | null;
  windowStart: number;
  windowEnd: number;
};

/**
 * Seats the tables over the workers (the long-game table with worker 1), runs the load and
 * collects what the workers saw, sampling the server process's memory and CPU meanwhile.
 */
async function drive(
  target: {
    url: string;
    pid: number;
    profile?: ServerChild;
    /** Runs once every intent has landed, while every socket is still connected. */
    beforeClose?: () => Promise<void>;
  },
  assignments: TableAssignment[],
  roles: string[],
  options: BenchOptions,
  mode: "table" | "anchor",
  cleanups: (() => Promise<void>)[],
  longGame?: { assignment: TableAssignment; lines: number; versions: number },
): Promise<Phase> {
  const setupStarted = performance.now();
  const workers = Array.from({ length: options.workers }, (_, index) => startWorker(index));
  const stopWorkers = async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill("SIGTERM");
    await Promise.all(workers.map((worker) => worker.exited));
  };
  cleanups.push(stopWorkers);
  const groups = splitEvenly(assignments.length, options.workers);
  let lastReport = 0;
  const onProgress = (worker: Worker) => (message: WorkerMessage) => {
    if (message.type !== "progress") return;
    worker.seated = message.seated;
    const seated = workers.reduce((sum, w) => sum + w.seated, 0);
    if (performance.now() - lastReport > 2000 || seated === assignments.length) {
      lastReport = performance.now();
      progress(`  ${seated}/${assignments.length} tables seated${mode === "table" ? " and started" : ""}`);
    }
  };
  if (longGame)
    progress(`playing the long-game table to ${longGame.lines} chat lines and ${longGame.versions} versions`);
  const ready = workers.map((worker) => expectFrom(worker, "ready", onProgress(worker)));
  for (const worker of workers) {
    tell(worker, {
      type: "setup",
      worker: worker.index,
      url: target.url,
      roles,
      tables: groups[worker.index]?.map((i) => assignments[i] as TableAssignment) ?? [],
      keepInstructors: options.instructors,
      mode,
      ...(longGame && worker.index === 0 ? { longGame } : {}),
    });
  }
  await Promise.all(ready);
  const setupSeconds = round((performance.now() - setupStarted) / 1000);
  const rssMbIdle = await rssMb(target.pid);
  const profile = target.profile ? windowProfile(target.pid, target.profile) : undefined;

  progress(
    `load: ${options.rate} intent(s) per table per second, ${options.warmup} s warm-up, ${options.duration} s measured`,
  );
  const results = workers.map((worker) => expectFrom(worker, "result"));
  const windowStart = Date.now() + options.warmup * 1000;
  const windowEnd = windowStart + options.duration * 1000;
  if (profile) setTimeout(() => profile.start(), Math.max(0, windowStart - Date.now()));
  for (const worker of workers) {
    tell(worker, {
      type: "load",
      rate: options.rate,
      warmupMs: options.warmup * 1000,
      durationMs: options.duration * 1000,
      drainMs,
    });
  }

  // Memory all through the load; CPU over the measured window.
  let rssMbPeak: number | null = null;
  let rssMbEnd: number | null = null;
  const sampler = setInterval(async () => {
    const rss = await rssMb(target.pid);
    if (rss === null) return;
    rssMbPeak = Math.max(rssMbPeak ?? 0, rss);
    if (Date.now() <= windowEnd) rssMbEnd = rss;
  }, 250);
  const cpuAt = async (at: number) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    return { cpu: await cpuSeconds(target.pid), at: Date.now() };
  };
  const [cpuStart, cpuEnd] = await Promise.all([cpuAt(windowStart), cpuAt(windowEnd)]);
  if (profile) await profile.stop();
  const cpuPercent =
    cpuStart.cpu !== null && cpuEnd.cpu !== null
      ? round(((cpuEnd.cpu - cpuStart.cpu) / ((cpuEnd.at - cpuStart.at) / 1000)) * 100, 0)
      : null;
  if (options.duration >= 10) progress("measured window over; letting the last intents land");

  const reports: WorkerResult[] = (await Promise.all(results)).map((message) => message.result);
  clearInterval(sampler);
  await target.beforeClose?.();
  for (const worker of workers) tell(worker, { type: "close" });
  await Promise.race([
    Promise.all(workers.map((worker) => worker.exited)),
    new Promise((resolve) => setTimeout(resolve, 10_000)),
  ]);
  await stopWorkers();
  return {
    reports,
    groups,
    setupSeconds,
    rssMbIdle,
    rssMbPeak,
    rssMbEnd,
    cpuPercent,
    windowStart,
    windowEnd,
  };
}

/**
 * The measured window's CPU profile (windowProfiler.ts in the server): SIGUSR2 starts it, the
 * second SIGUSR2 stops it, and the server says when the file is written.
 */
function windowProfile(pid: number, server: ServerChild) {
  return {
    start: () => process.kill(pid, "SIGUSR2"),
    stop: async () => {
      const seen = server.logLines.length;
      process.kill(pid, "SIGUSR2");
      const deadline = Date.now() + 30_000;
      while (!server.logLines.slice(seen).some((line) => line.includes("profile written"))) {
        if (Date.now() > deadline)
          throw new BenchError("The server did not write its CPU profile within 30 s.");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      server.logLines.splice(seen);
    },
  };
}

/** p50 and p99 of byte counts, in bytes; null when there are none. */
function byteSummary(values: readonly number[]): { p50: number; p99: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** The anchor's bare Colyseus server (anchor.ts), as a child process like the server under test. */
async function startAnchorChild(): Promise<{ child: ChildProcess; url: string; exited: Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "anchor.ts")], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new BenchError("The anchor server did not start within 30 s.")),
      30_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready at (http:\/\/[^\s]+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new BenchError(`The anchor server exited (code ${code}): ${output.slice(-300)}`));
    });
  });
  return { child, url, exited };
}

async function run(options: BenchOptions, roles: string[]): Promise<ServerBenchReport> {
  return withCleanups(async (cleanups) => {
    if (options.profile) await mkdir(path.resolve(options.profile), { recursive: true });
    const dataDir = await mkdtemp(path.join(tmpdir(), "red-lines-bench-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = options.databaseUrl ? "postgresql" : "embedded";

    progress(`starting the server (${database} database)`);
    const metricsToken = randomBytes(24).toString("hex");
    const server = await startServerChild(
      options,
      dataDir,
      [],
      options.metrics ? { METRICS_TOKEN: metricsToken } : {},
    );
    cleanups.push(() => stopServerChild(server));
    const serverPid = server.child.pid as number;
    progress(`server ready at ${server.url} (pid ${serverPid})`);
    const serverRssMbBase = await rssMb(serverPid);

    // One table more than asked: the long game, played long before the load begins.
    const workshops = await createWorkshops(server.url, options.tables + 1);
    const assignments = assignmentsOf(workshops);
    const longAssignment = assignments.pop() as TableAssignment;
    if (options.databaseUrl) {
      const settings = { DATABASE_URL: options.databaseUrl, DATA_DIR: dataDir, DATABASE_POOL_SIZE: 1 };
      cleanups.push(async () => {
        const db = await openDatabase(settings);
        try {
          await db.prisma.workshop.deleteMany({ where: { id: { in: workshops.map((w) => w.workshopId) } } });
        } finally {
          await db.close();
        }
      });
    }

    const sockets = options.tables * socketsPerTable(roles.length, options.instructors);
    progress(
      `seating ${options.tables} tables (${sockets} sockets, ${workshops.length} workshops) over ${options.workers} workers`,
    );
    const metricsFile = options.metrics ? path.resolve(options.metrics) : undefined;
    // As Prometheus scrapes it: what the load moved, with every seat still connected.
    const scrapeMetrics = async () => {
      if (!metricsFile) return;
      const answer = await fetch(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      if (!answer.ok) throw new BenchError(`GET /metrics answered ${answer.status}.`);
      await writeFile(metricsFile, await answer.text());
      progress(`the server's metrics at the end of the load are in ${metricsFile}`);
    };
    const phase = await drive(
      {
        url: server.url,
        pid: serverPid,
        ...(options.profile ? { profile: server } : {}),
        beforeClose: scrapeMetrics,
      },
      assignments,
      roles,
      options,
      "table",
      cleanups,
      { assignment: longAssignment, lines: longGameLines, versions: longGameVersions },
    ).catch((error: Error) => {
      // What the server said is what explains a failed set-up.
      const said = server.logLines.slice(-3).map((line) => line.slice(0, 500));
      throw said.length > 0 ? new BenchError(`${error.message} The server said: ${said.join(" | ")}`) : error;
    });
    const { reports, groups, windowStart, windowEnd } = phase;

    // What the server logged under load (its shutdown lines are not news).
    const serverLog = [...server.logLines];
    for (const line of serverLog.slice(0, 5)) progress(`server said: ${line}`);
    progress("stopping the server");
    await stopServerChild(server);
    let profileTop: ProfileEntry[] | null = null;
    if (options.profile) {
      const folder = path.resolve(options.profile);
      const written = (await readdir(folder)).filter((name) => name.endsWith(".cpuprofile"));
      const newest = (
        await Promise.all(
          written.map(async (name) => ({ name, at: (await stat(path.join(folder, name))).mtimeMs })),
        )
      ).sort((a, b) => b.at - a.at)[0];
      if (newest) {
        const file = path.join(folder, newest.name);
        progress(`the server's CPU profile of the measured window is ${file}`);
        profileTop = await readProfileTop(file, 15, repoRoot);
      } else progress(`no CPU profile was written into ${folder}`);
    }

    // Events durably appended in the window, read back from the database the server wrote.
    let eventsInWindow: number | null = null;
    try {
      const db = await openDatabase({
        DATABASE_URL: options.databaseUrl,
        DATA_DIR: dataDir,
        DATABASE_POOL_SIZE: 1,
      });
      try {
        eventsInWindow = await db.prisma.event.count({
          where: {
            time: { gte: new Date(windowStart), lt: new Date(windowEnd) },
            table: { workshopId: { in: workshops.map((w) => w.workshopId) } },
          },
        });
      } finally {
        await db.close();
      }
    } catch (error) {
      progress(`could not count the stored events: ${(error as Error).message}`);
    }

    let anchor: ServerBenchReport["anchor"] = null;
    if (options.anchor) {
      progress("the anchor: the same load against bare Colyseus rooms (no engine, no log)");
      const anchorServer = await startAnchorChild();
      const stopAnchor = async () => {
        if (anchorServer.child.exitCode === null) anchorServer.child.kill("SIGKILL");
        await anchorServer.exited;
      };
      cleanups.push(stopAnchor);
      const anchorTables = assignments.map((assignment) => ({
        ...assignment,
        joinCode: "",
        instructorKey: "",
      }));
      const anchorPhase = await drive(
        { url: anchorServer.url, pid: anchorServer.child.pid as number },
        anchorTables,
        roles,
        options,
        "anchor",
        cleanups,
      );
      await stopAnchor();
      const anchorSummary = summarise(anchorPhase.reports.flatMap((report) => report.samples));
      anchor = {
        ...anchorSummary,
        timeouts: anchorPhase.reports.reduce((total, report) => total + report.timeouts, 0),
        serverRssMb: anchorPhase.rssMbPeak,
        serverCpuPercent: anchorPhase.cpuPercent,
        updateBytes: byteSummary(anchorPhase.reports.flatMap((report) => report.updateBytes)),
      };
    }

    const samples = reports.flatMap((report) => report.samples);
    const sum = (pick: (report: WorkerResult) => number) =>
      reports.reduce((total, report) => total + pick(report), 0);
    const views = sum((r) => r.views);
    const latency = summarise(samples);
    const longGame = reports.find((report) => report.longGame)?.longGame ?? null;
    const tablesAtRest = options.tables + 1;
    return {
      tables: options.tables,
      clients: options.tables * roles.length,
      sockets,
      workers: options.workers,
      database,
      ratePerTable: options.rate,
      warmupSeconds: options.warmup,
      durationSeconds: options.duration,
      ...latency,
      intentsSent: sum((r) => r.sent),
      intentsConfirmed: sum((r) => r.confirmed),
      intentsPerSecond: round(sum((r) => r.confirmed) / options.duration),
      eventsPerSecond: eventsInWindow === null ? null : round(eventsInWindow / options.duration),
      eventsInWindow,
      timeouts: sum((r) => r.timeouts),
      refusals: sum((r) => r.refusals),
      errors: sum((r) => r.errors),
      disconnects: sum((r) => r.disconnects),
      serverRssMb: phase.rssMbPeak,
      serverRssMbBase,
      serverRssMbIdle: phase.rssMbIdle,
      serverRssMbEnd: phase.rssMbEnd,
      rssKbPerTableIdle:
        phase.rssMbIdle === null || serverRssMbBase === null
          ? null
          : Math.round(((phase.rssMbIdle - serverRssMbBase) * 1024) / tablesAtRest),
      rssKbPerTableEnd:
        phase.rssMbEnd === null || serverRssMbBase === null
          ? null
          : Math.round(((phase.rssMbEnd - serverRssMbBase) * 1024) / tablesAtRest),
      serverCpuPercent: phase.cpuPercent,
      workerCpuPercentMax: round(Math.max(...reports.map((r) => (r.cpuMs / r.windowMs) * 100)), 0),
      workerLoopDelayP99MsMax: round(Math.max(...reports.map((r) => r.loopDelayP99Ms))),
      avgViewBytes: views === 0 ? null : Math.round(sum((r) => r.viewBytes) / views),
      updateBytes: byteSummary(reports.flatMap((report) => report.updateBytes)),
      longGame: longGame && {
        ...longGame,
        updateBytes: byteSummary(reports.flatMap((report) => report.longUpdateBytes)),
      },
      anchor,
      profileTop,
      anchorP99Ratio: anchor && anchor.p99Ms > 0 ? round(latency.p99Ms / anchor.p99Ms, 2) : null,
      chatLinesPerTableAtEnd: round(
        sum((r) => r.chatLines * (groups[reports.indexOf(r)]?.length ?? 0)) / options.tables,
      ),
      setupSeconds: phase.setupSeconds,
      serverLogLines: serverLog.length,
      problems: reports.flatMap((report) => report.problems).slice(0, 10),
    };
  });
}

function describe(report: ServerBenchReport): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mb = (value: number | null) => (value === null ? "n/a" : `${value} MB`);
  const bytes = (value: number | undefined) => (value === undefined ? "n/a" : `${value} B`);
  const lines = [
    `Red Lines server bench: ${report.tables} tables × ${report.clients / report.tables} seats (${report.sockets} sockets) over ${report.workers} workers, ${report.database} database`,
    `  load                 ${report.ratePerTable} intent/table/s, ${report.durationSeconds} s measured after ${report.warmupSeconds} s warm-up`,
    `  intent → all seats   p50 ${ms(report.p50Ms)}  p90 ${ms(report.p90Ms)}  p99 ${ms(report.p99Ms)}  max ${ms(report.maxMs)}  (${report.samples} samples)`,
    `  throughput           ${report.eventsPerSecond ?? "n/a"} events/s stored, ${report.intentsPerSecond} intents/s confirmed`,
    `  server               RSS peak ${mb(report.serverRssMb)} (base ${mb(report.serverRssMbBase)}, seated ${mb(report.serverRssMbIdle)}, end ${mb(report.serverRssMbEnd)}), CPU ${report.serverCpuPercent ?? "n/a"}% of a core`,
    `  memory per table     ${report.rssKbPerTableIdle ?? "n/a"} KB seated, ${report.rssKbPerTableEnd ?? "n/a"} KB at the end (RSS over the base)`,
    `  load generators      CPU up to ${report.workerCpuPercentMax}% of a core each, event-loop lateness p99 up to ${ms(report.workerLoopDelayP99MsMax)}`,
    `  bytes per command    per connection p50 ${bytes(report.updateBytes?.p50)}, p99 ${bytes(report.updateBytes?.p99)}; ${report.chatLinesPerTableAtEnd} chat lines a table at the end`,
    `  long game            ${report.longGame ? `${report.longGame.chatLines} chat lines, ${report.longGame.versions} versions: per connection p50 ${bytes(report.longGame.updateBytes?.p50)}, p99 ${bytes(report.longGame.updateBytes?.p99)}` : "n/a"}`,
    ...(report.anchor
      ? [
          `  anchor (bare rooms)  p50 ${ms(report.anchor.p50Ms)}  p99 ${ms(report.anchor.p99Ms)}; this server's p99 is ${report.anchorP99Ratio ?? "n/a"}× the anchor's; anchor RSS peak ${mb(report.anchor.serverRssMb)}, CPU ${report.anchor.serverCpuPercent ?? "n/a"}%`,
        ]
      : []),
    `  problems             ${report.timeouts} lost, ${report.refusals} refused, ${report.errors} errors, ${report.disconnects} disconnects, ${report.serverLogLines} server log lines`,
  ];
  for (const problem of report.problems) lines.push(`    ${problem}`);
  if (report.profileTop) {
    lines.push("  CPU profile of the measured window, self time:");
    for (const entry of report.profileTop)
      lines.push(`    ${entry.selfPercent.toFixed(1).padStart(5)}%  ${entry.function}  ${entry.where}`);
  }
  return lines.join("\n");
}

/** Runs the bench with the arguments after `server`; resolves with the exit code. */
export async function runServerBench(argv: readonly string[]): Promise<number> {
  const scenario = getScenario(scenarioId);
  if (!scenario) {
    console.error(`The bench's scenario "${scenarioId}" is missing.`);
    return 1;
  }
  const roles = scenario.roles.map((role) => role.id);
  const parsed = parseBenchArguments(argv, roles.length);
  if (parsed.ok === "help") {
    console.log(usage);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`${parsed.error} Run \`npm run bench -- server --help\` for the options.`);
    return 2;
  }
  try {
    const report = await run(parsed.options, roles);
    if (parsed.options.json) console.log(JSON.stringify(report));
    else console.log(describe(report));
    const troubles = report.timeouts + report.refusals + report.errors + report.disconnects;
    if (troubles > 0) progress(`${troubles} intent(s) or connection(s) went wrong; see problems above.`);
    return 0;
  } catch (error) {
    console.error(
      error instanceof BenchError
        ? `The server bench failed: ${error.message}`
        : `The server bench failed: ${(error as Error).stack ?? String(error)}`,
    );
    return 1;
  }
}
