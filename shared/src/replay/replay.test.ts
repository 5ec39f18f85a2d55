// Replay folds the log with the live table's own evolve and viewFor, at any point, from any
// perspective and in any language, and never shows a seat what it could not have seen.
import { describe, expect, it } from "vitest";
import { simulateTable } from "../bots/simulate.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { TableEvent } from "../table/events.ts";
import { fold } from "../table/evolve.ts";
import { TableScript } from "../table/script.ts";
import { viewFor } from "../table/view.ts";
import { createReplay, eventVisibleTo } from "./replay.ts";

const config = { scenario: getScenario("ukraine-2026") as Scenario, variant: "back-channel" };
const styles = { us: "boulware", ukraine: "conceder", europe: "linear", russia: "boulware" } as const;

describe("replay", () => {
  it("gives, at every position, exactly the state folded from that prefix of the log", () => {
    const table = simulateTable(config, "replay", styles);
    const replay = createReplay(config, table.events, { snapshotEvery: 7 });
    expect(replay.length).toBe(table.events.length);
    const initial = new TableScript(config).initial;
    for (const at of [0, 1, 6, 7, 8, 50, Math.floor(table.events.length / 2), table.events.length]) {
      expect(replay.stateAt(at)).toEqual(fold(initial, table.events.slice(0, at)));
    }
    expect(replay.viewAt(table.events.length, "instructor")).toEqual(viewFor(table.state, "instructor"));
  });

  it("never shows a seat another pair's private messages, another seat's red-line attempts or a bot's reasoning", () => {
    const table = new TableScript(config);
    for (const role of ["us", "ukraine", "europe", "russia"]) table.do({ type: "claim-seat", actor: role });
    table.do(
      { type: "start", actor: "instructor" },
      { type: "start", actor: "instructor" },
      { type: "say", actor: "russia", to: "us", text: "Quietly: treaties could work." },
      { type: "pass", actor: "us" },
      { type: "set-option", actor: "ukraine", issue: "territory", option: "recognize-crimea" },
    );
    const replay = createReplay(config, table.events);
    const ukraine = replay.viewAt(replay.length, "ukraine");
    expect(JSON.stringify(ukraine)).not.toContain("Quietly");
    expect(JSON.stringify(replay.viewAt(replay.length, "us"))).toContain("Quietly");
    expect(replay.timeline("europe").map((entry) => entry.text)).not.toContain(
      "Russia wrote privately to United States.",
    );
    expect(replay.timeline("instructor").map((entry) => entry.text)).toContain(
      "Russia wrote privately to United States.",
    );
    const refused: TableEvent = {
      type: "red-line-refused",
      at: 0,
      seat: "ukraine",
      action: "table",
      rules: ["x"],
      version: null,
    };
    expect(eventVisibleTo(refused, "ukraine")).toBe(true);
    expect(eventVisibleTo(refused, "russia")).toBe(false);
    expect(eventVisibleTo({ type: "bot-noted", at: 0, seat: "us", text: "t" }, "observer")).toBe(false);
  });

  it("numbers timeline entries by sequence and marks tabled versions", () => {
    const table = simulateTable(config, "timeline", styles);
    const timeline = createReplay(config, table.events).timeline("observer");
    expect(timeline.map((entry) => entry.seq)).toEqual(
      [...timeline.map((entry) => entry.seq)].sort((a, b) => a - b),
    );
    const tabled = timeline.filter((entry) => entry.type === "version-tabled");
    expect(tabled.length).toBeGreaterThan(0);
    expect(
      tabled.every((entry) => entry.version !== null && entry.text.includes(`version ${entry.version}`)),
    ).toBe(true);
    expect(timeline.some((entry) => entry.type === "bot-noted")).toBe(false);
  });

  it("tells the timeline and shows the table in the reader's language, English by default", () => {
    const table = new TableScript(config);
    for (const role of ["us", "ukraine", "europe", "russia"]) table.do({ type: "claim-seat", actor: role });
    table.do(
      { type: "start", actor: "instructor" },
      { type: "start", actor: "instructor" },
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "say", actor: "russia", to: "us", text: "Quietly: treaties could work." },
    );
    const replay = createReplay(config, table.events);
    const english = replay.timeline("us").map((entry) => entry.text);
    expect(english).toEqual(replay.timeline("us", "en").map((entry) => entry.text));
    expect(english).toContain("United States tabled version 1.");
    expect(english).toContain("Round 1: United States' turn.");
    const ukrainian = replay.timeline("us", "uk");
    // The same entries, positions and versions; only the words differ.
    expect(ukrainian.map(({ text: _, ...entry }) => entry)).toEqual(
      replay.timeline("us").map(({ text: _, ...entry }) => entry),
    );
    expect(ukrainian.map((entry) => entry.text)).toEqual(
      expect.arrayContaining([
        "Раунд 1: хід делегації «Сполучені Штати».",
        "Делегація «Сполучені Штати» внесла версію 1.",
        "Делегація «Росія» написала приватно делегації «Сполучені Штати».",
      ]),
    );
    expect(JSON.stringify(ukrainian)).not.toContain("Quietly");
    // The replayed table is the live table's view in that language.
    expect(replay.viewAt(replay.length, "us", "uk")).toEqual(viewFor(table.state, "us", "uk"));
    expect(replay.viewAt(replay.length, "us", "uk")).not.toEqual(replay.viewAt(replay.length, "us"));
  });
});
