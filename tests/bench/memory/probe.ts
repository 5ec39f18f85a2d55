// Preloaded (`--import`) into the server `npm run bench -- memory` starts, with --expose-gc.
// A line `memory-probe <label>` on the server's stdin (which the bench holds open anyway, see
// ../server/orphanGuard.ts) forces full garbage collections, then answers on stdout with one line
// `memory-probe <label> {json}`: process.memoryUsage() after the collections, the resident
// size of each of the process's memory mappings (Linux's /proc/self/smaps, so the bench can tell
// which kind of memory grew) and, when RED_LINES_MEMORY_SNAPSHOT_DIR is set, the path of a V8
// heap snapshot written there.
import { readFile } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { getHeapSpaceStatistics, writeHeapSnapshot } from "node:v8";

const collect = (globalThis as { gc?: () => void }).gc;
const snapshotDir = process.env.RED_LINES_MEMORY_SNAPSHOT_DIR;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each mapping as `[start address, size, resident bytes, path]` ("" for anonymous memory). */
async function mappings(): Promise<[string, number, number, string][]> {
  const text = await readFile("/proc/self/smaps", "utf8").catch(() => "");
  const found: [string, number, number, string][] = [];
  let current: [string, number, string] | undefined;
  for (const line of text.split("\n")) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (range) {
      const [, start = "0", end = "0", name = ""] = range;
      current = [start, Number.parseInt(end, 16) - Number.parseInt(start, 16), name.trim()];
    } else if (current && line.startsWith("Rss:")) {
      found.push([current[0], current[1], Number(line.split(/\s+/)[1]) * 1024, current[2]]);
    }
  }
  return found;
}

async function probe(label: string) {
  // A few rounds, with turns of the event loop between them, so objects freed by finalizers
  // and weak callbacks of one round are gone by the last; the figures are read right after the
  // last (the rooms' timers allocate a little all the time).
  for (let round = 0; round < 3; round++) {
    collect?.();
    await pause(50);
  }
  collect?.();
  const usage = process.memoryUsage();
  const maps = await mappings();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [space.space_name, [space.space_size, space.space_used_size]]),
  );
  const snapshot = snapshotDir ? writeHeapSnapshot(path.join(snapshotDir, `${label}.heapsnapshot`)) : null;
  process.stdout.write(
    `memory-probe ${label} ${JSON.stringify({ ...usage, gc: collect !== undefined, snapshot, mappings: maps, spaces })}\n`,
  );
}

let pending = "";
process.stdin.on("data", (chunk: Buffer) => {
  pending += chunk.toString();
  const lines = pending.split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) {
    const label = /^memory-probe ([\w-]+)$/.exec(line.trim())?.[1];
    if (label) void probe(label);
  }
});
