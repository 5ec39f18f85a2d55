// Bot-only tables played headless through the engine: the same decide/evolve a server table
// uses, with every seat a bot seeing only its own view. For scenario authors checking balance,
// and for the bots' own acceptance figures. Same seed, same game.
import { analyze } from "../analysis/analyze.ts";
import { createRandom, type Random } from "../random.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type TableCommand, tableLimits } from "../table/commands.ts";
import type { TableEvent } from "../table/events.ts";
import { type BatchOptions, decideBatch } from "../table/handler.ts";
import { initialSetupState as initialTableState, type TableSetup as TableConfig } from "../table/setup.ts";
import type { TableState } from "../table/state.ts";
import { viewFor } from "../table/view.ts";
import { type BotMove, botMove } from "./strategy.ts";
import type { BotStyle } from "./styles.ts";
import type { BotWords } from "./words.ts";

export type { BotSaid, BotWords } from "./words.ts";

/**
 * For tables whose words nobody reads (the balance report's, the studio's in a browser): each
 * phrase stands as its code, which spares formatting every line in every language and keeps the
 * engine's message catalogues (bots/words.ts, server-side) out of this module.
 */
const unworded = (): BotWords => (said) => ({ text: said.code, translations: {} });

export type SimulatedTable = {
  seed: string;
  events: TableEvent[];
  state: TableState;
  agreement: boolean;
  rounds: number;
  /** Commands a bot sent that the engine refused for breaking the bot's own red lines. */
  redLineBreaches: number;
  /** Any other refusal of a bot command (a bot bug if ever non-zero). */
  otherRefusals: number;
  /** Milliseconds per bot decision, when a clock is given. */
  decisionMs: number[];
};

/**
 * A bot's move as commands, decided like any other: the move, its in-character line as a public
 * `say`, and its reasoning as a `bot-note` for the debrief. The server sends the same three. Its
 * words go in English with their translations (`words`, bots/words.ts: every language), so each
 * reader reads the bot in their own language.
 */
export function botCommands(move: BotMove, seat: string, at: number, words: BotWords): TableCommand[] {
  const { command } = move;
  const commands: TableCommand[] = [];
  if (command.type === "object") {
    const note = words(command.note, tableLimits.note);
    commands.push({ ...command, actor: seat, at, note: note.text, noteTranslations: note.translations });
  } else {
    commands.push({ ...command, actor: seat, at });
  }
  if (move.say) {
    const said = words(move.say, tableLimits.chat);
    commands.push({ type: "say", actor: seat, at, text: said.text, translations: said.translations });
  }
  if (command.type !== "set-option") {
    const reasoning = words(move.reasoning, tableLimits.chat);
    commands.push({
      type: "bot-note",
      actor: seat,
      at,
      text: reasoning.text,
      translations: reasoning.translations,
    });
  }
  return commands;
}

/**
 * The order in which seats get to move when several could: seats off turn answer the version on
 * the table first, then the seat whose turn it is. The server's bots and the simulator share it.
 */
export function answerOrder(state: TableState): string[] {
  const turnSeat = state.turn?.seat;
  return [...state.turnOrder.filter((seat) => seat !== turnSeat), ...(turnSeat ? [turnSeat] : [])];
}

/**
 * The next bot move at a table, if a bot has one: seats off turn answer first. Each seat's
 * randomness comes from `random(role)`, so a table's bots are reproducible from its log.
 */
export function nextBotMove(
  state: TableState,
  random: (role: string) => Random,
): { seat: string; move: BotMove } | null {
  for (const role of answerOrder(state)) {
    const style = state.seats[role]?.bot;
    if (!style) continue;
    const move = botMove(viewFor(state, role), random(role), { style });
    if (move) return { seat: role, move };
  }
  return null;
}

/** Plays one bot-only table to its end (or a step limit); deterministic for its seed. */
export function simulateTable(
  config: TableConfig,
  seed: string,
  styles: Record<string, BotStyle>,
  now?: () => number,
  /**
   * How the bots' phrases are worded: `botWords` (bots/words.ts) words them in every language, as
   * a server table does; by default each stands as its code.
   */
  wordsFor: (scenario: Scenario) => BotWords = unworded,
): SimulatedTable {
  let state = initialTableState(config);
  const words = wordsFor(state.effective.scenario);
  const events: TableEvent[] = [];
  let at = Date.parse("2026-03-02T09:00:00Z");
  let redLineBreaches = 0;
  let otherRefusals = 0;
  const decisionMs: number[] = [];
  const intents = new Map<string, never>();
  /** Runs a batch through the command handler's decision, as a server table does. */
  const apply = (commands: TableCommand[], options: BatchOptions = {}): boolean => {
    const decided = decideBatch(
      { state, intents },
      commands.map((command) => ({ command })),
      options,
    );
    state = decided.state;
    for (const logged of decided.events) events.push(logged.event);
    for (const result of decided.results) {
      if (result.status !== "refused") continue;
      if (result.refusal.code === "red-line") redLineBreaches += 1;
      else otherRefusals += 1;
    }
    return decided.results.every((result) => result.status === "done");
  };
  apply(
    state.turnOrder.map((seat) => ({
      type: "assign-seat",
      actor: "instructor",
      at,
      seat,
      bot: styles[seat] ?? "boulware",
    })),
  );
  apply([{ type: "start", actor: "instructor", at }]);
  apply([{ type: "start", actor: "instructor", at }]);

  const idle = new Map<string, string>();
  for (let step = 0; step < 5_000 && state.phase === "negotiating"; step++) {
    at += 2_000;
    const turnSeat = state.turn?.seat;
    const order = answerOrder(state);
    let acted = false;
    // What an off-turn bot answers depends on the version on the table, the answers to it and
    // the turn; while only the draft changes, its answer stays "nothing" and is not asked again.
    const current = state.versions.at(-1);
    const moment = `${state.versions.length}:${Object.keys(current?.responses ?? {}).length}:${state.turn?.round}:${turnSeat}`;
    for (const seat of order) {
      if (seat !== turnSeat && idle.get(seat) === moment) continue;
      const random = createRandom(`${seed}:${seat}:${events.length}`);
      const started = now?.();
      const move = botMove(viewFor(state, seat), random, { style: styles[seat] ?? "boulware" });
      if (started !== undefined && now) decisionMs.push(now() - started);
      if (!move) {
        idle.set(seat, moment);
        continue;
      }
      // The move with its words and note: one all-or-nothing batch, as at a server table.
      apply(botCommands(move, seat, at, words), { allOrNothing: true });
      acted = true;
      break;
    }
    if (!acted) apply([{ type: "timeout", actor: "system", at: state.turn?.endsAt ?? at }]);
  }
  const rounds = events.reduce(
    (most, event) => (event.type === "turn-started" ? Math.max(most, event.round) : most),
    0,
  );
  return {
    seed,
    events,
    state,
    agreement: state.outcome?.reason === "agreement",
    rounds,
    redLineBreaches,
    otherRefusals,
    decisionMs,
  };
}

export type SimulationReport = {
  scenario: string;
  variant: string;
  tables: number;
  seed: string;
  styles: Record<string, BotStyle>;
  agreementRate: number;
  meanRounds: number;
  /** Per role: mean utility at the end (the agreement's, or the no-deal value without one). */
  meanScore: Record<string, number>;
  /** Mean Euclidean distance, in utility points, from each agreement to the Pareto frontier; null without agreements or frontier. */
  meanParetoDistance: number | null;
  redLineBreaches: number;
  otherRefusals: number;
  outcomes: Record<string, number>;
  decisionMs: { median: number; p99: number; count: number } | null;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function simulate(
  config: TableConfig,
  options: {
    tables: number;
    seed: string;
    styles: Record<string, BotStyle>;
    now?: () => number;
    /** Called as each table finishes, for progress. */
    onTable?: (done: number, total: number) => void;
  },
): SimulationReport {
  // The report counts moves and outcomes; it never reads what the bots said.
  const first = initialTableState(config);
  const frontier = analyze(first.effective).pareto;
  const roles = first.turnOrder;
  const results = Array.from({ length: options.tables }, (_, index) => {
    const table = simulateTable(config, `${options.seed}:${index}`, options.styles, options.now, unworded);
    options.onTable?.(index + 1, options.tables);
    return table;
  });
  const meanScore: Record<string, number> = {};
  for (const role of roles) {
    const total = results.reduce((sum, table) => {
      const outcome = table.state.outcome;
      return sum + (outcome?.utilities?.[role] ?? outcome?.batnas[role] ?? 0);
    }, 0);
    meanScore[role] = round3(total / Math.max(1, results.length));
  }
  const agreements = results.filter((table) => table.agreement);
  const distances =
    frontier && frontier.length > 0
      ? agreements.map((table) => {
          const utilities = table.state.outcome?.utilities ?? {};
          return Math.min(
            ...frontier.map((point) =>
              Math.sqrt(
                roles.reduce(
                  (sum, role) => sum + ((point.utilities[role] ?? 0) - (utilities[role] ?? 0)) ** 2,
                  0,
                ),
              ),
            ),
          );
        })
      : [];
  const outcomes: Record<string, number> = {};
  for (const table of results) {
    const key = table.state.outcome?.class ?? "unfinished";
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const times = results.flatMap((table) => table.decisionMs).sort((a, b) => a - b);
  return {
    scenario: first.effective.scenario.id,
    variant: first.effective.variant,
    tables: results.length,
    seed: options.seed,
    styles: options.styles,
    agreementRate: round3(agreements.length / Math.max(1, results.length)),
    meanRounds: round3(results.reduce((sum, table) => sum + table.rounds, 0) / Math.max(1, results.length)),
    meanScore,
    meanParetoDistance:
      distances.length > 0 ? round3(distances.reduce((sum, d) => sum + d, 0) / distances.length) : null,
    redLineBreaches: results.reduce((sum, table) => sum + table.redLineBreaches, 0),
    otherRefusals: results.reduce((sum, table) => sum + table.otherRefusals, 0),
    outcomes,
    decisionMs:
      times.length > 0
        ? { median: round3(percentile(times, 50)), p99: round3(percentile(times, 99)), count: times.length }
        : null,
  };
}
