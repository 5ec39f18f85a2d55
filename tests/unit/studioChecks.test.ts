// The scenario check's problems as the studio shows them: each problem of our own checks (and
// zod's size checks) carries a code whose English message (client/messages/en/checks.json) is
// exactly the CLI's words, and a Ukrainian reader reads them in Ukrainian; zod's other words
// follow the reader's zod locale, for the studio's parse only.
import { scenarioData } from "@red-lines/shared/scenarios";
import { loadScenario, type Scenario, type ScenarioError } from "@red-lines/shared/studio";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ukZod from "zod/v4/locales/uk.js";
import en from "../../client/messages/en/checks.json";
import uk from "../../client/messages/uk/checks.json";
import { schemaMessages } from "../../shared/src/scenario/ids.ts";

type Translate = (code: string, values?: Record<string, string | number>) => string;
const translator = (locale: "en" | "uk"): Translate =>
  createTranslator({
    locale,
    messages: { checks: locale === "en" ? en : uk },
    namespace: "checks",
  }) as unknown as Translate;
const english = translator("en");
const ukrainian = translator("uk");

/** The words the studio shows for a problem (problemText.ts), in one language. */
const shown = (t: Translate) => (error: ScenarioError) =>
  error.problem ? t(error.problem.code, error.problem.values ?? {}) : error.message;

/** The flagship's data with edits applied, as an author might break it. */
function broken(edit: (data: Scenario) => void): unknown {
  const data = structuredClone(scenarioData("ukraine-2026")) as Scenario;
  edit(data);
  return data;
}

function errorsOf(data: unknown, options?: Parameters<typeof loadScenario>[1]): ScenarioError[] {
  const result = loadScenario(data, options);
  if (result.ok) throw new Error("expected the scenario to be rejected");
  return result.errors;
}

/** Breaks every cross-reference check it can at once (the schema holds). */
const crossBroken = broken((s) => {
  const ukraine = s.utilities.ukraine;
  if (ukraine) ukraine.weights.territory = 30;
  delete s.utilities.europe;
  s.utilities.china = structuredClone(s.utilities.us as NonNullable<typeof s.utilities.us>);
  const us = s.utilities.us;
  if (us) {
    delete us.weights.monitoring;
    delete us.scores.sanctions;
    const monitoring = us.scores.monitoring;
    if (monitoring) {
      delete monitoring.none;
      monitoring.drones = 10;
    }
  }
  s.turnOrder = ["us", "ukraine", "us", "nato"];
  s.defaultVariant = "secret-channel";
  const issue = s.issues[4];
  if (issue) issue.id = "territory";
  const option = s.issues[2]?.options[1];
  if (option) option.id = "none";
  const document = s.documents[1];
  if (document) document.file = s.documents[0]?.file ?? "";
  const source = s.roles[0]?.sources[0];
  if (source) source.file = "missing.txt";
  s.redLines.ukraine?.push({
    ...(s.redLines.ukraine[0] as NonNullable<(typeof s.redLines.ukraine)[0]>),
    rule: { in: { issue: "territory", options: ["deferred", "deferred", "annexed"] } },
  });
  s.redLines.china = [];
  s.events.push({
    id: "pokrovsk-breakthrough",
    title: "Again",
    flash: "Again",
    effects: [
      { kind: "setVariant", role: "us", variant: "atlantis" },
      { kind: "removeRedLine", role: "europe", redLine: "ua-accountability" },
      { kind: "score", role: "us", issue: "oceans", option: "x", delta: 1 },
    ],
    sources: s.events[0]?.sources ?? [],
  });
  s.variants.push({ ...(s.variants[0] as NonNullable<(typeof s.variants)[0]>) });
  const stalemate = s.outcomes.find((o) => o.id === "stalemate");
  if (stalemate) stalemate.endings = ["rounds-exhausted", "rounds-exhausted"];
  s.outcomes.push({ ...(s.outcomes.find((o) => o.id === "collapse") as (typeof s.outcomes)[0]) });
  s.translations = { uk: { roles: { china: { name: "Китай" } } } };
});

/** Breaks the schema: the scenario's own words, and zod's size checks. */
const schemaBroken = broken((s) => {
  s.id = "Not An Id";
  s.title = "";
  s.clock.rounds = 0;
  s.clock.turnSeconds = 4000;
  const role = s.roles[0];
  if (role) {
    role.capacities = [];
    role.sources = [];
  }
  const scores = s.utilities.russia?.scores.territory;
  if (scores) scores["recognize-crimea"] = 120;
  const issue = s.issues[0];
  if (issue) issue.options = issue.options.slice(0, 1);
  (s as { format: string }).format = "red-lines/scenario@2";
  (s as { translations: unknown }).translations = { fr: {} };
  (s.utilities as Record<string, unknown>)["Bad Key"] = s.utilities.us;
  s.events[0]?.effects.splice(0);
});

describe("the scenario check's problems in the studio", () => {
  it("carry a code whose English message is the CLI's words, character for character", () => {
    const errors = [...errorsOf(crossBroken), ...errorsOf(schemaBroken)];
    const coded = errors.filter((error) => error.problem);
    expect(coded.length).toBeGreaterThan(25);
    for (const error of coded)
      expect(english(error.problem?.code ?? "", error.problem?.values), error.path).toBe(error.message);
    const codes = new Set(coded.map((error) => error.problem?.code));
    for (const code of [
      "scenario.weights-sum",
      "scenario.missing-utilities",
      "scenario.unknown-role",
      "scenario.missing-weight",
      "scenario.missing-scores",
      "scenario.missing-score",
      "scenario.unknown-option",
      "scenario.option-twice",
      "scenario.turn-twice",
      "scenario.turn-missing",
      "scenario.unknown-variant",
      "scenario.duplicate-issue",
      "scenario.duplicate-option",
      "scenario.duplicate-document",
      "scenario.duplicate-event",
      "scenario.duplicate-variant",
      "scenario.duplicate-red-line",
      "scenario.unknown-document",
      "scenario.unknown-issue",
      "scenario.no-red-line",
      "outcome.ending-twice",
      "outcome.duplicate-id",
      "outcome.ending-shared",
      "translation.stray",
      "schema.kebab-id",
      "schema.not-empty",
      "schema.too-small-number",
      "schema.too-big-number",
      "schema.too-small-array",
      "schema.sources",
      "schema.score-range",
      "schema.issue-options-min",
      "schema.format",
      "schema.languages",
      "schema.invalid-key",
      "schema.event-effects",
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it("give every schema message of the scenario's own a code, in the same English", () => {
    for (const [code, message] of Object.entries(schemaMessages)) {
      expect(english(`schema.${code}`)).toBe(message);
      expect(ukrainian(`schema.${code}`)).toMatch(/[а-яіїєґ]/);
    }
  });

  it("read in Ukrainian for a Ukrainian reader", () => {
    const cross = errorsOf(crossBroken).map((error) => `${error.path}: ${shown(ukrainian)(error)}`);
    expect(cross).toEqual(
      expect.arrayContaining([
        "utilities.ukraine.weights: сума ваг має дорівнювати 100 (зараз — 135)",
        "utilities.us.weights: немає ваги для питання «monitoring»",
        "outcomes[6].endings: «walk-out» — також завершення класу outcomes[2] («collapse»): кожне завершення належить лише до одного класу",
        "utilities: немає ваг і оцінок для ролі «europe»",
        "utilities.china: невідома роль «china»",
        "turnOrder[2]: роль «us» трапляється в черговості ходів двічі",
        "turnOrder[3]: невідома роль «nato»",
        "turnOrder: роль «russia» відсутня в черговості ходів",
        "defaultVariant: невідомий варіант сценарію «secret-channel»",
        "issues[4].id: ідентифікатор питання «territory» повторюється (уперше вжито в issues[0].id)",
        "roles[0].sources[0].file: «missing.txt» не належить до документів сценарію",
        "translations.uk.roles.china.name: у сценарії немає тексту за шляхом roles.china.name: перевірте ідентифікатор або вилучіть цей переклад",
      ]),
    );
    // Nothing of our own checks is left in English.
    const left = errorsOf(crossBroken).filter((error) => !error.problem);
    expect(left.map((error) => error.message)).toEqual([]);
  });

  it("give the outcome classes' problems codes, in the same English", () => {
    const agreementsOnly = broken((s) => {
      s.outcomes = s.outcomes.filter((o) => o.endings.includes("agreement"));
      delete s.translations;
    });
    const noAgreement = broken((s) => {
      s.outcomes = s.outcomes.filter((o) => !o.endings.includes("agreement"));
      delete s.translations;
    });
    const errors = [...errorsOf(agreementsOnly), ...errorsOf(noAgreement)];
    expect(errors.map((error) => error.problem?.code)).toEqual([
      "outcome.uncovered-rounds-exhausted",
      "outcome.uncovered-walk-out",
      "outcome.uncovered-ended-by-instructor",
      "outcome.uncovered-agreement",
    ]);
    for (const error of errors) expect(shown(english)(error)).toBe(error.message);
    expect(errors.map(shown(ukrainian))[1]).toBe(
      'жоден клас підсумку не охоплює вихід сторони з переговорів (додайте "walk-out" до завершень одного з класів)',
    );
    const many = { cases: 4_194_304, limit: 2_000_000 };
    expect(english("outcome.too-many-cases", many)).toBe(
      "the outcome rules tell apart 4,194,304 cases, more than the 2,000,000 the check can walk through: mention fewer issues or score tests",
    );
    expect(ukrainian("outcome.too-many-cases", many)).toBe(
      "правила підсумків розрізняють 4\u00a0194\u00a0304 випадки — більше, ніж 2\u00a0000\u00a0000, які може перебрати перевірка: згадайте в них менше питань або перевірок оцінок",
    );
  });

  it("say zod's own words in the reader's language for the studio's parse only", () => {
    const typed = broken((s) => {
      (s.clock as { rounds: unknown }).rounds = "six";
      s.clock.turnSeconds = 1;
      s.title = "";
    });
    const localeError = ukZod().localeError;
    const inUkrainian = errorsOf(typed, { localeError });
    const rounds = inUkrainian.find((error) => error.path === "clock.rounds");
    expect(rounds?.problem).toBeUndefined();
    expect(rounds?.message).toBe("Неправильні вхідні дані: очікується число, отримано string");
    const seconds = inUkrainian.find((error) => error.path === "clock.turnSeconds");
    expect(seconds && shown(ukrainian)(seconds)).toBe("замале значення: має бути не менше ніж 5");
    const title = inUkrainian.find((error) => error.path === "title");
    expect(title && shown(ukrainian)(title)).toBe("не може бути порожнім");
    // The CLI, the server and the studio in English: zod's English, unchanged by that parse.
    const inEnglish = errorsOf(typed);
    expect(inEnglish.map((error) => error.message)).toEqual([
      "must not be empty",
      "Invalid input: expected number, received string",
      "Too small: expected number to be >=5",
    ]);
    expect(inEnglish.map(shown(english))).toEqual(inEnglish.map((error) => error.message));
  });
});
