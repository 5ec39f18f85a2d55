// versions.csv follows the scenario's seats: a column of each measure per role, whatever their number.
import {
  effectiveScenario,
  type Scenario,
  syntheticScenario,
  TableScript,
  utility,
} from "@red-lines/shared/engine";
import { describe, expect, it } from "vitest";
import { versionsCsv } from "./versionsCsv.ts";

/** A table of the scenario where each seat in turn tables a complete package of its own choosing. */
function played(scenario: Scenario, number: number, versions: number) {
  const table = new TableScript({ scenario });
  for (const role of scenario.turnOrder) table.do({ type: "claim-seat", actor: role });
  table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
  for (let v = 0; v < versions; v++) {
    const actor = table.state.turn?.seat ?? "";
    scenario.issues.forEach((issue, i) => {
      const option = issue.options[(v + i) % issue.options.length]?.id ?? "";
      table.do({ type: "set-option", actor, issue: issue.id, option });
    });
    table.do({ type: "table-draft", actor });
    table.advance(1_000);
  }
  return { number, tableId: `table-${number}`, config: { scenario }, events: table.events };
}

function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.split("\r\n").filter((line) => line !== "");
  const columns = header?.split(",") ?? [];
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i], value])));
}

describe("versions.csv", () => {
  for (const seats of [3, 5]) {
    it(`has a score, utility, no-deal and gain column for each of ${seats} seats, in turn order`, () => {
      const scenario = syntheticScenario({
        seed: `csv-${seats}`,
        roles: seats,
        issues: 3,
        options: 3,
        redLinesPerRole: 0,
      });
      const tables = [played(scenario, 1, 2), played(scenario, 2, 1)];
      const csv = versionsCsv("w-1", tables);
      const header = csv.slice(0, csv.indexOf("\r\n")).split(",");
      const roles = scenario.turnOrder;
      expect(roles).toHaveLength(seats);
      expect(header).toEqual([
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
        ...["score", "utility", "no_deal", "gain"].flatMap((measure) =>
          roles.map((role) => `${measure}_${role}`),
        ),
      ]);

      const rows = rowsOf(csv);
      // One row per tabled version and issue: three versions in all, three issues each.
      expect(rows).toHaveLength(3 * scenario.issues.length);
      const effective = effectiveScenario(scenario);
      for (const row of rows) {
        const table = tables.find((t) => t.tableId === row.table_id);
        const event = table?.events.find(
          (e) => e.type === "version-tabled" && String(e.version) === row.version,
        );
        if (event?.type !== "version-tabled") throw new Error(`no version ${row.version} at ${row.table_id}`);
        expect(row.option).toBe(event.package[row.issue ?? ""]);
        expect(row.option_label).toMatch(/^Option \d$/);
        for (const role of roles) {
          const score = effective.utilities[role]?.scores[row.issue ?? ""]?.[row.option ?? ""];
          const value = utility(effective, role, event.package);
          const batna = effective.utilities[role]?.batna ?? 0;
          expect(Number(row[`score_${role}`])).toBe(score);
          expect(Number(row[`utility_${role}`])).toBeCloseTo(value, 2);
          expect(Number(row[`no_deal_${role}`])).toBe(batna);
          expect(Number(row[`gain_${role}`])).toBeCloseTo(value - batna, 2);
        }
      }
    });
  }

  it("is its header alone when no table has tabled anything", () => {
    expect(versionsCsv("w-1", []).split("\r\n")).toEqual([
      "workshop_id,table,table_id,version,tabled_by,time,round,issue,option,option_label",
      "",
    ]);
  });
});
