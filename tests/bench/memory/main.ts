// `npm run bench -- memory`: what one negotiating table holds in the server's memory at rest.
// Starts a real server (API only, embedded database, --expose-gc, with ./probe.ts preloaded),
// seats --warmup-tables tables (so code compiled and caches filled on first use are in the
// baseline), measures, seats --tables more tables with the server bench's load-generator workers
// (four seats each, started into negotiating, the instructor gone), has every table chat a little,
// measures again and divides the difference by --tables. Each measurement follows forced full
// garbage collections. With --snapshot it also writes a heap snapshot at both points and reports
// what a table's room retains (along its fields) and which classes grew, per table.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getScenario } from "@red-lines/shared/scenarios";
import {
  assignmentsOf,
  BenchError,
  createWorkshops,
  expectFrom,
  progress,
  type ServerChild,
  scenarioId,
  startServerChild,
  startWorker,
  stopServerChild,
  tell,
  type Worker,
  withCleanups,
} from "../server/main.ts";
import { splitEvenly, workersFor } from "../server/options.ts";
import type { TableAssignment } from "../server/protocol.ts";
import { HeapGraph, type HeapSnapshotFile, type RetainedBranch } from "./heapSnapshot.ts";
import { type MemoryOptions, parseMemoryArguments, usage } from "./options.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const probeTimeoutMs = 180_000;
/** The class of a table's room, as the heap snapshot names it. */
const roomClass = "NegotiationRoom";

type MemoryUsage = {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  gc: boolean;
  snapshot: string | null;
  /** `[start address, size, resident bytes, path]` of each memory mapping. */
  mappings: [string, number, number, string][];
  /** Each V8 heap space's `[committed, used]` bytes. */
  spaces: Record<string, [number, number]>;
};

export type PerTable = {
  heapUsedKb: number;
  /** The V8 heap's committed size (what its pages hold in RSS at most). */
  heapTotalKb: number;
  externalKb: number;
  arrayBuffersKb: number;
  rssKb: number;
  /** Where the RSS grew, by kind of mapping (Linux only; zero elsewhere). */
  /** V8 heap spaces whose committed size grew: `[committed, used]` KB per table. */
  heapSpacesKb: Record<string, [number, number]>;
  rssByKind: {
    /** The C heap's main arena ([heap]): malloc, native buffers. */
    mallocHeapKb: number;
    /** Anonymous mappings of 64 MB or more: the embedded database's WebAssembly memory. */
    largeAnonymousKb: number;
    /** Other anonymous memory: the V8 heap's pages, other malloc arenas, compiled code. */
    otherAnonymousKb: number;
    /** Files mapped into memory (the node binary, libraries). */
    fileKb: number;
  };
};

/** Resident bytes by kind of mapping (see PerTable.rssByKind). */
function rssByKind(usage: MemoryUsage) {
  const kinds = { mallocHeap: 0, largeAnonymous: 0, otherAnonymous: 0, file: 0 };
  for (const [, size, resident, name] of usage.mappings) {
    if (name === "[heap]") kinds.mallocHeap += resident;
    else if (name.startsWith("/")) kinds.file += resident;
    else if (name === "" && size >= 64 * 1024 * 1024) kinds.largeAnonymous += resident;
    else kinds.otherAnonymous += resident;
  }
  return kinds;
}

export type SnapshotReport = {
  /** Heap snapshot size (all reachable objects) per table: after minus before, over the tables. */
  snapshotKbPerTable: number;
  rooms: number;
  /** What one table's room retains on average (objects only it keeps alive). */
  roomRetainedKb: number;
  roomBreakdown: RetainedBranch[];
  /** Classes whose shallow size grew most, per table, with where one instance is held. */
  growth: { name: string; countPerTable: number; kbPerTable: number; heldBy: string[] }[];
  files: string[];
};

export type MemoryBenchReport = {
  tables: number;
  seats: number;
  chatLinesPerTable: number;
  warmupTables: number;
  /** The server with the warm-up tables, and with all the tables (MB). */
  before: { heapUsedMb: number; rssMb: number };
  after: { heapUsedMb: number; rssMb: number };
  perTable: PerTable;
  snapshot: SnapshotReport | null;
  setupSeconds: number;
  serverLogLines: string[];
};

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;

/** Answers `memory-probe <label>` requests to the server (see probe.ts). */
function prober(server: ServerChild) {
  const waiting = new Map<string, (usage: MemoryUsage) => void>();
  let pending = "";
  server.child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const match = /^memory-probe ([\w-]+) (\{.*\})$/.exec(line);
      if (match) waiting.get(match[1] as string)?.(JSON.parse(match[2] as string) as MemoryUsage);
    }
  });
  return (label: string) =>
    new Promise<MemoryUsage>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new BenchError(`The server did not report its memory within ${probeTimeoutMs / 1000} s.`)),
        probeTimeoutMs,
      );
      const exited = () => reject(new BenchError("The server exited while its memory was being measured."));
      server.child.once("exit", exited);
      waiting.set(label, (usage) => {
        clearTimeout(timer);
        server.child.off("exit", exited);
        waiting.delete(label);
        // The probe's own output lines are not server log lines worth reporting.
        server.logLines.splice(
          0,
          server.logLines.length,
          ...server.logLines.filter((l) => !l.startsWith("memory-probe ")),
        );
        resolve(usage);
      });
      server.child.stdin?.write(`memory-probe ${label}\n`);
    });
}

/** Seats the tables over fresh workers, has them chat, and leaves them seated. */
async function seatAndChat(
  url: string,
  roles: string[],
  tables: TableAssignment[],
  workers: Worker[],
  chat: number,
): Promise<number> {
  const groups = splitEvenly(tables.length, workers.length);
  let lastReport = 0;
  const ready = workers.map((worker) =>
    expectFrom(worker, "ready", (message) => {
      if (message.type !== "progress") return;
      worker.seated = message.seated;
      const seated = workers.reduce((sum, w) => sum + w.seated, 0);
      if (performance.now() - lastReport > 2000 || seated === tables.length) {
        lastReport = performance.now();
        progress(`  ${seated}/${tables.length} tables seated and started`);
      }
    }),
  );
  for (const worker of workers) {
    tell(worker, {
      type: "setup",
      worker: worker.index,
      url,
      roles,
      tables: groups[workers.indexOf(worker)]?.map((i) => tables[i] as TableAssignment) ?? [],
      keepInstructors: false,
    });
  }
  await Promise.all(ready);
  if (chat === 0) return 0;
  // About `chat` lines a table, in about ten seconds at most.
  const rate = Math.max(1, chat / 10);
  const results = workers.map((worker) => expectFrom(worker, "result"));
  for (const worker of workers) {
    tell(worker, { type: "load", rate, warmupMs: 0, durationMs: (chat / rate) * 1000, drainMs: 10_000 });
  }
  const reports = (await Promise.all(results)).map((message) => message.result);
  const troubles = reports.reduce((sum, r) => sum + r.timeouts + r.refusals + r.errors + r.disconnects, 0);
  if (troubles > 0)
    throw new BenchError(
      `${troubles} chat line(s) or connection(s) went wrong: ${reports.flatMap((r) => r.problems)[0]}`,
    );
  const lines = reports.reduce((sum, r, i) => sum + r.chatLines * (groups[i]?.length ?? 0), 0);
  return Math.round((lines / tables.length) * 10) / 10;
}

async function analyseSnapshots(before: string, after: string, tables: number): Promise<SnapshotReport> {
  const load = async (file: string) =>
    new HeapGraph(JSON.parse(await readFile(file, "utf8")) as HeapSnapshotFile);
  progress("reading the heap snapshot taken before");
  const beforeGraph = await load(before);
  const beforeClasses = beforeGraph.classes();
  const beforeTotal = [...beforeClasses.values()].reduce((sum, c) => sum + c.selfBytes, 0);
  progress("reading the heap snapshot taken after");
  const graph = await load(after);
  const afterClasses = graph.classes();
  const afterTotal = [...afterClasses.values()].reduce((sum, c) => sum + c.selfBytes, 0);

  const rooms = graph.instancesOf(roomClass);
  const roomRetained = rooms.reduce((sum, room) => sum + graph.retained(room), 0);
  const scale = (branches: RetainedBranch[]): RetainedBranch[] =>
    branches.map((branch) => ({
      ...branch,
      bytes: Math.round(branch.bytes / Math.max(1, rooms.length)),
      children: scale(branch.children),
    }));
  const roomBreakdown = scale(graph.breakdown(rooms, 5, 8, roomRetained * 0.02));

  const grown = [...afterClasses.values()]
    .map((figure) => {
      const old = beforeClasses.get(figure.name);
      return {
        name: figure.name,
        count: figure.count - (old?.count ?? 0),
        bytes: figure.selfBytes - (old?.selfBytes ?? 0),
      };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 20);
  const growth = grown.map(({ name, count, bytes }) => {
    const instances = graph.instancesOf(name);
    // The newest instance: most likely one of the measured tables'.
    const sample = instances.at(-1);
    return {
      name,
      countPerTable: Math.round((count / tables) * 10) / 10,
      kbPerTable: kb(bytes / tables),
      heldBy: sample === undefined ? [] : graph.dominatorChain(sample).slice(-8),
    };
  });
  return {
    snapshotKbPerTable: kb((afterTotal - beforeTotal) / tables),
    rooms: rooms.length,
    roomRetainedKb: kb(roomRetained / Math.max(1, rooms.length)),
    roomBreakdown,
    growth,
    files: [before, after],
  };
}

async function run(options: MemoryOptions, roles: string[]): Promise<MemoryBenchReport> {
  return withCleanups(async (cleanups) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "red-lines-bench-memory-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const snapshotDir = options.snapshot ? path.resolve(options.snapshot) : undefined;
    if (snapshotDir) await mkdir(snapshotDir, { recursive: true });

    progress("starting the server (embedded database, --expose-gc)");
    const server = await startServerChild(
      {},
      dataDir,
      ["--expose-gc", "--import", path.join(here, "probe.ts")],
      snapshotDir ? { RED_LINES_MEMORY_SNAPSHOT_DIR: snapshotDir } : {},
    );
    cleanups.push(() => stopServerChild(server));
    const probe = prober(server);
    progress(`server ready at ${server.url} (pid ${server.child.pid})`);

    const setupStarted = performance.now();
    const warmup = options.warmupTables;
    const workshops = await createWorkshops(server.url, warmup + options.tables);
    const assignments = assignmentsOf(workshops);
    const warmupWorkers = workersFor(warmup * roles.length, warmup);
    const workerCount = workersFor(options.tables * roles.length, options.tables);
    const workers = Array.from({ length: warmupWorkers + workerCount }, (_, index) => startWorker(index));
    cleanups.push(async () => {
      for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill("SIGTERM");
      await Promise.all(workers.map((worker) => worker.exited));
    });

    progress(`seating ${warmup} warm-up table(s)`);
    await seatAndChat(
      server.url,
      roles,
      assignments.slice(0, warmup),
      workers.slice(0, warmupWorkers),
      options.chat,
    );
    progress(`measuring the server with ${warmup} table(s)`);
    const before = await probe("before");
    if (!before.gc) throw new BenchError("The server could not force garbage collections (--expose-gc).");

    progress(`seating ${options.tables} tables over ${workerCount} workers`);
    const chatLinesPerTable = await seatAndChat(
      server.url,
      roles,
      assignments.slice(warmup),
      workers.slice(warmupWorkers),
      options.chat,
    );
    const setupSeconds = Math.round((performance.now() - setupStarted) / 100) / 10;
    // Let the last views and acknowledgements settle before measuring the table at rest.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    progress(`measuring the server with ${warmup + options.tables} tables`);
    const after = await probe("after");

    for (const worker of workers) tell(worker, { type: "close" });
    await Promise.race([
      Promise.all(workers.map((worker) => worker.exited)),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]);
    const serverLogLines = server.logLines.slice(0, 10);
    progress("stopping the server");
    await stopServerChild(server);

    const per = (pick: (usage: MemoryUsage) => number) => kb((pick(after) - pick(before)) / options.tables);
    const kindsBefore = rssByKind(before);
    const kindsAfter = rssByKind(after);
    const perKind = (kind: keyof typeof kindsBefore) =>
      kb((kindsAfter[kind] - kindsBefore[kind]) / options.tables);
    const snapshot =
      before.snapshot && after.snapshot
        ? await analyseSnapshots(before.snapshot, after.snapshot, options.tables)
        : null;
    return {
      tables: options.tables,
      warmupTables: warmup,
      seats: roles.length,
      chatLinesPerTable,
      before: { heapUsedMb: mb(before.heapUsed), rssMb: mb(before.rss) },
      after: { heapUsedMb: mb(after.heapUsed), rssMb: mb(after.rss) },
      perTable: {
        heapUsedKb: per((u) => u.heapUsed),
        heapTotalKb: per((u) => u.heapTotal),
        externalKb: per((u) => u.external),
        arrayBuffersKb: per((u) => u.arrayBuffers),
        rssKb: per((u) => u.rss),
        heapSpacesKb: Object.fromEntries(
          Object.entries(after.spaces)
            .map(([name, [size, used]]): [string, [number, number]] => {
              const [sizeBefore = 0, usedBefore = 0] = before.spaces[name] ?? [];
              return [
                name,
                [kb((size - sizeBefore) / options.tables), kb((used - usedBefore) / options.tables)],
              ];
            })
            .filter(([, [size, used]]) => size !== 0 || used !== 0),
        ),
        rssByKind: {
          mallocHeapKb: perKind("mallocHeap"),
          largeAnonymousKb: perKind("largeAnonymous"),
          otherAnonymousKb: perKind("otherAnonymous"),
          fileKb: perKind("file"),
        },
      },
      snapshot,
      setupSeconds,
      serverLogLines,
    };
  });
}

function branchLines(branches: RetainedBranch[], indent: string): string[] {
  return branches.flatMap((branch) => [
    `${indent}${kb(branch.bytes).toFixed(1).padStart(8)} KB  ${branch.label}${branch.count > 1 ? ` (${branch.count} objects in all)` : ""}`,
    ...branchLines(branch.children, `${indent}  `),
  ]);
}

function describe(report: MemoryBenchReport): string {
  const { perTable } = report;
  const lines = [
    `Red Lines memory bench: ${report.tables} tables × ${report.seats} seats, negotiating, ${report.chatLinesPerTable} chat lines a table, at rest after forced GC`,
    `  server               heap ${report.before.heapUsedMb} → ${report.after.heapUsedMb} MB, RSS ${report.before.rssMb} → ${report.after.rssMb} MB (${report.warmupTables} warm-up table(s) → all tables)`,
    `  per table            heap ${perTable.heapUsedKb} KB used (${perTable.heapTotalKb} KB committed), external ${perTable.externalKb} KB (array buffers ${perTable.arrayBuffersKb} KB), RSS ${perTable.rssKb} KB`,
    `  heap spaces          ${Object.entries(perTable.heapSpacesKb)
      .map(([name, [size, used]]) => `${name} ${size}/${used}`)
      .join(", ")} (KB committed/used per table)`,
    `  RSS growth by kind   C heap ${perTable.rssByKind.mallocHeapKb} KB, database memory (≥ 64 MB mappings) ${perTable.rssByKind.largeAnonymousKb} KB, other anonymous ${perTable.rssByKind.otherAnonymousKb} KB, files ${perTable.rssByKind.fileKb} KB (per table)`,
  ];
  const { snapshot } = report;
  if (snapshot) {
    lines.push(
      `  heap snapshot        ${snapshot.snapshotKbPerTable} KB more per table; ${snapshot.rooms} rooms retain ${snapshot.roomRetainedKb} KB each:`,
      ...branchLines(snapshot.roomBreakdown, "    "),
      "  classes that grew most (shallow size per table; where the newest instance is held):",
    );
    for (const figure of snapshot.growth) {
      lines.push(
        `    ${figure.kbPerTable.toFixed(1).padStart(8)} KB  ${figure.name} (${figure.countPerTable} per table)`,
      );
      if (figure.heldBy.length > 0) lines.push(`                 held by … ${figure.heldBy.join(" / ")}`);
    }
    lines.push(
      `  snapshots            ${snapshot.files.join(", ")}`,
      "  (with --snapshot the RSS figures above include what writing the first snapshot took: compare RSS without it)",
    );
  }
  for (const line of report.serverLogLines) lines.push(`  server said          ${line}`);
  return lines.join("\n");
}

/** Runs the bench with the arguments after `memory`; resolves with the exit code. */
export async function runMemoryBench(argv: readonly string[]): Promise<number> {
  const scenario = getScenario(scenarioId);
  if (!scenario) {
    console.error(`The bench's scenario "${scenarioId}" is missing.`);
    return 1;
  }
  const parsed = parseMemoryArguments(argv);
  if (parsed.ok === "help") {
    console.log(usage);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`${parsed.error} Run \`npm run bench -- memory --help\` for the options.`);
    return 2;
  }
  try {
    const report = await run(
      parsed.options,
      scenario.roles.map((role) => role.id),
    );
    console.log(parsed.options.json ? JSON.stringify(report) : describe(report));
    return 0;
  } catch (error) {
    console.error(
      error instanceof BenchError
        ? `The memory bench failed: ${error.message}`
        : `The memory bench failed: ${(error as Error).stack ?? String(error)}`,
    );
    return 1;
  }
}
