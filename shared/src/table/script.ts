// Plays commands against a table one after another, keeping the clock and the event log: for
// tests, fixtures and bots that look ahead. It decides through the command handler's batch
// decision, as the server's tables do, with the log in memory.
import { english } from "../i18n/catalogs.ts";
import type { TableCommand } from "./commands.ts";
import { initialTableState, type TableConfig } from "./config.ts";
import type { TableEvent } from "./events.ts";
import { decideBatch } from "./handler.ts";
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

  /** Decides and applies the command: its events when accepted, a red-line attempt when refused for one. */
  try(command: ScriptCommand): Decision {
    const decided = decideBatch({ state: this.state, intents: new Map() }, [
      { command: { ...command, at: this.now } as TableCommand },
    ]);
    this.state = decided.state;
    const events = decided.events.map((logged) => logged.event);
    this.events.push(...events);
    const [result] = decided.results;
    if (result?.status === "refused") return { ok: false, refusal: result.refusal };
    return { ok: true, events };
  }

  /** As `try`, but a refusal is a broken script and throws with its sentence. */
  do(...commands: ScriptCommand[]): this {
    for (const command of commands) {
      const decision = this.try(command);
      if (!decision.ok) {
        throw new Error(
          `${command.type} by ${command.actor} refused: ${decision.refusal.code}: ${english(this.state.effective.scenario, decision.refusal.phrase)}`,
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
