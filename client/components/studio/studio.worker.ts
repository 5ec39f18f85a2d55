// The studio's engine off the page's thread: the live analysis of each draft, and the balance
// check's bot tables with progress. The same shared code as the CLI and the server.
import type { Locale } from "@red-lines/shared/protocol";
import {
  type BalanceRequest,
  balanceCheck,
  loadScenario,
  type SimulationReport,
  type StudioReport,
  studioReport,
} from "@red-lines/shared/studio";
import type { core } from "zod";
import uk from "zod/v4/locales/uk.js";

export type WorkerRequest =
  /** `locale`: the reader's, for zod's own words about a draft (the checks' own are codes). */
  | { type: "analyze"; id: number; draft: unknown; locale: Locale }
  | { type: "balance"; id: number; draft: unknown; request: BalanceRequest };

export type WorkerAnswer =
  | { type: "report"; id: number; report: StudioReport }
  | { type: "progress"; id: number; done: number; total: number }
  | { type: "balanced"; id: number; report: SimulationReport; elapsedMs: number }
  | { type: "failed"; id: number; failure: BalanceFailure };

/** Why a balance check did not run: the page says it in the reader's language. */
export type BalanceFailure =
  | { reason: "invalid" }
  /** The engine threw; `detail` is its own message. */
  | { reason: "crashed"; detail: string };

/**
 * zod's words in each language but English (its default), for one parse at a time: this worker
 * never sets a language for zod globally.
 */
const zodLocales: Record<Exclude<Locale, "en">, () => { localeError: core.$ZodErrorMap }> = { uk };
const zodWords = new Map<Locale, core.$ZodErrorMap>();
function localeError(locale: Locale): core.$ZodErrorMap | undefined {
  if (locale === "en") return undefined;
  let map = zodWords.get(locale);
  if (!map) {
    map = zodLocales[locale]().localeError;
    zodWords.set(locale, map);
  }
  return map;
}

const post = (answer: WorkerAnswer) => (self as unknown as Worker).postMessage(answer);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === "analyze") {
      const error = localeError(message.locale);
      const report = studioReport(message.draft, undefined, error ? { localeError: error } : {});
      post({ type: "report", id: message.id, report });
      return;
    }
    const loaded = loadScenario(message.draft);
    if (!loaded.ok) {
      post({
        type: "failed",
        id: message.id,
        failure: { reason: "invalid" },
      });
      return;
    }
    const start = performance.now();
    let last = 0;
    const report = balanceCheck(loaded.scenario, message.request, (done, total) => {
      const now = performance.now();
      if (done === total || now - last > 100) {
        last = now;
        post({ type: "progress", id: message.id, done, total });
      }
    });
    post({ type: "balanced", id: message.id, report, elapsedMs: Math.round(performance.now() - start) });
  } catch (error) {
    post({
      type: "failed",
      id: message.id,
      failure: { reason: "crashed", detail: (error as Error).message },
    });
  }
};
