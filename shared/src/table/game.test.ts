// Whole games on ukraine-2026, scripted move by move: agreement, collapse, stalemate, the
// clock, and events that move BATNAs and red lines.
import { describe, expect, it } from "vitest";
import { analyze } from "../analysis/analyze.ts";
import type { Package } from "../package.ts";
import { effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { decide } from "./decide.ts";
import { fold } from "./evolve.ts";
import { classifyAgreement } from "./outcome.ts";
import { type ScriptCommand, TableScript } from "./script.ts";
import { viewFor } from "./view.ts";

const scenario = getScenario("ukraine-2026") as Scenario;
const roles = ["us", "ukraine", "europe", "russia"] as const;

function negotiating(config: { variant?: string; rounds?: number; scenario?: Scenario } = {}) {
  const table = new TableScript({ scenario: config.scenario ?? "ukraine-2026", ...config });
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: `${role} player` });
  return table
    .do({ type: "start", actor: "instructor" })
    .advance(60_000)
    .do({ type: "start", actor: "instructor" });
}

const setAll = (actor: string, pkg: Package): ScriptCommand[] =>
  Object.entries(pkg).map(([issue, option]) => ({ type: "set-option", actor, issue, option }));

/** Everyone but the tabler accepts (tabling a complete package already counts as its acceptance). */
const acceptAll = (
  version: number,
  order: readonly string[] = roles.filter((r) => r !== "us"),
): ScriptCommand[] => order.map((actor) => ({ type: "accept", actor, version }));

function nashOf(variant: string) {
  const nash = analyze(effectiveScenario(scenario, variant)).nash;
  if (!nash) throw new Error(`no Nash point in ${variant}`);
  return nash;
}

/** Every replay reads the same truth: the log folds into the state the table reached. */
function expectFoldReproduces(table: TableScript) {
  expect(fold(table.initial, table.events)).toEqual(table.state);
}

describe("a full game on the back channel", () => {
  it("reaches agreement on the Nash package and classes it a fragile ceasefire", () => {
    const nash = nashOf("back-channel");
    const table = negotiating();
    // Round 1: the US opens with the core of Scenario 1; Ukraine objects and fills in its terms.
    table.do(
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "set-option", actor: "us", issue: "ceasefire", option: "current-line" },
      { type: "table-draft", actor: "us" },
      {
        type: "object",
        actor: "ukraine",
        version: 1,
        issues: ["ceasefire"],
        note: "Not without guarantees.",
      },
      { type: "say", actor: "ukraine", to: "europe", text: "Will you back bilateral treaties?" },
      { type: "say", actor: "europe", to: "ukraine", text: "Yes, with a European force." },
      ...setAll("ukraine", {
        guarantees: "bilateral-treaties",
        monitoring: "european-force",
        ceasefire: "current-line-dmz",
      }),
      { type: "table-draft", actor: "ukraine" },
      { type: "pass", actor: "europe" },
    );
    expect(table.state.turn).toMatchObject({ round: 1, seat: "russia" });
    // Russia lets its clock run out.
    table.advance(121_000).do({ type: "timeout", actor: "system" });
    expect(table.state.turn).toMatchObject({ round: 2, seat: "us" });
    // Round 2: the US completes the text as the Nash package; everyone accepts it.
    table.do({ type: "say", actor: "us", text: "Here is the full text." }, ...setAll("us", nash.package), {
      type: "table-draft",
      actor: "us",
    });
    expect(table.state.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(table.state.versions[2]?.package).toEqual(nash.package);
    // Tabling a complete package is the tabler's acceptance; an incomplete one is nobody's.
    expect(viewFor(table.state, "observer").versions.map((v) => v.acceptedBy)).toEqual([[], [], ["us"]]);
    table.do(...acceptAll(3, ["russia", "ukraine"]));
    expect(table.state.phase).toBe("negotiating");
    table.do({ type: "accept", actor: "europe", version: 3 });
    expect(table.state.phase).toBe("concluded");
    expect(table.state.outcome).toMatchObject({
      class: "fragile-ceasefire",
      reason: "agreement",
      version: 3,
      package: nash.package,
      utilities: { ukraine: 62.45, russia: 62.8, us: 85.8, europe: 79.4 },
      batnas: { ukraine: 45, russia: 50, us: 35, europe: 45 },
    });
    expect(table.events.at(-1)?.type).toBe("talks-concluded");
    expectFoldReproduces(table);
  });

  it("classes an agreement that leaves Ukraine below its starting BATNA as an imposed settlement", () => {
    const harsh: Package = {
      territory: "deferred",
      ceasefire: "current-line",
      monitoring: "european-force",
      guarantees: "bilateral-treaties",
      nato: "constitutional-ban",
      "armed-forces": "strict-limits",
      "foreign-troops": "prohibited",
      sanctions: "phased-relief",
      "military-aid": "halted",
      accountability: "investigations",
      humanitarian: "none",
      reconstruction: "none",
      "eu-path": "deferred",
    };
    const table = negotiating().do(
      ...setAll("us", harsh),
      { type: "table-draft", actor: "us" },
      ...acceptAll(1),
    );
    expect(table.state.outcome?.class).toBe("imposed-settlement");
    expect(table.state.outcome?.utilities?.ukraine).toBeCloseTo(41.05, 9);
  });

  it("ends in collapse when a party walks out", () => {
    const table = negotiating().do(
      { type: "pass", actor: "us" },
      { type: "walk-out", actor: "russia", note: "Our terms were ignored." },
    );
    expect(table.state.phase).toBe("concluded");
    expect(table.state.outcome).toMatchObject({
      class: "collapse",
      reason: "walk-out",
      walkedOut: "russia",
      utilities: null,
    });
    expect(table.try({ type: "pass", actor: "ukraine" })).toMatchObject({
      ok: false,
      refusal: { code: "wrong-phase" },
    });
    expectFoldReproduces(table);
  });

  it("ends in stalemate when the rounds run out", () => {
    const table = negotiating({ rounds: 2 });
    for (let i = 0; i < 7; i++) {
      const seat = table.state.turn?.seat as string;
      table.advance(5_000).do({ type: "pass", actor: seat });
    }
    expect(table.state.turn).toMatchObject({ round: 2, seat: "russia" });
    table.do({ type: "pass", actor: "russia" });
    expect(table.state.outcome).toMatchObject({ class: "stalemate", reason: "rounds-exhausted" });
    expectFoldReproduces(table);
  });

  it("gives the talks more time when the instructor extends the rounds", () => {
    const table = negotiating({ rounds: 1 });
    table.do({ type: "extend-rounds", actor: "instructor", by: 1 });
    for (const seat of roles) table.do({ type: "pass", actor: seat });
    expect(table.state.phase).toBe("negotiating");
    expect(table.state.turn).toMatchObject({ round: 2, seat: "us" });
  });

  it("ends in stalemate when the instructor ends the talks", () => {
    const table = negotiating().do(
      { type: "broadcast", actor: "instructor", text: "Five minutes left." },
      { type: "end-talks", actor: "instructor" },
    );
    expect(table.state.outcome).toMatchObject({ class: "stalemate", reason: "ended-by-instructor" });
  });
});

describe("turns and the clock", () => {
  it("starts every turn from the text on the table, dropping untabled edits", () => {
    const table = negotiating().do(
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "set-option", actor: "ukraine", issue: "nato", option: "membership-path" },
    );
    expect(viewFor(table.state, "russia").draft).toEqual({ territory: "deferred", nato: "membership-path" });
    table.do({ type: "pass", actor: "ukraine" });
    expect(table.state.draft).toEqual({ territory: "deferred" });
    table.do({ type: "clear-option", actor: "europe", issue: "territory" });
    expect(table.state.draft).toEqual({});
  });

  it("a pause stops the turn clock and a resume gives the time back", () => {
    const table = negotiating().advance(60_000).do({ type: "pause", actor: "instructor" });
    expect(viewFor(table.state, "observer").turn?.remainingMs).toBe(60_000);
    table.advance(600_000);
    expect(table.try({ type: "timeout", actor: "system" })).toMatchObject({
      ok: false,
      refusal: { code: "paused" },
    });
    table.do({ type: "resume", actor: "instructor" }).advance(59_000);
    expect(table.try({ type: "timeout", actor: "system" })).toMatchObject({
      ok: false,
      refusal: { code: "turn-not-expired" },
    });
    table.advance(1_000).do({ type: "timeout", actor: "system" });
    expect(table.state.turn?.seat).toBe("ukraine");
    expect(table.events.some((e) => e.type === "turn-timed-out" && e.seat === "us")).toBe(true);
  });

  it("the instructor can skip a turn, even while paused, and the new turn keeps its whole clock", () => {
    const table = negotiating().do({ type: "pause", actor: "instructor" }).advance(30_000);
    table
      .do({ type: "skip-turn", actor: "instructor" })
      .advance(30_000)
      .do({ type: "resume", actor: "instructor" });
    expect(table.state.turn?.seat).toBe("ukraine");
    expect((table.state.turn?.endsAt ?? 0) - table.now).toBe(120_000);
  });

  it("takes ISO times as well as epoch milliseconds and logs epoch milliseconds", () => {
    const table = negotiating();
    const endsAt = table.state.turn?.endsAt ?? 0;
    const late = new Date(endsAt + 1_000).toISOString().replace("Z", "+00:00");
    const decision = decide(table.state, { type: "timeout", actor: "system", at: late });
    expect(decision.ok && decision.events[0]).toEqual({
      type: "turn-timed-out",
      at: endsAt + 1_000,
      seat: "us",
    });
    const early = new Date(endsAt - 1_000).toISOString();
    expect(decide(table.state, { type: "timeout", actor: "system", at: early })).toMatchObject({ ok: false });
  });
});

describe("responses to a version", () => {
  it("an objection withdraws an acceptance and an acceptance replaces an objection", () => {
    const nash = nashOf("back-channel");
    const table = negotiating().do(...setAll("us", nash.package), { type: "table-draft", actor: "us" });
    table.do({ type: "accept", actor: "europe", version: 1 });
    table.do({
      type: "object",
      actor: "europe",
      version: 1,
      issues: ["sanctions"],
      note: "Relief too early.",
    });
    expect(viewFor(table.state, "observer").versions[0]).toMatchObject({
      acceptedBy: ["us"],
      objections: [{ seat: "europe", issues: ["sanctions"], note: "Relief too early." }],
    });
    table.do({ type: "accept", actor: "europe", version: 1 });
    expect(viewFor(table.state, "observer").versions[0]).toMatchObject({
      acceptedBy: ["us", "europe"],
      objections: [],
    });
  });
});

describe("events at the table", () => {
  it("track-two-signal switches Russia from its public demands to its back-channel lines", () => {
    const nash = nashOf("back-channel");
    const table = negotiating({ variant: "public-positions" }).do(...setAll("us", nash.package), {
      type: "table-draft",
      actor: "us",
    });
    expect(table.try({ type: "accept", actor: "russia", version: 1 })).toMatchObject({
      ok: false,
      refusal: { code: "red-line", rule: "ru-pub-territory" },
    });
    table.do({ type: "inject-event", actor: "instructor", event: "track-two-signal" });
    expect(viewFor(table.state, "instructor").instructor?.variantByRole.russia).toBe("back-channel");
    expect(viewFor(table.state, "ukraine").me).not.toHaveProperty("variant");
    expect(viewFor(table.state, "russia").me?.redLines.map((r) => r.id)).toEqual([
      "ru-bc-nato",
      "ru-bc-no-rollback",
      "ru-bc-no-withdrawal",
      "ru-bc-no-nato-troops",
    ]);
    table.do(...acceptAll(1));
    expect(table.state.outcome?.class).toBe("fragile-ceasefire");
    expectFoldReproduces(table);
  });

  it("kyiv-backlash adds ua-no-nato-ban and lapses Ukraine's acceptance of a NATO ban", () => {
    const nash = nashOf("back-channel");
    expect(nash.package.nato).toBe("constitutional-ban");
    const table = negotiating().do(
      ...setAll("us", nash.package),
      { type: "table-draft", actor: "us" },
      { type: "accept", actor: "ukraine", version: 1 },
      { type: "accept", actor: "russia", version: 1 },
      { type: "inject-event", actor: "instructor", event: "kyiv-backlash" },
    );
    expect(table.events.slice(-2)).toMatchObject([
      { type: "event-injected", event: "kyiv-backlash", scheduled: false },
      { type: "acceptance-withdrawn", seat: "ukraine", version: 1, rules: ["ua-no-nato-ban"] },
    ]);
    expect(viewFor(table.state, "observer").versions[0]?.acceptedBy).toEqual(["us", "russia"]);
    expect(table.try({ type: "accept", actor: "ukraine", version: 1 })).toMatchObject({
      ok: false,
      refusal: { code: "red-line", rule: "ua-no-nato-ban" },
    });
    expectFoldReproduces(table);
  });

  it("pokrovsk-breakthrough moves the BATNAs, and every seat sees the news but only its own number", () => {
    const table = negotiating().do({
      type: "inject-event",
      actor: "instructor",
      event: "pokrovsk-breakthrough",
    });
    expect(viewFor(table.state, "ukraine").me).toMatchObject({ batna: 30, startingBatna: 45 });
    expect(viewFor(table.state, "russia").me).toMatchObject({ batna: 58, startingBatna: 50 });
    const news = viewFor(table.state, "observer").news;
    expect(news).toMatchObject([
      { event: "pokrovsk-breakthrough", title: "Russian breakthrough at Pokrovsk" },
    ]);
    expect(JSON.stringify(news)).not.toContain("batna");
  });

  it("an event scheduled for a round lands by itself when that round starts", () => {
    const scheduled: Scenario = {
      ...scenario,
      events: scenario.events.map((e) => (e.id === "election-pressure" ? { ...e, atRound: 2 } : e)),
    };
    const table = negotiating({ scenario: scheduled });
    for (const seat of roles) table.do({ type: "pass", actor: seat });
    expect(table.state.news).toMatchObject([{ event: "election-pressure", scheduled: true }]);
    expect(viewFor(table.state, "us").me?.batna).toBe(25);
  });
});

describe("outcome classes", () => {
  const back = effectiveScenario(scenario, "back-channel");
  const nash = nashOf("back-channel").package;

  it("restoring the 1991 borders is a comprehensive settlement", () => {
    expect(classifyAgreement(back, { ...nash, territory: "full-restoration" })).toBe(
      "comprehensive-settlement",
    );
  });

  it("a ceasefire resting on political assurances alone is only a partial settlement", () => {
    expect(classifyAgreement(back, { ...nash, guarantees: "political-assurances" })).toBe(
      "partial-settlement",
    );
  });
});
