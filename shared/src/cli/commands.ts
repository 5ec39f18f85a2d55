// The scenario CLI's commands, with I/O passed in so they can be tested without a process:
// `check` validates a scenario file or built-in scenario, `analyze` runs the analysis.
import { analyze } from "../analysis/analyze.ts";
import { countFeasible } from "../analysis/feasible.ts";
import { compileModel } from "../analysis/model.ts";
import { simulate } from "../bots/simulate.ts";
import type { BotStyle } from "../bots/styles.ts";
import { packageSpaceSize } from "../package.ts";
import { effectiveScenario } from "../scenario/effective.ts";
import { loadScenario, type ScenarioError } from "../scenario/load.ts";
import { scenarioData, scenarioIds } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { translationCoverage, translationLocales } from "../scenario/translations.ts";
import { parseArguments, USAGE } from "./arguments.ts";
import { formatAnalysis, formatSimulation } from "./report.ts";

export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  /** File contents, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /** Milliseconds from some fixed origin, for elapsedMs. */
  now(): number;
};

/** Exit codes: 0 success, 1 invalid scenario, 2 bad command line or unreadable input. */
export function runScenarioCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArguments(argv);
  if (parsed.ok === "help") {
    io.out(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.err(`scenario: ${parsed.error} (see --help)`);
    return 2;
  }
  const { args } = parsed;

  const source = readTarget(args.target, io);
  if (!source.ok) {
    io.err(`scenario: ${source.error}`);
    return 2;
  }
  const loaded = loadScenario(source.data);
  if (!loaded.ok) {
    reportErrors(args.target, loaded.errors, args.json, io);
    return 1;
  }
  const scenario = loaded.scenario;

  if (args.command === "check") {
    const variants = scenario.variants.map((v) => ({
      id: v.id,
      feasible: countFeasible(compileModel(effectiveScenario(scenario, v.id))),
    }));
    // Each language's coverage: how many of the scenario's texts it translates, and which not.
    const translations = Object.fromEntries(
      translationLocales.map((locale) => {
        const { texts, translated, missing } = translationCoverage(scenario, locale);
        return [locale, { texts, translated, missing }];
      }),
    );
    if (args.json) {
      io.out(JSON.stringify({ ok: true, ...summary(scenario), variants, translations }, null, 2));
    } else {
      const s = summary(scenario);
      io.out(
        [
          `ok  ${scenario.id} — ${scenario.title}`,
          `    ${s.roles} roles, ${s.issues} issues, ${s.packages.toLocaleString("en-US")} packages, ${s.redLines} red lines, ${s.variants} variants, ${s.events} events`,
          ...variants.map(
            (v) =>
              `    variant ${v.id}${v.id === scenario.defaultVariant ? " (default)" : ""}: ${
                v.feasible === 0
                  ? "no feasible package"
                  : `${v.feasible.toLocaleString("en-US")} feasible packages`
              }`,
          ),
          ...Object.entries(translations).map(([locale, coverage]) =>
            coverage.missing.length === 0
              ? `    ${languageNames[locale] ?? locale} (${locale}): complete, ${coverage.texts} texts`
              : `    ${languageNames[locale] ?? locale} (${locale}): ${coverage.missing.length} of ${coverage.texts} texts not translated${
                  coverage.missing.length <= 12
                    ? `: ${coverage.missing.join(", ")}`
                    : `, e.g. ${coverage.missing.slice(0, 12).join(", ")} (--json lists them all)`
                }`,
          ),
        ].join("\n"),
      );
    }
    return 0;
  }

  const variant = args.variant ?? scenario.defaultVariant;
  if (args.command === "simulate") {
    if (!scenario.variants.some((v) => v.id === variant)) {
      io.err(
        `scenario: unknown variant "${variant}" for ${scenario.id} (expected one of: ${scenario.variants.map((v) => v.id).join(", ")})`,
      );
      return 2;
    }
    const unknownRole = Object.keys(args.style).find(
      (role) => role !== "*" && !scenario.roles.some((r) => r.id === role),
    );
    if (unknownRole !== undefined) {
      io.err(
        `scenario: --style names "${unknownRole}", which is not a role of ${scenario.id} (${scenario.roles.map((r) => r.id).join(", ")})`,
      );
      return 2;
    }
    const styles = Object.fromEntries(
      scenario.roles.map((role) => [role.id, args.style[role.id] ?? args.style["*"] ?? "boulware"]),
    ) as Record<string, BotStyle>;
    const start = io.now();
    const report = simulate(
      { scenario, variant },
      { tables: args.tables, seed: args.seed, styles, now: io.now },
    );
    const elapsedMs = Math.round((io.now() - start) * 100) / 100;
    io.out(
      args.json ? JSON.stringify({ ...report, elapsedMs }, null, 2) : formatSimulation(report, elapsedMs),
    );
    return 0;
  }
  if (!scenario.variants.some((v) => v.id === variant)) {
    io.err(
      `scenario: unknown variant "${variant}" for ${scenario.id} (expected one of: ${scenario.variants.map((v) => v.id).join(", ")})`,
    );
    return 2;
  }
  const unknownEvent = args.events.find((e) => !scenario.events.some((known) => known.id === e));
  if (unknownEvent !== undefined) {
    io.err(
      `scenario: unknown event "${unknownEvent}" for ${scenario.id} (expected some of: ${scenario.events.map((e) => e.id).join(", ")})`,
    );
    return 2;
  }
  const start = io.now();
  const analysis = analyze(effectiveScenario(scenario, variant, args.events));
  const elapsedMs = Math.round((io.now() - start) * 100) / 100;
  if (args.json) {
    const { pareto, ...rest } = analysis;
    io.out(JSON.stringify({ ...rest, ...(args.pareto ? { pareto } : {}), elapsedMs }, null, 2));
  } else {
    io.out(formatAnalysis(analysis, elapsedMs));
  }
  return 0;
}

type Target = { ok: true; data: unknown } | { ok: false; error: string };

/** A built-in scenario id, or else a path to a JSON file. */
function readTarget(target: string, io: CliIo): Target {
  if (scenarioIds.includes(target)) return { ok: true, data: scenarioData(target) };
  const text = io.readFile(target);
  if (text === undefined) {
    return {
      ok: false,
      error: `no built-in scenario or file named "${target}" (built-in: ${scenarioIds.join(", ")})`,
    };
  }
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `${target} is not valid JSON: ${(error as Error).message}` };
  }
}

function reportErrors(target: string, errors: readonly ScenarioError[], json: boolean, io: CliIo): void {
  if (json) {
    // The CLI's words: each problem's path and English, not the code the studio renders.
    const said = errors.map(({ path, message }) => ({ path, message }));
    io.out(JSON.stringify({ ok: false, errors: said }, null, 2));
    return;
  }
  const plural = errors.length === 1 ? "error" : "errors";
  io.err(
    [
      `invalid scenario ${target}: ${errors.length} ${plural}`,
      ...errors.map((e) => `  ${e.path}: ${e.message}`),
    ].join("\n"),
  );
}

/** Languages by their English names, for an author's report. */
const languageNames: Record<string, string> = { uk: "Ukrainian" };

function summary(scenario: Scenario) {
  const redLines =
    Object.values(scenario.redLines).flat().length +
    scenario.variants.reduce((n, v) => n + Object.values(v.redLines).flat().length, 0);
  return {
    scenario: scenario.id,
    title: scenario.title,
    roles: scenario.roles.length,
    issues: scenario.issues.length,
    packages: packageSpaceSize(scenario),
    redLines,
    variants: scenario.variants.length,
    events: scenario.events.length,
  };
}
