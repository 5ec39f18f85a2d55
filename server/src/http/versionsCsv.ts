// `versions.csv` for researchers: one row per tabled version × issue, with each role's score for
// the option and utility, no-deal value and gain for the whole version, at the numbers in force
// when it was tabled (events may have changed them). A column per role of the scenario, in its
// turn order, so a table of two seats has two of each and a table of six has six. Built by
// folding each table's log with the engine.
import {
  evolve,
  initialTableState,
  type TableConfig,
  type TableEvent,
  utility,
} from "@red-lines/shared/engine";
import { csvRecord } from "./csv.ts";

export type PlayedTable = {
  number: number;
  tableId: string;
  config: TableConfig;
  events: readonly TableEvent[];
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The whole file: the header, then every table's versions in log order. Roles come from the first table. */
export function versionsCsv(workshopId: string, tables: readonly PlayedTable[]): string {
  const first = tables[0];
  const roles = first ? initialTableState(first.config).turnOrder : [];
  const header = [
    "workshop_id",
    "table",
    "table_id",
    "version",
    "tabled_by",
    "time",
    "round",
    "issue",
    "option",
    "option_label",
    ...roles.map((role) => `score_${role}`),
    ...roles.map((role) => `utility_${role}`),
    ...roles.map((role) => `no_deal_${role}`),
    ...roles.map((role) => `gain_${role}`),
  ];
  let body = csvRecord(header);
  for (const table of tables) {
    let state = initialTableState(table.config);
    for (const event of table.events) {
      state = evolve(state, event);
      if (event.type !== "version-tabled") continue;
      const effective = state.effective;
      const values = roles.map((role) =>
        effective.utilities[role] ? utility(effective, role, event.package) : undefined,
      );
      const noDeal = roles.map((role) => effective.utilities[role]?.batna);
      for (const issue of effective.issues) {
        const option = event.package[issue.id];
        body += csvRecord([
          workshopId,
          table.number,
          table.tableId,
          event.version,
          event.seat,
          new Date(event.at).toISOString(),
          state.turn?.round,
          issue.id,
          option,
          issue.options.find((candidate) => candidate.id === option)?.label,
          ...roles.map((role) =>
            option === undefined ? undefined : effective.utilities[role]?.scores[issue.id]?.[option],
          ),
          ...values.map((value) => (value === undefined ? undefined : round2(value))),
          ...noDeal,
          ...values.map((value, index) => {
            const batna = noDeal[index];
            return value === undefined || batna === undefined ? undefined : round2(value - batna);
          }),
        ]);
      }
    }
  }
  return body;
}
