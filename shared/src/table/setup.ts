// How a table is set up — scenario, variant, clock and turn order — and its state before the
// first event. A table's log folds from this initial state, so the config is stored with it.
// This module takes the scenario itself and never reaches the built-in ones (the studio runs it
// in a browser); config.ts resolves a built-in scenario's id first.
import { z } from "zod";
import { effectiveScenario, hasVariant } from "../scenario/effective.ts";
import { idSchema } from "../scenario/ids.ts";
import { clockSchema, type Scenario } from "../scenario/schema.ts";
import type { TableState } from "./state.ts";

/** The serialisable config (a built-in scenario by id), as the server receives it. */
export const tableConfigSchema = z.strictObject({
  scenario: idSchema,
  /** Default: the scenario's default variant. */
  variant: idSchema.optional(),
  /** Defaults: the scenario's clock. */
  rounds: clockSchema.shape.rounds.optional(),
  turnSeconds: clockSchema.shape.turnSeconds.optional(),
  /** Default: the scenario's turn order (ukraine-2026: us, ukraine, europe, russia). */
  turnOrder: z.array(idSchema).optional(),
  /** Starting the table seats a bot in every empty seat (default: off, empty seats refuse the start). */
  botFill: z.boolean().optional(),
});

/** As above, or with a scenario object (an authored scenario, already loaded and validated). */
export type TableConfig = Omit<z.infer<typeof tableConfigSchema>, "scenario"> & {
  scenario: string | Scenario;
};

/** A config whose scenario is the scenario itself. */
export type TableSetup = Omit<TableConfig, "scenario"> & { scenario: Scenario };

/** Problems with a config, as sentences; empty when the table can be set up. */
export function setupProblems(
  config: Omit<TableConfig, "scenario">,
  scenario: Scenario | undefined,
  named: string,
): string[] {
  if (!scenario) return [`There is no scenario called "${named}".`];
  const problems: string[] = [];
  if (config.variant !== undefined && !hasVariant(scenario, config.variant)) {
    problems.push(`Scenario "${scenario.id}" has no variant called "${config.variant}".`);
  }
  const clock = clockSchema.safeParse({
    rounds: config.rounds ?? scenario.clock.rounds,
    turnSeconds: config.turnSeconds ?? scenario.clock.turnSeconds,
  });
  if (!clock.success) {
    problems.push("Rounds must be a whole number from 1 to 100 and a turn from 5 to 3600 seconds.");
  }
  if (config.turnOrder) {
    const roles = scenario.roles.map((r) => r.id);
    const order = config.turnOrder;
    const permutation =
      order.length === roles.length &&
      new Set(order).size === order.length &&
      order.every((id) => roles.includes(id));
    if (!permutation) problems.push(`The turn order must list every seat once: ${roles.join(", ")}.`);
  }
  return problems;
}

/** The state before any event. An invalid config is a programmer error: check it with `setupProblems`. */
export function initialSetupState(config: TableSetup): TableState {
  const scenario = config.scenario;
  const problems = setupProblems(config, scenario, scenario.id);
  if (problems.length > 0) throw new Error(`invalid table config:\n${problems.join("\n")}`);
  const effective = effectiveScenario(scenario, config.variant ?? scenario.defaultVariant);
  return {
    effective,
    rounds: config.rounds ?? scenario.clock.rounds,
    turnSeconds: config.turnSeconds ?? scenario.clock.turnSeconds,
    turnOrder: config.turnOrder ? [...config.turnOrder] : [...scenario.turnOrder],
    botFill: config.botFill ?? false,
    phase: "lobby",
    paused: false,
    pausedAt: null,
    seats: Object.fromEntries(
      scenario.roles.map((r) => [r.id, { role: r.id, occupied: false, occupant: null, bot: null }]),
    ),
    turn: null,
    lastRound: 0,
    lastTurnEnd: null,
    draft: {},
    versions: [],
    news: [],
    broadcasts: [],
    messages: [],
    redLineAttempts: [],
    outcome: null,
  };
}
