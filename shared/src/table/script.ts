// Plays commands against a table one after another, keeping the clock and the event log: for
// tests, fixtures and bots that look ahead. Real tables go through the server's command path.
import type { TableCommand } from "./commands.ts";
import { initialTableState, type TableConfig } from "./config.ts";
import { decide } from "./decide.ts";
import type { TableEvent } from "./events.ts";
import { evolve } from "./evolve.ts";
import type { Decision } from "./refusals.ts";
import type { TableState } from "./state.ts";

type WithoutAt<T> = T extends unknown ? Omit<T, "at"> : never;
/** A command whose time the script supplies. */
export type ScriptCommand = WithoutAt<TableCommand>;

export class TableScript {
  readonly initial: TableState;
  state: TableState;
  readonly events: TableEvent[] = [];
  /** Epoch ms given to the next command. */
  now: number;

  constructor(config: TableConfig | TableState, startAt = Date.parse("2026-03-02T09:00:00Z")) {
    this.initial = "effective" in config ? config : initialTableState(config);
    this.state = this.initial;
    this.now = startAt;
  }

  /** Decides and, when accepted, applies the command. */
  try(command: ScriptCommand): Decision {
    const decision = decide(this.state, { ...command, at: this.now } as TableCommand);
    if (decision.ok) {
      for (const event of decision.events) this.state = evolve(this.state, event);
      this.events.push(...decision.events);
    }
    return decision;
  }

  /** As `try`, but a refusal is a broken script and throws with its sentence. */
  do(...commands: ScriptCommand[]): this {
    for (const command of commands) {
      const decision = this.try(command);
      if (!decision.ok) {
        throw new Error(
          `${command.type} by ${command.actor} refused: ${decision.refusal.code}: ${decision.refusal.message}`,
        );
      }
    }
    return this;
  }

  advance(ms: number): this {
    this.now += ms;
    return this;
  }
}
