// What each perspective sees of one table mid-game: own brief and numbers for a seat, the
// public table for an observer, everything for the instructor.
import { describe, expect, it } from "vitest";
import { nashPackage } from "../fixtures/ukraine2026.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { TableScript } from "./script.ts";
import { viewFor } from "./view.ts";
import { tableViewSchema } from "./viewSchema.ts";

const roles = ["us", "ukraine", "europe", "russia"] as const;
const scenario = getScenario("ukraine-2026") as Scenario;
const allRedLineIds = [
  ...Object.values(scenario.redLines),
  ...scenario.variants.flatMap((v) => Object.values(v.redLines)),
  ...scenario.events.flatMap((e) => e.effects.flatMap((f) => (f.kind === "addRedLine" ? [[f.redLine]] : []))),
].flatMap((list) => list.map((r) => r.id));

function midGame() {
  const table = new TableScript({ scenario: "ukraine-2026" });
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: `${role} player` });
  return table.do(
    { type: "start", actor: "instructor" },
    { type: "start", actor: "instructor" },
    { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
    { type: "set-option", actor: "us", issue: "nato", option: "deferred" },
    { type: "table-draft", actor: "us" },
    { type: "say", actor: "ukraine", text: "We can live with a deferred status." },
    { type: "say", actor: "russia", to: "us", text: "Drop the NATO path and we talk." },
    { type: "inject-event", actor: "instructor", event: "kyiv-backlash" },
    { type: "broadcast", actor: "instructor", text: "Ten minutes to the break." },
  );
}

describe("views", () => {
  it("a seat sees its own brief, numbers and red lines, and how the table scores for it", () => {
    const view = viewFor(midGame().state, "ukraine");
    expect(view.me?.role).toBe("ukraine");
    expect(view.me?.brief.summary).toMatch(/^You speak for Kyiv/);
    expect(view.me?.redLines.map((r) => r.id)).toContain("ua-no-nato-ban");
    expect(view.me?.batna).toBe(45);
    expect(view.me?.versions).toEqual([{ number: 1, utility: 16.05, gain: -28.95, violations: [] }]);
    expect(view.instructor).toBeNull();
    expect(JSON.stringify(view)).not.toContain("ru-bc-");
  });

  it("a seat's draft preview names its own red lines the draft already breaks", () => {
    const table = midGame().do(
      { type: "set-option", actor: "ukraine", issue: "accountability", option: "amnesty" },
      { type: "set-option", actor: "ukraine", issue: "nato", option: "membership-path" },
    );
    expect(viewFor(table.state, "ukraine").me?.draft.violations.map((v) => v.rule)).toEqual([
      "ua-accountability",
    ]);
    expect(viewFor(table.state, "us").me?.draft.violations.map((v) => v.rule)).toEqual(["us-no-nato-now"]);
  });

  it("a private channel is visible to its two seats and the instructor only", () => {
    const { state } = midGame();
    const secret = "Drop the NATO path and we talk.";
    for (const perspective of ["russia", "us", "instructor"]) {
      expect(viewFor(state, perspective).privateChannels).toMatchObject([
        { between: ["russia", "us"], messages: [{ from: "russia", to: "us", text: secret }] },
      ]);
    }
    for (const perspective of ["ukraine", "europe", "observer"]) {
      expect(viewFor(state, perspective).privateChannels).toEqual([]);
      expect(JSON.stringify(viewFor(state, perspective))).not.toContain(secret);
    }
  });

  it("an observer sees the public table and nothing private", () => {
    const view = viewFor(midGame().state, "observer");
    expect(view.perspective).toBe("observer");
    expect(view.me).toBeNull();
    expect(view.instructor).toBeNull();
    expect(view.publicChat.map((m) => m.text)).toEqual(["We can live with a deferred status."]);
    expect(view.broadcasts.map((b) => b.text)).toEqual(["Ten minutes to the break."]);
    expect(view.news.map((n) => n.event)).toEqual(["kyiv-backlash"]);
    expect(view.versions[0]?.package).toEqual({ territory: "deferred", nato: "deferred" });
    expect(view.turn).toMatchObject({ round: 1, seat: "ukraine", remainingMs: null });
    const json = JSON.stringify(view);
    for (const id of allRedLineIds) expect(json).not.toContain(`"${id}"`);
  });

  it("an unknown perspective sees what an observer sees", () => {
    const { state } = midGame();
    expect(viewFor(state, "someone")).toEqual(viewFor(state, "observer"));
  });

  it("the instructor sees every seat's private view, the variant and the events' effects", () => {
    const view = viewFor(midGame().state, "instructor");
    expect(view.instructor?.seats.map((s) => s.role)).toEqual(["ukraine", "russia", "us", "europe"]);
    expect(view.instructor?.variantByRole).toMatchObject({ russia: "back-channel" });
    expect(view.instructor?.events.find((e) => e.id === "kyiv-backlash")).toMatchObject({ applied: true });
  });

  it("names the scenario's documents, so a citation can show its document's title", () => {
    const view = viewFor(midGame().state, "observer");
    expect(view.scenario.documents).toEqual(scenario.documents);
  });

  it("once the talks are over, everyone sees each party's score against its no-deal value", () => {
    const table = new TableScript({ scenario: "ukraine-2026", variant: "back-channel" });
    for (const role of roles) table.do({ type: "claim-seat", actor: role });
    table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
    expect(viewFor(table.state, "ukraine").outcome).toBeNull();
    for (const [issue, option] of Object.entries(nashPackage))
      table.do({ type: "set-option", actor: "us", issue, option });
    table.do({ type: "table-draft", actor: "us" });
    for (const role of roles) if (role !== "us") table.do({ type: "accept", actor: role, version: 1 });
    const outcome = viewFor(table.state, "europe").outcome;
    expect(outcome).toMatchObject({ reason: "agreement", version: 1 });
    expect(outcome?.utilities).toEqual({ ukraine: 62.45, russia: 62.8, us: 85.8, europe: 79.4 });
    expect(Object.keys(outcome?.batnas ?? {}).sort()).toEqual([...roles].sort());
    expect(viewFor(table.state, "observer").outcome).toEqual(outcome);
  });

  it("every view is plain JSON matching the view schema", () => {
    const { state } = midGame();
    for (const perspective of [...roles, "observer", "instructor"]) {
      const view = viewFor(state, perspective);
      expect(tableViewSchema.parse(JSON.parse(JSON.stringify(view)))).toEqual(view);
    }
  });
});
