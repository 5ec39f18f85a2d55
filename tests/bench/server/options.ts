// Flags of `npm run bench -- server`: a small tokenizer, then a zod schema, so every mistake is
// one sentence rather than a stack trace. Also the percentile maths the report uses.
import { z } from "zod";

export const usage = `usage: npm run bench -- server [options]

Starts a Red Lines server (API only, embedded database in a temporary folder unless
--database-url is given), seats --tables tables of four WebSocket clients spread over worker
processes, has every table say about --rate public chat lines a second, and reports the time
from an intent sent to the resulting view received by all four seats (durable append included),
the bytes each connection receives per command, the server's memory per table, and those bytes
at one more table played to 500 chat lines and 40 versions before the load (the long game).

options:
  --tables <n>          tables to drive, 1-2000 (default 250)
  --duration <s>        measured seconds, 1-600 (default 30)
  --warmup <s>          seconds of load before measuring, 0-120 (default 5)
  --rate <n>            intents per table per second, 0.05-20 (default 1)
  --workers <n>         load-generator processes, 1-64 (default: at most ~1,000 sockets each, at least 2)
  --instructors         keep each table's instructor connected during the load (one more socket a table)
  --anchor              then run the same load against bare Colyseus rooms (no engine, no log, the
                        same message sizes) and report the ratio of the two p99s
  --database-url <url>  bench against this PostgreSQL server instead of the embedded database
                        (the bench's workshops are deleted from it afterwards)
  --profile <dir>       write a V8 CPU profile of the server over the measured window (.cpuprofile)
                        into this folder, and report its heaviest functions
  --metrics <file>      write the server's Prometheus metrics (GET /metrics) at the end of the
                        load, every seat still connected, into this file
  --json                print one JSON object on stdout (progress goes to stderr)
  --help                this text`;

/**
 * Sockets one load-generator process is given at most, by default. With view patches a socket
 * costs its generator little (about 0.2 KB per update to decode), and on a 2-core machine every
 * extra process costs the server CPU time and context switches: at 1,000 tables, 16 generators of
 * 250 sockets pushed the p50 to 8 s where 4 of 1,000 kept it under 0.1 s.
 */
export const socketsPerWorker = 1000;

/** A whole-number flag between `min` and `max`, its one sentence naming the flag. */
export const whole = (name: string, min: number, max: number, unit = "") =>
  z.coerce
    .number({ error: `--${name} must be a whole number from ${min} to ${max}${unit}.` })
    .int(`--${name} must be a whole number from ${min} to ${max}${unit}.`)
    .min(min, `--${name} must be a whole number from ${min} to ${max}${unit}.`)
    .max(max, `--${name} must be a whole number from ${min} to ${max}${unit}.`);

const benchOptionsSchema = z.strictObject({
  tables: whole("tables", 1, 2000).default(250),
  duration: whole("duration", 1, 600, " seconds").default(30),
  warmup: whole("warmup", 0, 120, " seconds").default(5),
  rate: z.coerce
    .number({ error: "--rate must be a number of intents per table per second from 0.05 to 20." })
    .min(0.05, "--rate must be a number of intents per table per second from 0.05 to 20.")
    .max(20, "--rate must be a number of intents per table per second from 0.05 to 20.")
    .default(1),
  workers: whole("workers", 1, 64).optional(),
  instructors: z.boolean().default(false),
  anchor: z.boolean().default(false),
  databaseUrl: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      "--database-url must be a PostgreSQL connection URL such as postgresql://user:password@localhost:5432/redlines.",
    )
    .optional(),
  profile: z.string().min(1, "--profile needs a folder to write the server's CPU profile into.").optional(),
  metrics: z.string().min(1, "--metrics needs a file to write the server's metrics into.").optional(),
  json: z.boolean().default(false),
});

export type BenchOptions = Omit<z.infer<typeof benchOptionsSchema>, "workers"> & { workers: number };

const valueFlags: Record<string, keyof z.input<typeof benchOptionsSchema>> = {
  tables: "tables",
  duration: "duration",
  warmup: "warmup",
  rate: "rate",
  workers: "workers",
  "database-url": "databaseUrl",
  profile: "profile",
  metrics: "metrics",
};
const booleanFlags: Record<string, keyof z.input<typeof benchOptionsSchema>> = {
  json: "json",
  instructors: "instructors",
  anchor: "anchor",
};

/** Sockets a table holds: its seats, and the instructor when kept. */
export function socketsPerTable(seats: number, instructors: boolean): number {
  return seats + (instructors ? 1 : 0);
}

/**
 * The bench flags' tokenizer: `--name value`, `--name=value` and boolean `--name`, into the raw
 * object a zod schema then checks. "help" when asked for; else one sentence for the first mistake.
 */
export function tokenizeFlags(
  argv: readonly string[],
  valueFlags: Record<string, string>,
  booleanFlags: Record<string, string>,
): { ok: true; raw: Record<string, unknown> } | { ok: false; error: string } | { ok: "help" } {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === "--help" || token === "-h" || token === "help") return { ok: "help" };
    if (!token.startsWith("--")) return { ok: false, error: `Unexpected argument "${token}".` };
    const [name = "", inline] = token.slice(2).split(/=(.*)/s, 2);
    const booleanKey = booleanFlags[name];
    const valueKey = valueFlags[name];
    if (booleanKey) {
      if (inline !== undefined) return { ok: false, error: `--${name} takes no value.` };
      raw[booleanKey] = true;
    } else if (valueKey) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--") || value.trim() === "")
        return { ok: false, error: `--${name} needs a value.` };
      raw[valueKey] = value;
    } else {
      return { ok: false, error: `Unknown option --${name}.` };
    }
  }
  return { ok: true, raw };
}

/** Load generators for this many sockets: about `socketsPerWorker` each, at least 2, at most one a table. */
export function workersFor(sockets: number, tables: number): number {
  return Math.min(tables, Math.max(2, Math.ceil(sockets / socketsPerWorker)));
}

export function parseBenchArguments(
  argv: readonly string[],
  seatsPerTable = 4,
): { ok: true; options: BenchOptions } | { ok: false; error: string } | { ok: "help" } {
  const flags = tokenizeFlags(argv, valueFlags, booleanFlags);
  if (flags.ok !== true) return flags;
  const { raw } = flags;
  const parsed = benchOptionsSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join(" ") };
  const { workers, ...rest } = parsed.data;
  const sockets = rest.tables * socketsPerTable(seatsPerTable, rest.instructors);
  // A worker owns whole tables, so there is no point in more workers than tables.
  return {
    ok: true,
    options: { ...rest, workers: Math.min(workers ?? workersFor(sockets, rest.tables), rest.tables) },
  };
}

/** Splits tables 0..count-1 into `parts` contiguous groups as equal as possible. */
export function splitEvenly(count: number, parts: number): number[][] {
  const groups: number[][] = [];
  let next = 0;
  for (let part = 0; part < parts; part++) {
    const size = Math.floor(count / parts) + (part < count % parts ? 1 : 0);
    groups.push(Array.from({ length: size }, (_, i) => next + i));
    next += size;
  }
  return groups;
}

/** The nearest-rank percentile (0 < p ≤ 100) of ascending samples; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export type LatencySummary = {
  samples: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
};

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : Number.NaN);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    samples: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    meanMs: round(sorted.length === 0 ? Number.NaN : total / sorted.length),
  };
}
