// The bots: never past their own red lines, grounded messages, deterministic games, and the
// simulation figures the issue asks for (200 seeded tables per variant).
import { describe, expect, it } from "vitest";
import { createRandom } from "../random.ts";
import { checkRedLines } from "../redLines/check.ts";
import { effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { syntheticScenario } from "../scenario/synthetic.ts";
import { TableScript } from "../table/script.ts";
import { viewFor } from "../table/view.ts";
import { simulate, simulateTable } from "./simulate.ts";
import { aspiration, botMove, estimateOthers, progress } from "./strategy.ts";

const ukraine = getScenario("ukraine-2026") as Scenario;
const roles = ["us", "ukraine", "europe", "russia"] as const;
const boulware = Object.fromEntries(roles.map((role) => [role, "boulware" as const]));
const conceder = Object.fromEntries(roles.map((role) => [role, "conceder" as const]));

function negotiating(variant = "back-channel") {
  const table = new TableScript({ scenario: ukraine, variant });
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: role });
  return table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
}

describe("a bot", () => {
  it("sees only its own seat's view and never tables or accepts past its own red lines", () => {
    const scenario = getScenario("ukraine-2026");
    if (!scenario) throw new Error("no flagship scenario");
    for (const variant of ["back-channel", "public-positions"]) {
      const effective = effectiveScenario(scenario, variant);
      const table = simulateTable({ scenario: ukraine, variant }, `red-lines:${variant}`, boulware);
      expect(table.redLineBreaches).toBe(0);
      expect(table.otherRefusals).toBe(0);
      // Each move's reasoning is in the log for the debrief, and in no seat's view.
      const notes = table.events.filter((event) => event.type === "bot-noted");
      expect(notes.length).toBeGreaterThan(0);
      const note = notes[0]?.type === "bot-noted" ? notes[0].text : "";
      expect(note).toMatch(/aspiration/);
      for (const role of roles) expect(JSON.stringify(viewFor(table.state, role))).not.toContain(note);
      for (const event of table.events) {
        if (event.type === "version-tabled") {
          expect(checkRedLines(effective, event.seat, event.package)).toEqual([]);
        }
        if (event.type === "version-accepted") {
          const version = table.events.find(
            (e) => e.type === "version-tabled" && e.version === event.version,
          );
          if (version?.type !== "version-tabled") throw new Error("accepted an untabled version");
          expect(checkRedLines(effective, event.seat, version.package)).toEqual([]);
        }
      }
    }
  });

  it("concedes over time, slowly as Boulware and quickly as Conceder, never below its no-deal value", () => {
    const table = negotiating();
    const view = () => viewFor(table.state, "ukraine");
    const me = view().me;
    if (!me) throw new Error("no private view");
    const early = {
      boulware: aspiration(view(), me, "boulware", 90),
      conceder: aspiration(view(), me, "conceder", 90),
    };
    expect(progress(view())).toBe(0);
    expect(early.boulware).toBeCloseTo(90);
    // Pass turns until the last round.
    while ((table.state.turn?.round ?? 0) < table.state.rounds)
      table.do({ type: "pass", actor: table.state.turn?.seat ?? "" });
    const late = {
      boulware: aspiration(view(), me, "boulware", 90),
      conceder: aspiration(view(), me, "conceder", 90),
    };
    expect(late.boulware).toBeLessThan(early.boulware);
    expect(late.conceder).toBeLessThan(late.boulware);
    expect(late.conceder).toBeGreaterThan(me.batna);
  });

  it("learns what the others want from what they table and object to", () => {
    const table = negotiating();
    table.do(
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "object", actor: "russia", version: 1, issues: ["territory"], note: "" },
    );
    const estimate = estimateOthers(viewFor(table.state, "ukraine"), "ukraine");
    // Tabled by the US (+2), objected to by Russia (−3).
    expect(estimate.get("territory")?.get("deferred")).toBe(-1);
  });

  it("explains its moves in character, citing its red line by its title", () => {
    const table = negotiating();
    let said: string | null = null;
    for (let step = 0; step < 40 && said === null; step++) {
      const seat = table.state.turn?.seat ?? "us";
      const move = botMove(viewFor(table.state, seat), createRandom(step), { style: "boulware" });
      if (!move) break;
      table.do({ ...move.command, actor: seat } as Parameters<typeof table.do>[0]);
      if (move.command.type === "table-draft") said = move.say;
      expect(move.reasoning.length).toBeGreaterThan(10);
    }
    const titles = Object.values(table.state.effective.redLines)
      .flat()
      .map((line) => line.title);
    const cited = /We put forward a package\..*red line “(.+)”\.$/.exec(said ?? "")?.[1];
    expect(titles).toContain(cited);
    expect(said).not.toMatch(/\b[a-z]+-[a-z]+-[a-z-]+\b/);
  });

  it("plays the same game from the same seed", () => {
    const a = simulateTable({ scenario: ukraine, variant: "back-channel" }, "same", conceder);
    const b = simulateTable({ scenario: ukraine, variant: "back-channel" }, "same", conceder);
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});

describe("bot-only simulation over 200 seeded tables", () => {
  it("reaches agreement in at least 60% on back-channel, never on public-positions, with no red line broken", () => {
    const back = simulate(
      { scenario: ukraine, variant: "back-channel" },
      { tables: 200, seed: "t", styles: boulware },
    );
    expect(back.agreementRate).toBeGreaterThanOrEqual(0.6);
    expect(back.redLineBreaches).toBe(0);
    expect(back.meanParetoDistance).not.toBeNull();
    const publicPositions = simulate(
      { scenario: ukraine, variant: "public-positions" },
      { tables: 200, seed: "t", styles: boulware },
    );
    expect(publicPositions.agreementRate).toBe(0);
    expect(publicPositions.redLineBreaches).toBe(0);
  }, 120_000);
});

describe("bot-only tables of 2 to 6 seats", () => {
  it("play a generated scenario of each size to its end, every seat moving, no red line broken", () => {
    const styles = ["boulware", "linear", "conceder"] as const;
    for (const seats of [2, 3, 4, 5, 6]) {
      const scenario = syntheticScenario({
        seed: `bots-${seats}`,
        roles: seats,
        issues: 5,
        options: 3,
        redLinesPerRole: 1,
        batna: 35,
      });
      const each = Object.fromEntries(
        scenario.turnOrder.map((role, r) => [role, styles[r % styles.length] ?? "linear"]),
      );
      const table = simulateTable({ scenario, rounds: 3 }, `size-${seats}`, each);
      expect(table.state.phase, `${seats} seats`).toBe("concluded");
      expect(table.redLineBreaches, `${seats} seats`).toBe(0);
      const tablers = new Set(table.events.flatMap((e) => (e.type === "version-tabled" ? [e.seat] : [])));
      const speakers = new Set(table.events.flatMap((e) => (e.type === "message-sent" ? [e.from] : [])));
      expect([...speakers].sort(), `${seats} seats`).toEqual([...scenario.turnOrder].sort());
      expect(tablers.size, `${seats} seats`).toBeGreaterThan(0);
    }
  });
});
