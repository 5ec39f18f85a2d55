// A table's two timers, kept in its room's clock: the turn clock (the engine hears a `timeout`
// when it runs out) and the bots' pace (after each change, the next bot with something to do
// moves once its delay has passed, deciding on the state then). Both act through the room's
// command path; neither decides anything itself.
import {
  type BatchOptions,
  type BotMove,
  botCommands,
  botWords,
  type CommandResult,
  type Submitted,
  systemActor,
  type TableState,
} from "@red-lines/shared/engine";

type Timer = { clear(): void };

/** The process's own timers: unlike a room's clock, they do not wait for the room's next patch tick. */
export const processTimers = {
  setTimeout(handler: () => void, ms: number): Timer {
    const timer = setTimeout(handler, ms);
    return { clear: () => clearTimeout(timer) };
  },
};

export type TableClockParts = {
  clock: { setTimeout(handler: () => void, ms: number): Timer };
  now: () => number;
  botDelayMs: number;
  state: () => TableState;
  nextBot: () => { seat: string; move: BotMove } | null;
  /** Runs a batch made when its turn in the room's queue comes (null: nothing to run then). */
  run: (make: () => Submitted[] | null, options?: BatchOptions) => Promise<CommandResult | undefined>;
  log: (line: string) => void;
};

export class TableClock {
  private turnTimer: Timer | undefined;
  private botTimer: Timer | undefined;

  constructor(private readonly parts: TableClockParts) {}

  /** After every change: both timers as the table now stands. */
  reset(): void {
    this.armTurn();
    this.scheduleBots();
  }

  stop(): void {
    this.turnTimer?.clear();
    this.botTimer?.clear();
  }

  private running(): boolean {
    const state = this.parts.state();
    return state.phase === "negotiating" && !state.paused;
  }

  private armTurn(retryAfterMs = 0): void {
    this.turnTimer?.clear();
    this.turnTimer = undefined;
    const turn = this.parts.state().turn;
    if (!this.running() || !turn) return;
    const delay = Math.max(retryAfterMs, turn.endsAt - this.parts.now());
    this.turnTimer = this.parts.clock.setTimeout(async () => {
      const result = await this.parts
        .run(() => [{ command: { type: "timeout", actor: systemActor, at: this.parts.now() } }])
        .catch(() => undefined);
      // A timer that fired a hair early, or a log that could not be written: try again, so a
      // table's clock never silently stops.
      if (result?.status !== "done") {
        const early = result?.status === "refused" && result.refusal.code === "turn-not-expired";
        this.armTurn(early ? 20 : 1_000);
      }
    }, delay);
  }

  /** A bot's move, its words and its note go as one all-or-nothing batch. */
  private scheduleBots(): void {
    this.botTimer?.clear();
    this.botTimer = undefined;
    if (!this.running() || !this.parts.nextBot()) return;
    this.botTimer = this.parts.clock.setTimeout(async () => {
      this.botTimer = undefined;
      let moved = "";
      const result = await this.parts
        .run(
          () => {
            const next = this.parts.nextBot();
            if (!next) return null;
            moved = `${next.seat}'s ${next.move.command.type}`;
            // Its words in every language the product speaks: each reader reads the bot in theirs.
            const words = botWords(this.parts.state().effective.scenario);
            return botCommands(next.move, next.seat, this.parts.now(), words).map((command) => ({ command }));
          },
          { allOrNothing: true },
        )
        .catch(() => undefined);
      if (moved && result?.status !== "done") this.parts.log(`bot ${moved} was not carried out`);
    }, this.parts.botDelayMs);
  }
}
