// A table's debrief from its config and log: the log is folded once with the same `evolve` a
// live table uses, noting along the way what each tabled version was worth to every party, each
// red-line refusal and each piece of news; the scenario as it stood at the end (and at each
// piece of news) is analysed with the same `analyze` the scenario CLI uses.
//
// Bounded: one analysis per distinct state of the scenario (the start, and after each injected
// event, each of which lands once), plus a few with colliding red lines set aside — all memoised
// in an `AnalysisCache` that tables of one workshop can share.

import { type Analysis, type AnalysisOptions, analyze } from "../analysis/analyze.ts";
import { assessPackage } from "../analysis/assessment.ts";
import type { Collision } from "../analysis/collisions.ts";
import { type PackagePoint, roundPoints } from "../analysis/points.ts";
import { formatMessage, renderer } from "../i18n/catalogs.ts";
import type { Locale } from "../i18n/locales.ts";
import { quote } from "../i18n/render.ts";
import type { Package } from "../package.ts";
import { type EffectiveScenario, findRedLine } from "../scenario/effective.ts";
import { findOutcomeClass } from "../scenario/outcomes.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { localizeScenario } from "../scenario/translations.ts";
import { textIn } from "../table/chat.ts";
import { initialTableState, type TableConfig } from "../table/config.ts";
import type { TableEvent } from "../table/events.ts";
import { evolve } from "../table/evolve.ts";
import { batnas, outcomeWords } from "../table/outcome.ts";
import { roleName, type TableState } from "../table/state.ts";
import { utility } from "../utility.ts";
import { withoutGloss } from "../words.ts";
import { questionPhrases } from "./questions.ts";
import type {
  ConcessionPoint,
  Counterfactual,
  Debrief,
  DebriefAnalysis,
  DebriefCommunication,
  DebriefDeal,
  DebriefFigures,
  DebriefPoint,
  DebriefRefusal,
  DebriefRule,
  DebriefSide,
  InjectedEvent,
} from "./schema.ts";
import { summaryPhrases } from "./summary.ts";

/** Analyses memoised per scenario object, variant, news and red lines set aside. */
export type AnalysisCache = {
  analyze(effective: EffectiveScenario, variation?: string, options?: AnalysisOptions): Analysis;
};

/**
 * A memo of analyses: the same scenario state is analysed once, however many tables (or
 * requests) ask. Keyed by the scenario object itself, so a scenario dropped elsewhere is
 * dropped here too; at most `perScenario` states are kept for each.
 */
export function createAnalysisCache(perScenario = 64): AnalysisCache {
  const byScenario = new WeakMap<Scenario, Map<string, Analysis>>();
  return {
    analyze(effective, variation = "", options) {
      let memo = byScenario.get(effective.scenario);
      if (!memo) {
        memo = new Map();
        byScenario.set(effective.scenario, memo);
      }
      const key = `${effective.variant}|${effective.appliedEvents.join(",")}|${variation}`;
      const known = memo.get(key);
      if (known) return known;
      const analysis = analyze(effective, options);
      if (memo.size >= perScenario) {
        const oldest = memo.keys().next();
        if (!oldest.done) memo.delete(oldest.value);
      }
      memo.set(key, analysis);
      return analysis;
    },
  };
}

/** Counterfactuals are for telling, not for proving: they get a smaller search budget. */
const counterfactualOptions: AnalysisOptions = {
  nodeBudget: 2_000_000,
  collisionLimits: { maxSize: 4, maxChecks: 2_000 },
};
/** Colliding red lines set aside one at a time, at most. */
const MAX_SINGLE_REMOVALS = 4;

export type DebriefInput = {
  /** The table's config, with the scenario it was played with (a snapshot object, ideally). */
  config: TableConfig;
  /** Its whole log, oldest first. */
  events: readonly TableEvent[];
};

export type DebriefOptions = {
  /** Share one across the tables of a workshop so each scenario state is analysed once. */
  analyses?: AnalysisCache;
  /** The reader's language (`debriefFor`): the scenario's words and the sentences in it. English by default. */
  locale?: Locale;
};

type Style = "boulware" | "linear" | "conceder";

/**
 * A table's whole debrief as a reader of `options.locale` reads it (English by default): its
 * figures, the scenario's words in that language, and its summary and questions written in it.
 */
export function debriefFor(input: DebriefInput, options: DebriefOptions = {}): Debrief {
  const figures = debriefFigures(input, options);
  const { scenario } = input.config;
  const played = typeof scenario === "string" ? getScenario(scenario) : scenario;
  // debriefFigures has set the table up with it already, so it is there.
  if (!played) throw new Error(`There is no scenario called "${String(scenario)}".`);
  return readDebrief(figures, played, options.locale ?? "en");
}

/** A table's debrief before its sentences are written, its words in English as the scenario has them. */
export function debriefFigures(input: DebriefInput, options: DebriefOptions = {}): DebriefFigures {
  const analyses = options.analyses ?? createAnalysisCache();
  const initial = initialTableState(input.config);
  const roles = initial.effective.roles.map((r) => r.id);

  let state = initial;
  let round: number | null = null;
  let roundsPlayed = 0;
  let lastEventAt: number | null = null;
  const bots: Record<string, Style> = {};
  const concessions: ConcessionPoint[] = [];
  const refusals: DebriefRefusal[] = [];
  const news: {
    event: TableEvent & { type: "event-injected" };
    round: number | null;
    before: EffectiveScenario;
    after: EffectiveScenario;
  }[] = [];
  const botNotes: DebriefCommunication["botNotes"] = [];

  for (const event of input.events) {
    const before = state.effective;
    state = evolve(state, event);
    lastEventAt = event.at;
    switch (event.type) {
      case "turn-started":
        round = event.round;
        roundsPlayed = Math.max(roundsPlayed, event.round);
        break;
      case "seat-claimed":
        if (event.bot) bots[event.seat] = event.bot;
        break;
      case "version-tabled":
        concessions.push({
          version: event.version,
          tabledBy: event.seat,
          at: event.at,
          round,
          utilities: utilitiesOf(state.effective, event.package),
          noDeal: batnas(state.effective),
        });
        break;
      case "red-line-refused":
        refusals.push({
          seat: event.seat,
          action: event.action,
          version: event.version,
          at: event.at,
          round,
          rules: event.rules.map((rule) => describeRule(state.effective, event.seat, rule)),
        });
        break;
      case "event-injected":
        news.push({ event, round, before, after: state.effective });
        break;
      case "bot-noted":
        // Its words in the other languages too: each reader's copy reads its own (`localizeDebrief`).
        botNotes.push({
          seat: event.seat,
          text: event.text,
          ...(event.translations ? { translations: event.translations } : {}),
          at: event.at,
          round,
        });
        break;
      default:
        break;
    }
  }

  const end = state.effective;
  const endAnalysis = analyses.analyze(end);
  const changed = end.appliedEvents.length > 0;
  return {
    scenario: {
      id: end.scenario.id,
      title: end.scenario.title,
      variant: end.variant,
      variantName: end.scenario.variants.find((v) => v.id === end.variant)?.name ?? "",
    },
    roles: roles.map((id) => ({
      id,
      name: roleName(state, id),
      occupant: state.seats[id]?.occupant ?? null,
      bot: bots[id] ?? null,
    })),
    status: {
      phase: state.phase,
      concluded: state.phase === "concluded",
      outcomeClass: state.outcome?.class ?? null,
      outcome: state.outcome ? outcomeWords(state.effective.scenario, state.outcome.class) : null,
      reason: state.outcome?.reason ?? null,
      walkedOut: state.outcome?.walkedOut ?? null,
      roundsPlayed,
      rounds: state.rounds,
      versionsTabled: state.versions.length,
      lastEventAt,
    },
    deal: dealOf(state, endAnalysis),
    analysis: {
      end: reportAnalysis(endAnalysis),
      start: changed ? reportAnalysis(analyses.analyze(initial.effective)) : null,
    },
    concessions,
    redLines: redLineStory(end, endAnalysis, refusals, roles, analyses),
    injectedEvents: news.map(({ event, round: at, before, after }) => {
      const scenarioEvent = end.scenario.events.find((e) => e.id === event.event);
      return {
        event: event.event,
        title: scenarioEvent?.title ?? event.event,
        flash: scenarioEvent?.flash ?? "",
        at: event.at,
        round: at,
        scheduled: event.scheduled,
        before: figures(analyses.analyze(before)),
        after: figures(analyses.analyze(after)),
      } satisfies InjectedEvent;
    }),
    communication: communicationOf(state, roles, botNotes),
    sides: roles.map((role) => sideOf(state, endAnalysis, role)),
  };
}

/**
 * The debrief as a reader of `locale` reads it: the scenario's words from its translation for
 * that language (`localizeDebrief`), then the summary and questions written in it.
 */
export function readDebrief(figures: DebriefFigures, scenario: Scenario, locale: Locale): Debrief {
  return withSentences(localizeDebrief(figures, scenario, locale), scenario, locale);
}

/**
 * A copy of the debrief with its summary and discussion questions rendered in `locale`, written
 * from that copy alone: take out what its reader may not see first (`withOthersRedLinesWithheld`,
 * `withoutPrivateChannels`), then write. `scenario` is the table's (in English, with its
 * translations), which names seats and news in the reader's language.
 */
export function withSentences(figures: DebriefFigures, scenario: Scenario, locale: Locale): Debrief {
  const { summary: _summary, questions: _questions, ...copy } = figures as Partial<Debrief> & DebriefFigures;
  const render = renderer(scenario, locale);
  return {
    ...copy,
    summary: summaryPhrases(copy).map(render),
    questions: questionPhrases(copy).map(render),
  };
}

/** Aliases a withheld red line goes by in a seat's copy (`withOthersRedLinesWithheld`). */
const undisclosedAlias = /^undisclosed-(\d+)$/;

const localizedFigures = new Map<Locale, WeakMap<DebriefFigures, DebriefFigures>>();

/**
 * The debrief with the scenario's words in `locale`, from the scenario's translation: its title
 * and variant, the seats' names, the outcome class, each red line's title and explanation, each
 * piece of news; and the bots' reasoning in that language, where the bot gave it (`textIn`), its
 * other languages left out. What the translation lacks stays in English; an explanation a copy
 * withholds ("") stays withheld, and a red line under an alias is not looked up. English, or a
 * scenario without that language, is the scenario's words as they are. Made once per debrief
 * object and language.
 */
export function localizeDebrief(figures: DebriefFigures, scenario: Scenario, locale: Locale): DebriefFigures {
  const words = localizeScenario(scenario, locale);
  const notes = figures.communication.botNotes;
  const translated = notes.some((note) => note.translations !== undefined);
  if (words === scenario && !translated) return figures;
  let cache = localizedFigures.get(locale);
  if (!cache) {
    cache = new WeakMap();
    localizedFigures.set(locale, cache);
  }
  const known = cache.get(figures);
  if (known) return known;

  // Bots' reasoning in the reader's language, where the bot gave it; its other languages dropped.
  const communication = translated
    ? {
        ...figures.communication,
        botNotes: notes.map(({ translations, ...note }) => ({
          ...note,
          text: textIn(locale, note.text, translations),
        })),
      }
    : figures.communication;
  if (words === scenario) {
    const copy = { ...figures, communication };
    cache.set(figures, copy);
    return copy;
  }

  const named = <T extends { rule: string; title: string }>(r: T): T => {
    const line = undisclosedAlias.test(r.rule) ? undefined : findRedLine(words, r.rule);
    return line ? { ...r, title: line.title } : r;
  };
  const rule = (r: DebriefRule): DebriefRule => {
    const line = undisclosedAlias.test(r.rule) ? undefined : findRedLine(words, r.rule);
    return line ? { ...r, title: line.title, explanation: r.explanation && line.explanation } : r;
  };
  const analysis = (a: DebriefAnalysis): DebriefAnalysis => ({
    ...a,
    collisions: a.collisions.map((c) => c.map(rule)),
  });
  const counterfactual = (c: Counterfactual): Counterfactual => ({ ...c, removed: c.removed.map(named) });
  const outcomeClass = figures.status.outcomeClass
    ? findOutcomeClass(words.outcomes, figures.status.outcomeClass)
    : undefined;
  const { status, redLines } = figures;
  const localized: DebriefFigures = {
    ...figures,
    scenario: {
      ...figures.scenario,
      title: words.title,
      variantName:
        (figures.scenario.variantName &&
          words.variants.find((v) => v.id === figures.scenario.variant)?.name) ||
        figures.scenario.variantName,
    },
    roles: figures.roles.map((r) => {
      const role = words.roles.find((candidate) => candidate.id === r.id);
      return role ? { ...r, name: withoutGloss(role.name) } : r;
    }),
    status: {
      ...status,
      outcome:
        status.outcome && outcomeClass
          ? {
              title: outcomeClass.title,
              description: outcomeClass.description,
              // A class without a phrase is named by its title in quotes, the reader's quotes.
              phrase: outcomeClass.phrase ?? quote(locale, outcomeClass.title),
            }
          : status.outcome,
    },
    deal: figures.deal && { ...figures.deal, violations: figures.deal.violations.map(rule) },
    analysis: {
      end: analysis(figures.analysis.end),
      start: figures.analysis.start && analysis(figures.analysis.start),
    },
    redLines: {
      ...redLines,
      refusals: redLines.refusals.map((r) => ({ ...r, rules: r.rules.map(rule) })),
      collisions: redLines.collisions.map((c) => c.map(rule)),
      withoutCollisions: redLines.withoutCollisions && counterfactual(redLines.withoutCollisions),
      withoutEach: redLines.withoutEach.map(counterfactual),
    },
    injectedEvents: figures.injectedEvents.map((news) => {
      const event = words.events.find((e) => e.id === news.event);
      return event ? { ...news, title: event.title, flash: news.flash && event.flash } : news;
    }),
    communication,
  };
  cache.set(figures, localized);
  return localized;
}

function sideOf(state: TableState, analysis: Analysis, role: string): DebriefSide {
  const effective = state.effective;
  const noDeal = batnas(effective)[role] ?? 0;
  const agreed = state.outcome?.reason === "agreement" ? state.outcome.package : null;
  const judged = agreed ?? state.versions.at(-1)?.package ?? null;
  const numbers = effective.utilities[role];
  let gaveMost: DebriefSide["gaveMost"] = null;
  if (judged && numbers) {
    for (const issue of effective.issues) {
      const option = judged[issue.id];
      const scores = numbers.scores[issue.id] ?? {};
      if (option === undefined) continue;
      const top = Math.max(...issue.options.map((o) => scores[o.id] ?? 0));
      const lost = roundPoints(((numbers.weights[issue.id] ?? 0) * (top - (scores[option] ?? 0))) / 100);
      if (lost > 0 && (gaveMost === null || lost > gaveMost.lost))
        gaveMost = { issue: issue.id, option, lost };
    }
  }
  return {
    role,
    got: agreed ? roundPoints(utility(effective, role, agreed)) : noDeal,
    agreed: agreed !== null,
    noDeal,
    best: analysis.kalaiSmorodinsky?.ideal[role] ?? null,
    gaveMost,
  };
}

/** A seat's copy: its own side only (the others' say what they gave up where, which is theirs). */
export function withOwnSideOnly<T extends DebriefFigures>(debrief: T, viewer: string): T {
  return { ...debrief, sides: debrief.sides.filter((side) => side.role === viewer) };
}

function utilitiesOf(effective: EffectiveScenario, pkg: Package): Record<string, number> {
  return Object.fromEntries(effective.roles.map((r) => [r.id, roundPoints(utility(effective, r.id, pkg))]));
}

/** A rule by id, as it stood for that role then; a rule since withdrawn is looked up anywhere. */
function describeRule(effective: EffectiveScenario, role: string, rule: string): DebriefRule {
  const found =
    (effective.redLines[role] ?? []).find((r) => r.id === rule) ?? findRedLine(effective.scenario, rule);
  return {
    role,
    rule,
    title: found?.title ?? "A red line",
    explanation: found?.explanation ?? "",
    sources: found?.sources ?? [],
  };
}

function reportCollisions(collisions: readonly Collision[]): DebriefRule[][] {
  return collisions.map((collision) =>
    collision.map((v) => ({
      role: v.role,
      rule: v.rule,
      title: v.title,
      explanation: v.explanation,
      sources: v.sources,
    })),
  );
}

function point(p: PackagePoint | null): DebriefPoint | null {
  return p ? { package: { ...p.package }, utilities: { ...p.utilities }, gains: { ...p.gains } } : null;
}

function reportAnalysis(analysis: Analysis): DebriefAnalysis {
  return {
    events: [...analysis.events],
    variantByRole: { ...analysis.variantByRole },
    packages: analysis.packages,
    noDeal: { ...analysis.batna },
    feasible: analysis.feasible,
    zopa: analysis.zopa,
    nash: point(analysis.nash),
    kalaiSmorodinsky: point(analysis.kalaiSmorodinsky),
    maxWelfare: point(analysis.maxWelfare),
    paretoSize: analysis.paretoSize,
    pareto: analysis.pareto?.map((p) => ({ ...p.utilities })) ?? null,
    collisions: reportCollisions(analysis.collisions),
    collisionsComplete: analysis.collisionsComplete,
  };
}

function figures(analysis: Analysis): InjectedEvent["before"] {
  return {
    feasible: analysis.feasible,
    zopa: analysis.zopa,
    paretoSize: analysis.paretoSize,
    nash: analysis.nash ? { utilities: { ...analysis.nash.utilities } } : null,
    noDeal: { ...analysis.batna },
  };
}

function distance(a: Record<string, number>, b: Record<string, number>, roles: readonly string[]): number {
  return roundPoints(Math.hypot(...roles.map((role) => (a[role] ?? 0) - (b[role] ?? 0))));
}

/** The agreed version, or the last one tabled; judged with the scenario as it stood at the end. */
function dealOf(state: TableState, analysis: Analysis): DebriefDeal | null {
  const agreed = state.outcome?.reason === "agreement" ? state.outcome.version : null;
  const version = agreed === null ? state.versions.at(-1) : state.versions.find((v) => v.number === agreed);
  if (!version) return null;
  const effective = state.effective;
  const roles = effective.roles.map((r) => r.id);
  const assessment = assessPackage(effective, version.package, analysis.pareto);
  const noDeal = batnas(effective);
  return {
    source: agreed === null ? "last-tabled" : "agreed",
    version: version.number,
    tabledBy: version.tabledBy,
    at: version.at,
    package: { ...version.package },
    complete: assessment.complete,
    feasible: assessment.feasible,
    inZopa: assessment.inZopa,
    violations: assessment.violations.map((v) => ({
      role: v.role,
      rule: v.rule,
      title: v.title,
      explanation: v.explanation,
      sources: v.sources,
    })),
    parties: roles.map((role) => ({
      role,
      utility: assessment.utilities[role] ?? 0,
      noDeal: noDeal[role] ?? 0,
      gain: assessment.gains[role] ?? 0,
    })),
    distanceToFrontier: assessment.distanceToFrontier,
    distanceToNash:
      assessment.complete && analysis.nash
        ? distance(assessment.utilities, analysis.nash.utilities, roles)
        : null,
    paretoImprovement: assessment.paretoImprovement
      ? {
          utilities: { ...assessment.paretoImprovement.utilities },
          distance: assessment.paretoImprovement.distance,
        }
      : null,
  };
}

/** The scenario with some red lines set aside: a copy, the scenario itself untouched. */
function withoutRules(
  effective: EffectiveScenario,
  removed: readonly { role: string; rule: string; title: string }[],
): EffectiveScenario {
  return {
    ...effective,
    redLines: Object.fromEntries(
      Object.entries(effective.redLines).map(([role, list]) => [
        role,
        list.filter((r) => !removed.some((x) => x.role === role && x.rule === r.id)),
      ]),
    ),
  };
}

function counterfactual(
  effective: EffectiveScenario,
  removed: { role: string; rule: string; title: string }[],
  analyses: AnalysisCache,
): Counterfactual {
  const variation = `without:${removed.map((r) => `${r.role}/${r.rule}`).join(",")}`;
  const analysis = analyses.analyze(withoutRules(effective, removed), variation, counterfactualOptions);
  return {
    removed,
    feasible: analysis.feasible,
    zopa: analysis.zopa,
    nash: analysis.nash ? { utilities: { ...analysis.nash.utilities } } : null,
  };
}

function redLineStory(
  end: EffectiveScenario,
  analysis: Analysis,
  refusals: DebriefRefusal[],
  roles: readonly string[],
  analyses: AnalysisCache,
): Debrief["redLines"] {
  const refusalsBySeat = Object.fromEntries(roles.map((role) => [role, 0]));
  for (const refusal of refusals) refusalsBySeat[refusal.seat] = (refusalsBySeat[refusal.seat] ?? 0) + 1;
  // Each colliding rule once, with how many collisions it is part of: the most colliding first.
  const colliding = new Map<
    string,
    { role: string; rule: string; title: string; collisions: number; first: number }
  >();
  for (const collision of analysis.collisions) {
    for (const v of collision) {
      const key = `${v.role}/${v.rule}`;
      const known = colliding.get(key);
      if (known) known.collisions += 1;
      else
        colliding.set(key, {
          role: v.role,
          rule: v.rule,
          title: v.title,
          collisions: 1,
          first: colliding.size,
        });
    }
  }
  const rules = [...colliding.values()];
  const single = [...rules]
    .sort((a, b) => b.collisions - a.collisions || a.first - b.first)
    .slice(0, MAX_SINGLE_REMOVALS);
  return {
    refusals,
    refusalsBySeat,
    collisions: reportCollisions(analysis.collisions),
    collisionsComplete: analysis.collisionsComplete,
    withoutCollisions:
      rules.length === 0
        ? null
        : counterfactual(
            end,
            rules.map(({ role, rule, title }) => ({ role, rule, title })),
            analyses,
          ),
    withoutEach:
      rules.length < 2
        ? []
        : single.map(({ role, rule, title }) => counterfactual(end, [{ role, rule, title }], analyses)),
  };
}

function communicationOf(
  state: TableState,
  roles: readonly string[],
  botNotes: DebriefCommunication["botNotes"],
): DebriefCommunication {
  const publicBySeat = Object.fromEntries(roles.map((role) => [role, 0]));
  const pairs: DebriefCommunication["privateByPair"] = [];
  roles.forEach((a, i) => {
    for (const b of roles.slice(i + 1)) pairs.push({ seats: [a, b], count: 0, bySeat: { [a]: 0, [b]: 0 } });
  });
  for (const message of state.messages) {
    if (message.to === null) {
      publicBySeat[message.from] = (publicBySeat[message.from] ?? 0) + 1;
      continue;
    }
    const { from, to } = message;
    const pair = pairs.find(
      (p) => (p.seats[0] === from && p.seats[1] === to) || (p.seats[0] === to && p.seats[1] === from),
    );
    if (!pair) continue;
    pair.count += 1;
    pair.bySeat[from] = (pair.bySeat[from] ?? 0) + 1;
  }
  return {
    publicBySeat,
    privateByPair: pairs,
    privateMessagesIncluded: true,
    privateMessages: state.messages.flatMap((m) =>
      m.to === null ? [] : [{ from: m.from, to: m.to, text: m.text, at: m.at }],
    ),
    broadcasts: state.broadcasts.length,
    botNotes,
  };
}

/**
 * The debrief as `viewer`'s seat reads it while the instructor keeps the red lines to their
 * seats: its own rules as they are; another role's by role and sources only, its explanation
 * withheld and its id (which would tell what it demands) replaced by "undisclosed-N", the same N
 * wherever that rule appears, titled "Undisclosed red line N" in `locale`. Without sentences:
 * they are written from what is left (`withSentences`), never kept from the whole debrief.
 */
export function withOthersRedLinesWithheld(
  debrief: DebriefFigures,
  viewer: string,
  locale: Locale = "en",
): DebriefFigures {
  const format = formatMessage(locale);
  const aliases = new Map<string, string>();
  const alias = (role: string, rule: string) => {
    const key = `${role}/${rule}`;
    const known = aliases.get(key);
    if (known) return known;
    const name = `undisclosed-${aliases.size + 1}`;
    aliases.set(key, name);
    return name;
  };
  const named = <T extends { role: string; rule: string; title: string }>(r: T): T => {
    if (r.role === viewer) return r;
    const id = alias(r.role, r.rule);
    return {
      ...r,
      rule: id,
      title: format("summary.undisclosed-red-line", { n: Number(id.slice("undisclosed-".length)) }),
    };
  };
  const rule = (r: DebriefRule): DebriefRule => (r.role === viewer ? r : { ...named(r), explanation: "" });
  const analysis = (a: DebriefAnalysis): DebriefAnalysis => ({
    ...a,
    collisions: a.collisions.map((c) => c.map(rule)),
  });
  const counterfactual = (c: Counterfactual): Counterfactual => ({ ...c, removed: c.removed.map(named) });
  const { summary: _summary, questions: _questions, ...rest } = debrief as Partial<Debrief> & DebriefFigures;
  return {
    ...rest,
    deal: rest.deal && { ...rest.deal, violations: rest.deal.violations.map(rule) },
    analysis: {
      end: analysis(rest.analysis.end),
      start: rest.analysis.start && analysis(rest.analysis.start),
    },
    redLines: {
      ...rest.redLines,
      refusals: rest.redLines.refusals.map((r) => ({ ...r, rules: r.rules.map(rule) })),
      collisions: rest.redLines.collisions.map((c) => c.map(rule)),
      withoutCollisions: rest.redLines.withoutCollisions && counterfactual(rest.redLines.withoutCollisions),
      withoutEach: rest.redLines.withoutEach.map(counterfactual),
    },
  };
}

/** The debrief as a reader who may not see the private channels gets it: counts stay, texts go. */
export function withoutPrivateChannels<T extends DebriefFigures>(debrief: T): T {
  return {
    ...debrief,
    communication: { ...debrief.communication, privateMessagesIncluded: false, privateMessages: [] },
  };
}
