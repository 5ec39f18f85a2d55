// What the scenario studio shows beside the editor as the author types: the same checks as the
// CLI's `check`, then the same analysis as its `analyze` for every variant, and what each event
// would change from the default variant. Pure: the studio runs it in a web worker.
import { type Analysis, analyze } from "../analysis/analyze.ts";
import { effectiveScenario } from "../scenario/effective.ts";
import { type LoadOptions, loadScenario, type ScenarioError } from "../scenario/load.ts";
import type { Scenario } from "../scenario/schema.ts";

/** One analysis as the CLI's `analyze --json` prints it, without the frontier's packages. */
export type AnalysisFigures = Omit<Analysis, "pareto">;

export type EventChange = {
  event: string;
  title: string;
  /** The default variant after this event alone. */
  after: AnalysisFigures;
};

export type StudioReport =
  | { ok: false; errors: ScenarioError[] }
  | {
      ok: true;
      scenario: Scenario;
      /** Every variant, the default first, with no events. */
      variants: (AnalysisFigures & { name: string })[];
      events: EventChange[];
      elapsedMs: number;
    };

function figures(analysis: Analysis): AnalysisFigures {
  const { pareto: _pareto, ...rest } = analysis;
  return rest;
}

/**
 * `options.localeError` gives zod's own words in the reader's language (the studio's browser
 * passes its reader's); each problem's `problem` code renders the check's words in any language.
 */
export function studioReport(
  data: unknown,
  now: () => number = () => performance.now(),
  options: LoadOptions = {},
): StudioReport {
  const start = now();
  const loaded = loadScenario(data, options);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const scenario = loaded.scenario;
  const ordered = [
    ...scenario.variants.filter((v) => v.id === scenario.defaultVariant),
    ...scenario.variants.filter((v) => v.id !== scenario.defaultVariant),
  ];
  const variants = ordered.map((v) => ({
    ...figures(analyze(effectiveScenario(scenario, v.id))),
    name: v.name,
  }));
  const events = scenario.events.map((event) => ({
    event: event.id,
    title: event.title,
    after: figures(analyze(effectiveScenario(scenario, scenario.defaultVariant, [event.id]))),
  }));
  return { ok: true, scenario, variants, events, elapsedMs: Math.round((now() - start) * 10) / 10 };
}
