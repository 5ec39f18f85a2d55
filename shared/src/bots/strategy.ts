// A negotiating bot as a pure function of what its seat may see and a seeded random generator:
// a time-dependent concession strategy (its aspiration falls from its best package toward its
// no-deal value over the rounds, slowly for Boulware, quickly for Conceder) that models the
// others from what they table, accept and object to, and never goes past its own red lines.
// What it says is phrases (client/messages/<locale>/bots.json), worded in each language by whoever
// sends its move (bots/words.ts): the same game in every language.
import { z } from "zod";
import { compileModel, type Model, type ModelSource, toPackage } from "../analysis/model.ts";
import { type Objective, optimize } from "../analysis/optimize.ts";
import { type Phrase, phrase } from "../i18n/phrase.ts";
import type { Package } from "../package.ts";
import type { Random } from "../random.ts";
import { checkRedLines } from "../redLines/check.ts";
import type { TableView } from "../table/viewSchema.ts";
import { utility } from "../utility.ts";
import { type BotStyle, botStyles } from "./styles.ts";

export const botSettingsSchema = z.strictObject({
  style: z.enum(botStyles, { error: `A bot's style is one of ${botStyles.join(", ")}.` }).default("boulware"),
});
export type BotSettings = z.infer<typeof botSettingsSchema>;

/** Concession exponent: aspiration = floor + (best − floor)·(1 − t^(1/e)). */
const exponents: Record<BotStyle, number> = { boulware: 0.35, linear: 1, conceder: 3 };

/**
 * The command a bot means to send (the server adds actor and time, and words its objection's
 * note in every language), and what it says about it.
 */
export type BotCommand =
  | { type: "set-option"; issue: string; option: string }
  | { type: "table-draft" }
  | { type: "pass" }
  | { type: "accept"; version: number }
  | { type: "object"; version: number; issues: string[]; note: Phrase };

export type BotMove = {
  command: BotCommand;
  /** An in-character line for the public table, grounded in the bot's plan (none for edits). */
  say: Phrase | null;
  /** Why, for the debrief: aspiration, the package aimed at, what it scores. */
  reasoning: Phrase;
};

type Me = NonNullable<TableView["me"]>;

/** The bot's own numbers and red lines as an analysis model, plus its estimate of the others. */
function botModel(
  view: TableView,
  me: Me,
  floor: number,
  others: Map<string, Map<string, number>>,
  random?: Random,
): Model {
  const issues = view.issues.map((issue) => ({
    id: issue.id,
    options: issue.options.map((o) => ({ id: o.id })),
  }));
  const othersWeights: Record<string, number> = {};
  const othersScores: Record<string, Record<string, number>> = {};
  for (const issue of view.issues) {
    const votes = others.get(issue.id);
    // A little noise breaks ties between equally liked options differently from game to game.
    const values = issue.options.map(
      (option) => (votes?.get(option.id) ?? 0) + (random ? random.next() * 0.5 : 0),
    );
    const low = Math.min(...values);
    const high = Math.max(...values);
    othersWeights[issue.id] = high > low ? 1 : 0;
    othersScores[issue.id] = Object.fromEntries(
      issue.options.map((option, o) => [
        option.id,
        high > low ? (100 * ((values[o] ?? 0) - low)) / (high - low) : 0,
      ]),
    );
  }
  const source: ModelSource = {
    roles: [{ id: "self" }, { id: "others" }],
    issues,
    utilities: {
      // Only packages strictly above the floor count: that is where the search looks.
      self: { batna: floor, weights: me.weights, scores: me.scores },
      others: { batna: -1, weights: othersWeights, scores: othersScores },
    },
    redLines: { self: me.redLines, others: [] },
  };
  return compileModel(source);
}

/**
 * What the others seem to want, option by option: what they table counts for it, what they
 * accept a little, and options on issues they objected to count against.
 */
export function estimateOthers(view: TableView, self: string): Map<string, Map<string, number>> {
  const votes = new Map<string, Map<string, number>>();
  const add = (issue: string, option: string | undefined, amount: number) => {
    if (option === undefined) return;
    const perIssue = votes.get(issue) ?? new Map<string, number>();
    perIssue.set(option, (perIssue.get(option) ?? 0) + amount);
    votes.set(issue, perIssue);
  };
  for (const version of view.versions) {
    if (version.tabledBy !== self) {
      for (const [issue, option] of Object.entries(version.package)) add(issue, option, 2);
    }
    for (const seat of version.acceptedBy) {
      if (seat === self || seat === version.tabledBy) continue;
      for (const [issue, option] of Object.entries(version.package)) add(issue, option, 1);
    }
    for (const objection of version.objections) {
      if (objection.seat === self) continue;
      for (const issue of objection.issues) add(issue, version.package[issue], -3);
    }
  }
  return votes;
}

/** How far through the talks the table is, 0 at the first turn to 1 at the last. */
export function progress(view: TableView): number {
  const turn = view.turn;
  if (!turn) return 0;
  const seats = Math.max(1, view.turnOrder.length);
  const position = Math.max(0, view.turnOrder.indexOf(turn.seat));
  const done = (turn.round - 1) * seats + position;
  return Math.min(1, done / Math.max(1, view.rounds * seats - 1));
}

function myUtility(me: Me, pkg: Package): number {
  return utility({ utilities: { me } }, "me", pkg);
}

/** Best packages by the numbers and red lines they were computed from (they rarely change). */
const bestCache = new Map<string, { pkg: Package; value: number } | null>();

function bestFor(view: TableView, me: Me): { pkg: Package; value: number } | null {
  const key = JSON.stringify([view.scenario.id, me.weights, me.scores, me.redLines.map((line) => line.id)]);
  const cached = bestCache.get(key);
  if (cached !== undefined) return cached;
  const found = searchBest(view, me);
  if (bestCache.size > 500) bestCache.clear();
  bestCache.set(key, found);
  return found;
}

function searchBest(view: TableView, me: Me): { pkg: Package; value: number } | null {
  const model = botModel(view, me, -1, new Map());
  const found = optimize(model, {
    score: (gains) => gains[0] as number,
    bound: (optimistic) => optimistic[0] as number,
    weights: () => Float64Array.of(1, 0),
  });
  if (!found) return null;
  const pkg = toPackage(model, found.choice);
  return { pkg, value: myUtility(me, pkg) };
}

/** The aspiration level at this point of the talks, never below the no-deal value. */
export function aspiration(view: TableView, me: Me, style: BotStyle, best: number): number {
  const floor = me.batna + 0.5;
  if (best <= floor) return floor;
  const t = progress(view);
  return floor + (best - floor) * (1 - t ** (1 / exponents[style]));
}

/** The package to aim for: what the others seem to like most, among those worth the aspiration. */
function target(view: TableView, me: Me, level: number, random: Random): Package | null {
  const model = botModel(view, me, level - 1e-6, estimateOthers(view, view.perspective), random);
  const objective: Objective = {
    score: (gains) => gains[1] as number,
    secondary: (gains) => gains[0] as number,
    bound: (optimistic) => optimistic[1] as number,
    weights: () => Float64Array.of(0, 1),
  };
  const found = optimize(model, objective);
  return found ? toPackage(model, found.choice) : null;
}

/** The package's option on `issue`, named in the reader's language; "open" when it has none. */
function optionOf(pkg: Package, issue: string) {
  const option = pkg[issue];
  return option === undefined ? { phrase: phrase("bot.option-open") } : { option, of: issue };
}

/** What grounds the bot's words: the issue that matters most to it and its first red line. */
function groundingFor(me: Me, pkg: Package): Phrase | null {
  const heaviest = Object.entries(me.weights).sort((a, b) => b[1] - a[1])[0]?.[0];
  const line = me.redLines[0];
  if (heaviest === undefined)
    return line ? phrase("bot.grounding.red-line", { redLine: { redLine: line.id } }) : null;
  const priority = { issue: { issue: heaviest }, option: optionOf(pkg, heaviest) };
  return line
    ? phrase("bot.grounding.priority-and-red-line", { ...priority, redLine: { redLine: line.id } })
    : phrase("bot.grounding.priority", priority);
}

/** "We accept version 3." with what grounds it, when something does. */
function grounded(
  code: "accept" | "table",
  grounding: Phrase | null,
  values: Record<string, number> = {},
): Phrase {
  return grounding
    ? phrase(`bot.say.${code}`, { ...values, grounding: { phrase: grounding } })
    : phrase(`bot.say.${code}-plain`, values);
}

/** Issues named one after another, "A, B, C", in the reader's language. */
function issueList(ids: readonly string[]): Phrase {
  const [first, ...rest] = ids;
  return rest.length === 0
    ? phrase("bot.issues.one", { issue: { issue: first ?? "" } })
    : phrase("bot.issues.more", { issue: { issue: first ?? "" }, rest: { phrase: issueList(rest) } });
}

/** The issues of a version this bot likes least: its red lines first, then its biggest losses. */
function worstIssues(view: TableView, me: Me, pkg: Package, best: Package): string[] {
  const broken = checkRedLines({ issues: view.issues, redLines: { me: me.redLines } }, "me", pkg);
  const fromRules = broken.flatMap((violation) =>
    view.issues
      .filter((issue) =>
        JSON.stringify(me.redLines.find((line) => line.id === violation.rule)?.rule ?? "").includes(
          `"${issue.id}"`,
        ),
      )
      .map((issue) => issue.id),
  );
  const losses = view.issues
    .map((issue) => {
      const weight = me.weights[issue.id] ?? 0;
      const have = me.scores[issue.id]?.[pkg[issue.id] ?? ""] ?? 0;
      const want = me.scores[issue.id]?.[best[issue.id] ?? ""] ?? 0;
      return { id: issue.id, loss: (weight * (want - have)) / 100 };
    })
    .filter((entry) => entry.loss > 0)
    .sort((a, b) => b.loss - a.loss)
    .map((entry) => entry.id);
  return [...new Set([...fromRules, ...losses])].slice(0, 3);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The bot's next move at this table, or null when it has nothing to do now. Deterministic for a
 * given view and random generator state.
 */
export function botMove(
  view: TableView,
  random: Random,
  settings: BotSettings = { style: "boulware" },
): BotMove | null {
  const me = view.me;
  const self = view.perspective;
  if (!me || view.phase !== "negotiating" || view.paused || !view.turn) return null;
  const current = view.versions.at(-1);
  const mine = current ? me.versions.find((v) => v.number === current.number) : undefined;
  const toAnswer =
    current?.complete === true &&
    mine !== undefined &&
    !current.acceptedBy.includes(self) &&
    !current.objections.some((objection) => objection.seat === self);
  // Off turn with nothing to answer: nothing to think about.
  if (
    view.turn.seat !== self &&
    !toAnswer &&
    !(current?.complete && mine && !current.acceptedBy.includes(self))
  ) {
    return null;
  }
  const best = bestFor(view, me);
  if (!best) return null;
  const level = aspiration(view, me, settings.style, best.value);

  // Any time: answer the version on the table.
  if (current?.complete && mine && !current.acceptedBy.includes(self)) {
    if (mine.violations.length === 0 && mine.utility >= level) {
      return {
        command: { type: "accept", version: current.number },
        say: grounded("accept", groundingFor(me, current.package), { version: current.number }),
        reasoning: phrase("bot.reasoning.accept", {
          version: current.number,
          utility: round1(mine.utility),
          aspiration: round1(level),
          batna: me.batna,
        }),
      };
    }
    if (!current.objections.some((objection) => objection.seat === self)) {
      const issues = worstIssues(view, me, current.package, best.pkg);
      const broken = mine.violations[0];
      const why = broken
        ? phrase("bot.why.red-line", {
            redLine: { redLine: broken.rule },
            explanation: { redLineExplanation: broken.rule },
          })
        : phrase("bot.why.short", { utility: round1(mine.utility) });
      return {
        command: {
          type: "object",
          version: current.number,
          issues,
          note: phrase("bot.note.object", { why: { phrase: why } }),
        },
        say:
          issues.length > 0
            ? phrase("bot.say.object", { version: current.number, issues: { phrase: issueList(issues) } })
            : phrase("bot.say.object-unspecified", { version: current.number }),
        reasoning: phrase("bot.reasoning.object", {
          version: current.number,
          utility: round1(mine.utility),
          aspiration: round1(level),
          why: { phrase: why },
        }),
      };
    }
  }

  if (view.turn.seat !== self) return null;
  // Our turn. Having accepted what is on the table, we let the others catch up.
  if (current?.acceptedBy.includes(self)) {
    return {
      command: { type: "pass" },
      say: null,
      reasoning: phrase("bot.reasoning.wait", { version: current.number }),
    };
  }
  const aim = target(view, me, level, random) ?? best.pkg;
  const change = view.issues.find((issue) => view.draft[issue.id] !== aim[issue.id]);
  if (change) {
    const option = aim[change.id];
    if (option !== undefined) {
      return {
        command: { type: "set-option", issue: change.id, option },
        say: null,
        reasoning: phrase("bot.reasoning.draft", {
          value: round1(myUtility(me, aim)),
          aspiration: round1(level),
        }),
      };
    }
  }
  const same = current && view.issues.every((issue) => current.package[issue.id] === view.draft[issue.id]);
  const safe =
    checkRedLines({ issues: view.issues, redLines: { me: me.redLines } }, "me", view.draft).length === 0;
  if (!same && safe) {
    const value = myUtility(me, view.draft);
    return {
      command: { type: "table-draft" },
      say: grounded("table", groundingFor(me, view.draft)),
      reasoning: phrase("bot.reasoning.table", {
        value: round1(value),
        aspiration: round1(level),
        batna: me.batna,
      }),
    };
  }
  return {
    command: { type: "pass" },
    say: null,
    reasoning: phrase("bot.reasoning.nothing"),
  };
}
