// A negotiating bot as a pure function of what its seat may see and a seeded random generator:
// a time-dependent concession strategy (its aspiration falls from its best package toward its
// no-deal value over the rounds, slowly for Boulware, quickly for Conceder) that models the
// others from what they table, accept and object to, and never goes past its own red lines.
import { z } from "zod";
import { compileModel, type Model, type ModelSource, toPackage } from "../analysis/model.ts";
import { type Objective, optimize } from "../analysis/optimize.ts";
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

/** The command a bot sends (the server adds actor and time), and what it says about it. */
export type BotCommand =
  | { type: "set-option"; issue: string; option: string }
  | { type: "table-draft" }
  | { type: "pass" }
  | { type: "accept"; version: number }
  | { type: "object"; version: number; issues: string[]; note: string };

export type BotMove = {
  command: BotCommand;
  /** An in-character line for the public table, grounded in the bot's plan (none for edits). */
  say: string | null;
  /** Why, for the debrief: aspiration, the package aimed at, what it scores. */
  reasoning: string;
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

function issueName(view: TableView, id: string): string {
  return view.issues.find((issue) => issue.id === id)?.name ?? id;
}

function optionLabel(view: TableView, issue: string, option: string | undefined): string {
  return (
    view.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option ?? "open"
  );
}

/** A red line of this bot's that the package keeps to because of `issue`, with its source. */
function groundingFor(view: TableView, me: Me, pkg: Package): string {
  const heaviest = Object.entries(me.weights).sort((a, b) => b[1] - a[1])[0]?.[0];
  const line = me.redLines[0];
  const priority = heaviest
    ? `${issueName(view, heaviest)} matters most to us: ${optionLabel(view, heaviest, pkg[heaviest])}.`
    : "";
  if (!line) return priority;
  return `${priority} We hold to our red line “${line.title}”.`.trim();
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
        say: `We accept version ${current.number}. ${groundingFor(view, me, current.package)}`,
        reasoning: `version ${current.number} is worth ${round1(mine.utility)} to us, above our aspiration of ${round1(level)} (no deal: ${me.batna})`,
      };
    }
    if (!current.objections.some((objection) => objection.seat === self)) {
      const issues = worstIssues(view, me, current.package, best.pkg);
      const why =
        mine.violations.length > 0
          ? `it breaks our red line “${mine.violations[0]?.title}”: ${mine.violations[0]?.explanation}`
          : `it gives us ${round1(mine.utility)}, short of what we can settle for now`;
      const note = `We cannot accept this: ${why}`.slice(0, 500);
      return {
        command: { type: "object", version: current.number, issues, note },
        say: `Version ${current.number} does not work for us on ${issues.map((id) => issueName(view, id)).join(", ") || "several issues"}.`,
        reasoning: `version ${current.number} is worth ${round1(mine.utility)}; aspiration ${round1(level)}; ${why}`,
      };
    }
  }

  if (view.turn.seat !== self) return null;
  // Our turn. Having accepted what is on the table, we let the others catch up.
  if (current?.acceptedBy.includes(self)) {
    return {
      command: { type: "pass" },
      say: null,
      reasoning: `we have accepted version ${current.number} and wait for the others`,
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
        reasoning: `drafting toward a package worth ${round1(myUtility(me, aim))} (aspiration ${round1(level)})`,
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
      say: `We put forward a package. ${groundingFor(view, me, view.draft)}`,
      reasoning: `tabling a package worth ${round1(value)} to us (aspiration ${round1(level)}, no deal ${me.batna}), shaped toward what the others tabled and accepted`,
    };
  }
  return {
    command: { type: "pass" },
    say: null,
    reasoning: "nothing better to table than what is on the table",
  };
}
