// A table's config with a built-in scenario named by id, resolved from the registry (server side);
// the set-up itself lives in setup.ts, which takes the scenario.
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { initialSetupState, setupProblems, type TableConfig } from "./setup.ts";
import type { TableState } from "./state.ts";

export {
  initialSetupState,
  setupProblems,
  type TableConfig,
  type TableSetup,
  tableConfigSchema,
} from "./setup.ts";

function resolveScenario(config: TableConfig): Scenario | undefined {
  return typeof config.scenario === "string" ? getScenario(config.scenario) : config.scenario;
}

/** Problems with a config, as sentences; empty when the table can be set up. */
export function tableConfigProblems(config: TableConfig): string[] {
  return setupProblems(
    config,
    resolveScenario(config),
    String(typeof config.scenario === "string" ? config.scenario : config.scenario.id),
  );
}

/** The state before any event. An invalid config is a programmer error: check it with `tableConfigProblems`. */
export function initialTableState(config: TableConfig): TableState {
  const scenario = resolveScenario(config);
  if (!scenario)
    throw new Error(`invalid table config:\nThere is no scenario called "${String(config.scenario)}".`);
  return initialSetupState({ ...config, scenario });
}
