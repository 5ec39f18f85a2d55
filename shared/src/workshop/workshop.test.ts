import { describe, expect, it } from "vitest";
import { joinCodeAlphabet, joinCodeSchema, makeJoinCode } from "./joinCode.ts";
import { chooseSeat } from "./seating.ts";
import { resolveWorkshopSettings } from "./settings.ts";

const roles = ["us", "ukraine", "europe", "russia"].map((id) => ({ id, name: id.toUpperCase() }));

describe("join codes", () => {
  it("are eight symbols from an alphabet without look-alikes, grouped for reading aloud", () => {
    let n = 0;
    const code = makeJoinCode((size) => n++ % size);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(joinCodeAlphabet).not.toMatch(/[ILO01]/);
  });

  it("accept what people type: lower case, spaces, missing dash", () => {
    expect(joinCodeSchema.parse(" ktrm 49wx ")).toBe("KTRM-49WX");
    expect(joinCodeSchema.parse("KTRM49WX")).toBe("KTRM-49WX");
  });

  it("refuse codes of the wrong length or with look-alike symbols, saying why", () => {
    expect(joinCodeSchema.safeParse("KTRM-49W").error?.issues[0]?.message).toMatch(/8 letters and digits/);
    expect(joinCodeSchema.safeParse("KTRM-49W0").error?.issues[0]?.message).toMatch(/no I, L, O, 0 or 1/);
  });
});

describe("workshop settings", () => {
  it("fill rounds, clock and variant from the scenario", () => {
    const result = resolveWorkshopSettings({ scenarioId: "ukraine-2026", tables: 3 });
    expect(result.ok && result.settings).toMatchObject({
      scenarioId: "ukraine-2026",
      variant: "back-channel",
      tables: 3,
      botFill: false,
    });
    expect(result.ok && result.settings.rounds).toBeGreaterThan(0);
  });

  it("name an unknown scenario or variant and list the real ones", () => {
    const noScenario = resolveWorkshopSettings({ scenarioId: "atlantis", tables: 1 });
    expect(!noScenario.ok && noScenario.issues[0]).toEqual({
      path: "scenarioId",
      message: 'There is no scenario "atlantis". Available: ukraine-2026, allied-coordination-2026.',
    });
    const noVariant = resolveWorkshopSettings({ scenarioId: "ukraine-2026", variant: "secret", tables: 1 });
    expect(!noVariant.ok && noVariant.issues[0]?.message).toMatch(/no variant "secret".*back-channel/);
  });

  it("refuse out-of-range tables, rounds and clocks, and unknown fields", () => {
    const result = resolveWorkshopSettings({
      scenarioId: "ukraine-2026",
      tables: 31,
      rounds: 0,
      turnSeconds: 2,
      colour: "red",
    });
    expect(!result.ok && result.issues.map((issue) => issue.path).sort()).toEqual([
      "(request)",
      "rounds",
      "tables",
      "turnSeconds",
    ]);
  });
});

describe("seating", () => {
  const empty = (count: number) => Array.from({ length: count }, (_, i) => ({ number: i + 1, taken: [] }));

  it("spreads a class evenly over the tables, in turn order", () => {
    const tables = empty(3).map((table) => ({ ...table, taken: [] as string[] }));
    const placed: string[] = [];
    for (let i = 0; i < 7; i++) {
      const seat = chooseSeat(tables, roles);
      if (!seat.ok) throw new Error(seat.message);
      tables[seat.table - 1]?.taken.push(seat.role);
      placed.push(`${seat.table}:${seat.role}`);
    }
    expect(placed).toEqual(["1:us", "2:us", "3:us", "1:ukraine", "2:ukraine", "3:ukraine", "1:europe"]);
  });

  it("honours a free choice of table and role", () => {
    expect(chooseSeat(empty(2), roles, { table: 2, role: "russia" })).toEqual({
      ok: true,
      table: 2,
      role: "russia",
    });
    expect(chooseSeat(empty(2), roles, { role: "europe" })).toEqual({ ok: true, table: 1, role: "europe" });
  });

  it("explains a taken seat, a full table, a missing table or role, and a full workshop", () => {
    const full = [{ number: 1, taken: ["us", "ukraine", "europe", "russia"] }];
    expect(chooseSeat([{ number: 1, taken: ["us"] }], roles, { table: 1, role: "us" })).toMatchObject({
      ok: false,
      code: "seat-taken",
    });
    expect(chooseSeat(full, roles, { table: 1 })).toMatchObject({
      ok: false,
      message: "Table 1 is full. Choose another table.",
    });
    expect(chooseSeat(full, roles, { table: 2 })).toMatchObject({ ok: false, code: "no-such-table" });
    expect(chooseSeat(full, roles, { role: "china" })).toEqual({
      ok: false,
      code: "no-such-role",
      values: { role: "china", roles: ["US", "UKRAINE", "EUROPE", "RUSSIA"] },
      message: 'There is no seat "china". The seats are US, UKRAINE, EUROPE and RUSSIA.',
    });
    expect(chooseSeat(full, roles)).toMatchObject({ ok: false, code: "workshop-full" });
  });
});
