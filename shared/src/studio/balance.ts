// The studio's balance check: N seeded bot tables of a scenario (the CLI's `simulate`), with
// progress as tables finish, so an author sees how bots fare before a class does.
import { type SimulationReport, simulate } from "../bots/simulate.ts";
import type { BotStyle } from "../bots/styles.ts";
import type { Scenario } from "../scenario/schema.ts";

export type BalanceRequest = {
  tables: number;
  seed: string;
  variant: string;
  /** One style for every seat, as the CLI's default (boulware) unless chosen. */
  style: BotStyle;
};

export const balanceLimits = { minTables: 1, maxTables: 1000 } as const;

export function balanceCheck(
  scenario: Scenario,
  request: BalanceRequest,
  onProgress: (done: number, total: number) => void = () => {},
  now?: () => number,
): SimulationReport {
  const styles = Object.fromEntries(scenario.roles.map((role) => [role.id, request.style])) as Record<
    string,
    BotStyle
  >;
  return simulate(
    { scenario, variant: request.variant },
    { tables: request.tables, seed: request.seed, styles, ...(now ? { now } : {}), onTable: onProgress },
  );
}
