// `npm run bench -- replay [--events N] [--samples N] [--snapshot-every N] [--seed s] [--json]`:
// builds a long table log through the engine (a seeded mix of drafting, tabling, answers, chat
// and private messages over many rounds), then times computing the view at random points of it,
// as the replay route does: seek (snapshot + fold) and project with `viewFor`, for a random
// perspective.
import { performance } from "node:perf_hooks";
import {
  createRandom,
  createReplay,
  type TableCommand,
  type TableEvent,
  TableScript,
  viewFor,
} from "@red-lines/shared/engine";
import { z } from "zod";

const optionsSchema = z.strictObject({
  events: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
  samples: z.coerce.number().int().min(10).max(100_000).default(2_000),
  snapshotEvery: z.coerce.number().int().min(1).max(100_000).default(100),
  seed: z.string().default("replay-bench"),
  json: z.boolean().default(false),
});
type Options = z.infer<typeof optionsSchema>;

function parse(argv: readonly string[]): Options | string {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? "";
    if (token === "--json") raw.json = true;
    else if (/^--(events|samples|snapshot-every|seed)$/.test(token)) {
      const name = token.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      raw[name] = argv[++i];
    } else return `unknown option ${token} (options: --events, --samples, --snapshot-every, --seed, --json)`;
  }
  const parsed = optionsSchema.safeParse(raw);
  return parsed.success
    ? parsed.data
    : parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; ");
}

/** A long, varied log made by the engine itself: every event is one `decide` accepted. */
export function buildLog(
  events: number,
  seed: string,
): { events: TableEvent[]; config: { scenario: string; variant: string; rounds: number } } {
  const config = { scenario: "ukraine-2026", variant: "back-channel", rounds: 100 };
  const table = new TableScript(config);
  const roles = table.state.turnOrder;
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: role });
  table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
  const random = createRandom(seed);
  const issues = table.state.effective.issues;
  while (table.events.length < events) {
    if (table.state.phase !== "negotiating") {
      // Keep going past the clock: more rounds, as an instructor would.
      break;
    }
    const seat = table.state.turn?.seat ?? "us";
    const roll = random.next();
    const other = random.pick(roles.filter((role) => role !== seat));
    const command: TableCommand | null =
      roll < 0.45
        ? (() => {
            const issue = random.pick(issues);
            return {
              type: "set-option",
              actor: seat,
              at: table.now,
              issue: issue.id,
              option: random.pick(issue.options).id,
            };
          })()
        : roll < 0.6
          ? { type: "say", actor: random.pick(roles), at: table.now, text: `Message ${table.events.length}` }
          : roll < 0.7
            ? { type: "say", actor: seat, at: table.now, to: other, text: `Private ${table.events.length}` }
            : roll < 0.8
              ? { type: "table-draft", actor: seat, at: table.now }
              : roll < 0.9 && table.state.versions.length > 0
                ? {
                    type: "object",
                    actor: other,
                    at: table.now,
                    version: table.state.versions.length,
                    issues: [random.pick(issues).id],
                    note: "Not this.",
                  }
                : { type: "pass", actor: seat, at: table.now };
    table.advance(1_000);
    table.try(command as Parameters<typeof table.try>[0]);
    if ((table.state.turn?.round ?? 0) >= table.state.rounds - 1) {
      table.do({ type: "extend-rounds", actor: "instructor", by: 50 });
    }
  }
  return { events: table.events.slice(0, events), config };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export async function runReplayBench(argv: readonly string[]): Promise<number> {
  const options = parse(argv);
  if (typeof options === "string") {
    console.error(`bench replay: ${options}`);
    return 2;
  }
  const builtAt = performance.now();
  const { events, config } = buildLog(options.events, options.seed);
  const buildMs = performance.now() - builtAt;
  const indexAt = performance.now();
  const replay = createReplay(config, events, { snapshotEvery: options.snapshotEvery });
  const indexMs = performance.now() - indexAt;
  const perspectives = ["instructor", "observer", ...replay.stateAt(0).turnOrder];
  const random = createRandom(`${options.seed}:samples`);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < options.samples; i++) {
    const at = random.between(0, replay.length);
    const perspective = random.pick(perspectives);
    const started = performance.now();
    const view = viewFor(replay.stateAt(at), perspective);
    times.push(performance.now() - started);
    if (i % 50 === 0) bytes += JSON.stringify(view).length;
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const report = {
    events: replay.length,
    samples: times.length,
    snapshotEvery: options.snapshotEvery,
    p50Ms: round(percentile(times, 50)),
    p90Ms: round(percentile(times, 90)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.at(-1) ?? 0),
    buildLogMs: Math.round(buildMs),
    indexMs: Math.round(indexMs),
    avgViewBytes: Math.round(bytes / Math.ceil(options.samples / 50)),
  };
  if (report.events < options.events) {
    console.error(`bench replay: the table concluded after ${report.events} events, fewer than asked`);
  }
  if (options.json) console.log(JSON.stringify(report));
  else {
    console.log(
      `replay of a ${report.events}-event log, ${report.samples} random views (snapshot every ${report.snapshotEvery}):`,
    );
    console.log(
      `  p50 ${report.p50Ms} ms, p90 ${report.p90Ms} ms, p99 ${report.p99Ms} ms, max ${report.maxMs} ms`,
    );
    console.log(
      `  log built in ${report.buildLogMs} ms, replay index in ${report.indexMs} ms, view ≈ ${report.avgViewBytes} bytes`,
    );
  }
  return 0;
}
