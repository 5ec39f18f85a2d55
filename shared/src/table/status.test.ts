// The facilitator's view across tables: status tiles, red-line refusals kept in the log, alerts.
import { describe, expect, it } from "vitest";
import { nashPackage } from "../fixtures/ukraine2026.ts";
import { english, renderer } from "../i18n/catalogs.ts";
import type { TableCommand } from "./commands.ts";
import { describeEvent } from "./describe.ts";
import { eventSchema } from "./events.ts";
import { evolve } from "./evolve.ts";
import { TableScript } from "./script.ts";
import {
  alertFor,
  localizeStatus,
  refusalEvents,
  shownAlert,
  tableAlertSchema,
  tableStatus,
  tableStatusSchema,
} from "./status.ts";
import { viewFor } from "./view.ts";

const roles = ["us", "ukraine", "europe", "russia"] as const;

function negotiating() {
  const table = new TableScript({ scenario: "ukraine-2026", variant: "back-channel" });
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: `${role} player` });
  return table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
}

describe("red-line refusals in the log", () => {
  it("a refused attempt to table past one's red line becomes an event naming every broken rule", () => {
    const table = negotiating().do(
      { type: "pass", actor: "us" },
      { type: "set-option", actor: "ukraine", issue: "territory", option: "recognize-occupied" },
      { type: "set-option", actor: "ukraine", issue: "accountability", option: "amnesty" },
    );
    const command = { type: "table-draft", actor: "ukraine", at: table.now } as TableCommand;
    const before = table.state;
    const decision = table.try(command);
    if (decision.ok) throw new Error("expected a refusal");
    const events = refusalEvents(before, command, decision.refusal);
    // The script, like the server, logs the attempt as exactly that event.
    expect(table.events.at(-1)).toEqual(events[0]);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(eventSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      type: "red-line-refused",
      seat: "ukraine",
      action: "table",
      version: null,
    });
    expect(event?.type === "red-line-refused" && event.rules).toEqual(
      expect.arrayContaining(["ua-no-legal-cession", "ua-accountability"]),
    );
    // Folding it changes nothing at the table but the record the facilitator and debrief read.
    const after = evolve(before, event as NonNullable<typeof event>);
    expect(after).toEqual(table.state);
    expect(after.versions).toEqual(before.versions);
    expect(after.draft).toEqual(before.draft);
    expect(after.redLineAttempts).toHaveLength(1);
    expect(tableStatus(after).redLineAttempts).toBe(1);
    expect(viewFor(after, "instructor").instructor?.redLineAttempts[0]?.rules).toContain(
      "ua-no-legal-cession",
    );
    expect(viewFor(after, "russia").instructor).toBeNull();
    const raised = alertFor(after, event as NonNullable<typeof event>);
    const scenario = after.effective.scenario;
    expect(raised && tableAlertSchema.parse(shownAlert(raised, renderer(scenario, "en")))).toMatchObject({
      kind: "red-line",
      seat: "ukraine",
      message: expect.stringContaining("past its red lines “No legal cession of Ukrainian land” and"),
    });
    // The instructor reading in Ukrainian gets the red lines by their Ukrainian titles.
    expect(raised && shownAlert(raised, renderer(scenario, "uk")).message).toContain(
      "всупереч своїм червоним лініям «Жодної юридичної передачі української землі» і",
    );
  });

  it("a refused acceptance records the version; other refusals leave nothing in the log", () => {
    const table = negotiating();
    for (const [issue, option] of Object.entries({ ...nashPackage, accountability: "amnesty" })) {
      table.do({ type: "set-option", actor: "us", issue, option });
    }
    table.do({ type: "table-draft", actor: "us" });
    const accept = { type: "accept", actor: "ukraine", at: table.now, version: 1 } as TableCommand;
    const beforeAccept = table.state;
    const refused = table.try(accept);
    if (refused.ok) throw new Error("expected a refusal");
    expect(refusalEvents(beforeAccept, accept, refused.refusal)).toMatchObject([
      { type: "red-line-refused", action: "accept", version: 1, rules: ["ua-accountability"] },
    ]);
    const pass = { type: "pass", actor: "russia", at: table.now } as TableCommand;
    const logged = table.events.length;
    const notTurn = table.try(pass);
    if (notTurn.ok) throw new Error("expected a refusal");
    expect(refusalEvents(table.state, pass, notTurn.refusal)).toEqual([]);
    expect(table.events).toHaveLength(logged);
  });
});

describe("describing events", () => {
  it("gives every event of a played table a sentence, and never a private message's text", () => {
    const table = negotiating().do(
      { type: "say", actor: "ukraine", text: "Meet me privately about sanctions", to: "europe" },
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "object", actor: "europe", version: 1, issues: ["territory"], note: "" },
      { type: "walk-out", actor: "russia" },
    );
    const scenario = table.state.effective.scenario;
    const sentences = table.events.map((event) => english(scenario, describeEvent(table.state, event)));
    for (const sentence of sentences) expect(sentence).toMatch(/^\S.*\.$/);
    expect(sentences[0]).toBe("us player took United States' seat.");
    expect(sentences).toContain("Ukraine wrote privately to Europe.");
    expect(sentences.join(" ")).not.toContain("sanctions");
    expect(sentences).toContain("United States tabled version 1.");
    expect(sentences.some((sentence) => sentence.startsWith("Europe objected to version 1 on "))).toBe(true);
    expect(sentences.at(-1)).toBe("The talks ended without agreement: a party walked out.");
    // A Ukrainian reader's feed: the same events, in Ukrainian, and still no private text.
    const ukrainian = table.events.map((event) =>
      renderer(scenario, "uk")(describeEvent(table.state, event)),
    );
    expect(ukrainian[0]).toBe("us player займає місце делегації «Сполучені Штати».");
    expect(ukrainian).toContain("Делегація «Україна» написала приватно делегації «Європа».");
    expect(ukrainian.join(" ")).not.toContain("sanctions");
    expect(ukrainian.at(-1)).toBe("Переговори завершилися без угоди: одна зі сторін вийшла з переговорів.");
  });
});

describe("table status", () => {
  it("shows phase, round, whose turn, seats and a frozen clock while paused", () => {
    const table = negotiating();
    const status = tableStatusSchema.parse(tableStatus(table.state));
    expect(status).toMatchObject({
      phase: "negotiating",
      paused: false,
      round: 1,
      turnSeat: "us",
      version: 0,
    });
    expect(status.seats.map((seat) => [seat.role, seat.occupied])).toEqual(
      table.state.turnOrder.map((role) => [role, true]),
    );
    const endsAt = status.turnEndsAt ?? 0;
    table.advance(30_000).do({ type: "pause", actor: "instructor" });
    const paused = tableStatus(table.state);
    expect(paused.paused).toBe(true);
    expect(paused.pausedRemainingMs).toBe(endsAt - table.now);
  });

  it("raises alerts for a walk-out and the conclusion it causes, none for ordinary moves", () => {
    const table = negotiating().do(
      { type: "pass", actor: "us" },
      { type: "walk-out", actor: "russia", note: "" },
    );
    const kinds = table.events.map((event) => alertFor(table.state, event)?.kind ?? null).filter(Boolean);
    expect(kinds).toEqual(["walk-out", "concluded"]);
    // In words: no outcome class or reason id.
    const concluded = alertFor(table.state, table.events.at(-1) as (typeof table.events)[number]);
    const scenario = table.state.effective.scenario;
    expect(concluded && english(scenario, concluded.phrase)).toBe(
      "Talks over without agreement (a party walked out): Collapse.",
    );
    expect(concluded && renderer(scenario, "uk")(concluded.phrase)).toBe(
      "Переговори завершилися без угоди (одна зі сторін вийшла з переговорів): Зрив переговорів.",
    );
    // A finished table still says how it ended and in which round, for the console's tile.
    expect(tableStatus(table.state)).toMatchObject({
      phase: "concluded",
      outcome: "collapse",
      reason: "walk-out",
      round: 1,
      outcomeTitle: "Collapse",
    });
  });

  it("names the seats and the outcome in the reader's language", () => {
    const table = negotiating().do({ type: "walk-out", actor: "us", note: "" });
    const inEnglish = tableStatus(table.state);
    expect(inEnglish.seats.map((seat) => seat.name)).toEqual([
      "United States",
      "Ukraine",
      "Europe",
      "Russia",
    ]);
    const ukrainian = tableStatusSchema.parse(tableStatus(table.state, "uk"));
    expect(ukrainian.seats.map((seat) => seat.name)).toEqual([
      "Сполучені Штати",
      "Україна",
      "Європа",
      "Росія",
    ]);
    expect(ukrainian.outcomeTitle).toBe("Зрив переговорів");
    // Everything else is the same status.
    expect({ ...ukrainian, seats: inEnglish.seats, outcomeTitle: inEnglish.outcomeTitle }).toEqual(inEnglish);
    // A status made in English elsewhere (a table's room, for the console) reads the same in Ukrainian.
    expect(localizeStatus(inEnglish, table.state.effective.scenario, "uk")).toEqual(ukrainian);
    expect(localizeStatus(inEnglish, table.state.effective.scenario, "en")).toEqual(inEnglish);
  });

  it("keeps the round the talks ended in, and none when they ended before the negotiations", () => {
    const table = negotiating();
    expect(tableStatus(table.state)).toMatchObject({ round: 1, reason: null });
    table.do({ type: "end-talks", actor: "instructor" });
    expect(tableStatus(table.state)).toMatchObject({ round: 1, reason: "ended-by-instructor" });
    const briefing = new TableScript({ scenario: "ukraine-2026" });
    for (const role of roles) briefing.do({ type: "claim-seat", actor: role });
    briefing.do({ type: "start", actor: "instructor" }, { type: "end-talks", actor: "instructor" });
    expect(tableStatus(briefing.state)).toMatchObject({
      phase: "concluded",
      round: 0,
      reason: "ended-by-instructor",
    });
  });
});
