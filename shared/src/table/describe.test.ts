// Event lines and alerts are phrases each reader's copy renders: in English exactly the sentences
// the feed, the console and the replay have always shown (every branch below), and in Ukrainian
// for a Ukrainian reader, with the scenario's own Ukrainian names.
import { describe, expect, it } from "vitest";
import { english, renderer } from "../i18n/catalogs.ts";
import { getScenario } from "../scenario/registry.ts";
import { describeEvent } from "./describe.ts";
import { erasedStudentName } from "./erasure.ts";
import { eventSchema, type TableEvent } from "./events.ts";
import { TableScript } from "./script.ts";
import { alertFor } from "./status.ts";

const scenario =
  getScenario("ukraine-2026") ??
  (() => {
    throw new Error("ukraine-2026 is built in");
  })();
const state = new TableScript({ scenario: "ukraine-2026", variant: "back-channel" }).state;
const uk = renderer(scenario, "uk");

/** An event, its line and the alert it raises (null: none), in English as they always read. */
const cases: [TableEvent, string, string | null][] = [
  [{ type: "seat-claimed", at: 1, seat: "us", name: "Ann", by: "us" }, "Ann took United States' seat.", null],
  [
    { type: "seat-claimed", at: 1, seat: "ukraine", name: null, by: "ukraine" },
    "A player took Ukraine's seat.",
    null,
  ],
  [
    { type: "seat-claimed", at: 1, seat: "europe", name: "Bo", by: "instructor" },
    "The facilitator seated Bo as Europe.",
    null,
  ],
  [
    { type: "seat-claimed", at: 1, seat: "russia", name: null, by: "instructor" },
    "The facilitator seated someone as Russia.",
    null,
  ],
  [
    { type: "seat-claimed", at: 1, seat: "russia", name: "Bot", by: "system", bot: "linear" },
    "The facilitator seated Bot as Russia.",
    null,
  ],
  [
    { type: "seat-released", at: 2, seat: "us", by: "system" },
    "The bot handed United States' seat to a person.",
    null,
  ],
  [
    { type: "seat-released", at: 2, seat: "us", by: "us" },
    "United States' seat was left empty.",
    "United States's seat is empty: its player left or lost the connection. Reassign it or wait for them.",
  ],
  [
    { type: "seat-released", at: 2, seat: "ukraine", by: "ukraine" },
    "Ukraine's seat was left empty.",
    "Ukraine's seat is empty: its player left or lost the connection. Reassign it or wait for them.",
  ],
  [
    { type: "seat-released", at: 2, seat: "russia", by: "instructor" },
    "The facilitator released Russia's seat.",
    "Russia's seat was released and is empty.",
  ],
  [{ type: "briefing-started", at: 3 }, "The briefing began.", null],
  [{ type: "negotiations-started", at: 3 }, "Negotiations began.", null],
  [{ type: "turn-started", at: 4, seat: "us", round: 2, endsAt: 5 }, "Round 2: United States' turn.", null],
  [{ type: "turn-started", at: 4, seat: "ukraine", round: 1, endsAt: 5 }, "Round 1: Ukraine's turn.", null],
  [{ type: "turn-started", at: 4, seat: "europe", round: 3, endsAt: 5 }, "Round 3: Europe's turn.", null],
  [
    { type: "option-set", at: 5, seat: "europe", issue: "territory", option: "deferred" },
    "Europe set Legal status of the occupied territory to Status deferred in the draft.",
    null,
  ],
  [
    { type: "option-set", at: 5, seat: "europe", issue: "nope", option: "x" },
    "Europe set nope to x in the draft.",
    null,
  ],
  [
    { type: "option-cleared", at: 5, seat: "russia", issue: "ceasefire" },
    "Russia cleared Ceasefire in the draft.",
    null,
  ],
  [
    { type: "version-tabled", at: 6, seat: "us", version: 3, package: {} },
    "United States tabled version 3.",
    null,
  ],
  [{ type: "version-accepted", at: 6, seat: "russia", version: 3 }, "Russia accepted version 3.", null],
  [
    { type: "version-objected", at: 6, seat: "us", version: 3, issues: [], note: "" },
    "United States objected to version 3.",
    null,
  ],
  [
    { type: "version-objected", at: 6, seat: "us", version: 3, issues: ["territory"], note: "" },
    "United States objected to version 3 on Legal status of the occupied territory.",
    null,
  ],
  [
    {
      type: "version-objected",
      at: 6,
      seat: "us",
      version: 3,
      issues: ["territory", "guarantees"],
      note: "",
    },
    "United States objected to version 3 on Legal status of the occupied territory, Security guarantees for Ukraine.",
    null,
  ],
  [
    {
      type: "version-objected",
      at: 6,
      seat: "us",
      version: 3,
      issues: ["territory", "guarantees", "nato", "sanctions"],
      note: "x",
    },
    "United States objected to version 3 on Legal status of the occupied territory, Security guarantees for Ukraine, NATO membership, Sanctions on Russia.",
    null,
  ],
  [
    { type: "acceptance-withdrawn", at: 7, seat: "us", version: 2, rules: ["us-no-nato-now"] },
    "United States' acceptance of version 2 lapsed after the news.",
    "United States's acceptance of version 2 lapsed: the news broke its red line “No NATO membership now”.",
  ],
  [
    {
      type: "acceptance-withdrawn",
      at: 7,
      seat: "ukraine",
      version: 2,
      rules: ["ua-accountability", "ua-no-legal-cession"],
    },
    "Ukraine's acceptance of version 2 lapsed after the news.",
    "Ukraine's acceptance of version 2 lapsed: the news broke its red lines “No amnesty for war crimes” and “No legal cession of Ukrainian land”.",
  ],
  [{ type: "turn-passed", at: 8, seat: "europe" }, "Europe passed.", null],
  [{ type: "turn-timed-out", at: 8, seat: "us" }, "United States' time ran out.", null],
  [{ type: "turn-skipped", at: 8, seat: "russia" }, "The facilitator skipped Russia's turn.", null],
  [{ type: "walked-out", at: 9, seat: "russia", note: null }, "Russia walked out.", "Russia walked out."],
  [
    { type: "walked-out", at: 9, seat: "us", note: "" },
    "United States walked out.",
    "United States walked out.",
  ],
  [
    { type: "walked-out", at: 9, seat: "europe", note: "No guarantees, no deal. {x} it's 'quoted'" },
    "Europe walked out.",
    "Europe walked out: \"No guarantees, no deal. {x} it's 'quoted'\"",
  ],
  [{ type: "talks-paused", at: 10 }, "The facilitator paused the talks.", null],
  [{ type: "talks-resumed", at: 10 }, "The talks resumed.", null],
  [
    { type: "event-injected", at: 11, event: "paris-guarantees", scheduled: false },
    "News: Paris summit: European guarantees.",
    null,
  ],
  [{ type: "event-injected", at: 11, event: "unknown-news", scheduled: true }, "News: unknown-news.", null],
  [{ type: "rounds-extended", at: 12, by: 2, rounds: 8 }, "The talks were extended to 8 rounds.", null],
  [{ type: "broadcast-sent", at: 13, text: "hello" }, "The facilitator sent a message to the table.", null],
  [
    { type: "message-sent", at: 14, from: "ukraine", to: null, text: "secret" },
    "Ukraine wrote to the table.",
    null,
  ],
  [
    { type: "message-sent", at: 14, from: "ukraine", to: "us", text: "secret" },
    "Ukraine wrote privately to United States.",
    null,
  ],
  [
    { type: "message-sent", at: 14, from: "us", to: "europe", text: "secret" },
    "United States wrote privately to Europe.",
    null,
  ],
  [{ type: "bot-noted", at: 15, seat: "russia", text: "why" }, "Russia's bot explained its move.", null],
  [{ type: "bot-noted", at: 15, seat: "us", text: "why" }, "United States' bot explained its move.", null],
  [
    {
      type: "red-line-refused",
      at: 16,
      seat: "ukraine",
      action: "table",
      rules: ["ua-no-legal-cession"],
      version: null,
    },
    "Ukraine was stopped at its red line “No legal cession of Ukrainian land”.",
    "Ukraine tried to table the draft past its red line “No legal cession of Ukrainian land”.",
  ],
  [
    {
      type: "red-line-refused",
      at: 16,
      seat: "ukraine",
      action: "accept",
      rules: ["ua-accountability", "ua-no-legal-cession"],
      version: 4,
    },
    "Ukraine was stopped at its red lines “No amnesty for war crimes” and “No legal cession of Ukrainian land”.",
    "Ukraine tried to accept version 4 past its red lines “No amnesty for war crimes” and “No legal cession of Ukrainian land”.",
  ],
  [
    {
      type: "red-line-refused",
      at: 16,
      seat: "ukraine",
      action: "table",
      rules: ["ua-accountability", "ua-no-legal-cession", "ua-ceasefire-needs-guarantees"],
      version: null,
    },
    "Ukraine was stopped at its red lines “No amnesty for war crimes”, “No legal cession of Ukrainian land” and “No ceasefire without real guarantees”.",
    "Ukraine tried to table the draft past its red lines “No amnesty for war crimes”, “No legal cession of Ukrainian land” and “No ceasefire without real guarantees”.",
  ],
  [
    {
      type: "talks-concluded",
      at: 17,
      outcome: {
        class: "fragile-ceasefire",
        reason: "agreement",
        version: 5,
        package: null,
        walkedOut: null,
        utilities: null,
        batnas: {},
      },
    },
    "Agreement on version 5.",
    "Agreement on version 5: Fragile ceasefire.",
  ],
  [
    {
      type: "talks-concluded",
      at: 17,
      outcome: {
        class: "collapse",
        reason: "walk-out",
        version: null,
        package: null,
        walkedOut: "russia",
        utilities: null,
        batnas: {},
      },
    },
    "The talks ended without agreement: a party walked out.",
    "Talks over without agreement (a party walked out): Collapse.",
  ],
  [
    {
      type: "talks-concluded",
      at: 17,
      outcome: {
        class: "stalemate",
        reason: "rounds-exhausted",
        version: null,
        package: null,
        walkedOut: null,
        utilities: null,
        batnas: {},
      },
    },
    "The talks ended without agreement: the rounds ran out.",
    "Talks over without agreement (the rounds ran out): Stalemate.",
  ],
  [
    {
      type: "talks-concluded",
      at: 17,
      outcome: {
        class: "stalemate",
        reason: "ended-by-instructor",
        version: null,
        package: null,
        walkedOut: null,
        utilities: null,
        batnas: {},
      },
    },
    "The talks ended without agreement: the facilitator ended them.",
    "Talks over without agreement (the facilitator ended them): Stalemate.",
  ],
];

describe("event lines and alerts", () => {
  it("read in English exactly as before, for every kind of event", () => {
    for (const [event, line, alert] of cases) {
      expect(eventSchema.parse(event)).toEqual(event);
      expect(english(scenario, describeEvent(state, event))).toBe(line);
      const raised = alertFor(state, event);
      expect(raised ? english(scenario, raised.phrase) : null).toBe(alert);
    }
  });

  it("read in Ukrainian for a Ukrainian reader, names and titles from the scenario's translation", () => {
    const lines = cases.map(([event]) => uk(describeEvent(state, event)));
    const line = (type: TableEvent["type"], index = 0) =>
      lines.filter((_, at) => cases[at]?.[0].type === type)[index];
    expect(line("turn-started")).toBe("Раунд 2: хід делегації «Сполучені Штати».");
    expect(line("version-tabled")).toBe("Делегація «Сполучені Штати» внесла версію 3.");
    expect(line("version-objected", 2)).toBe(
      "Делегація «Сполучені Штати» висловила заперечення щодо версії 3 (питання: Правовий статус окупованих територій і Гарантії безпеки для України).",
    );
    expect(line("message-sent", 1)).toBe(
      "Делегація «Україна» написала приватно делегації «Сполучені Штати».",
    );
    expect(line("red-line-refused", 1)).toBe(
      "Делегацію «Україна» зупинено перед її червоними лініями «Жодної амністії за воєнні злочини» і «Жодної юридичної передачі української землі».",
    );
    expect(line("rounds-extended")).toBe("Переговори продовжено до 8 раундів.");
    expect(line("talks-concluded", 1)).toBe(
      "Переговори завершилися без угоди: одна зі сторін вийшла з переговорів.",
    );
    for (const sentence of lines) {
      expect(sentence).toMatch(/^[А-ЯІЇЄҐA-Z«].*[.»]$/u);
      // No English word of the messages is left (names typed by people and unknown ids aside).
      expect(sentence).not.toMatch(/\b(?:the|took|seat|version|objected|walked|round|turn)\b/i);
    }
    const alerts = cases.flatMap(([event]) => {
      const raised = alertFor(state, event);
      return raised ? [uk(raised.phrase)] : [];
    });
    expect(alerts).toContain(
      "Делегація «Україна» спробувала прийняти версію 4 всупереч своїм червоним лініям «Жодної амністії за воєнні злочини» і «Жодної юридичної передачі української землі».",
    );
    expect(alerts).toContain("Угоди досягнуто на основі версії 5: Крихке перемирʼя.");
    // The red lines a lapsed acceptance broke, by their Ukrainian titles: never by their ids.
    expect(alerts).toContain(
      "Згода делегації «Сполучені Штати» на версію 2 втратила силу: новини порушили її червону лінію «Жодного членства в НАТО зараз».",
    );
    expect(alerts).toContain(
      "Згода делегації «Україна» на версію 2 втратила силу: новини порушили її червоні лінії «Жодної амністії за воєнні злочини» і «Жодної юридичної передачі української землі».",
    );
    for (const alert of alerts) expect(alert).not.toMatch(/\b(?:ua|us|eu|ru)-[a-z]/);
    expect(alerts).toContain(
      "Місце делегації «Сполучені Штати» порожнє: гравець вийшов або втратив зʼєднання. Передайте місце іншому гравцеві або зачекайте, поки він повернеться.",
    );
  });

  it("names the red line news added when it lapses an acceptance, by its title in each language", () => {
    const lapsed: TableEvent = {
      type: "acceptance-withdrawn",
      at: 1,
      seat: "ukraine",
      version: 1,
      rules: ["ua-no-nato-ban"],
    };
    const raised = alertFor(state, lapsed);
    if (!raised) throw new Error("a lapsed acceptance raises an alert");
    expect(english(scenario, raised.phrase)).toBe(
      "Ukraine's acceptance of version 1 lapsed: the news broke its red line “No constitutional ban on NATO”.",
    );
    expect(uk(raised.phrase)).toBe(
      "Згода делегації «Україна» на версію 1 втратила силу: новини порушили її червону лінію «Жодної конституційної заборони на вступ до НАТО».",
    );
  });

  it("names an erased student by the placeholder, in each reader's language", () => {
    const claimed: TableEvent = {
      type: "seat-claimed",
      at: 1,
      seat: "us",
      name: erasedStudentName,
      by: "us",
      erased: true,
    };
    expect(english(scenario, describeEvent(state, claimed))).toBe("Erased student took United States' seat.");
    const line = uk(describeEvent(state, claimed));
    expect(line).toContain("Студент (імʼя стерто)");
    expect(line).not.toContain(erasedStudentName);
  });

  it("lists objections' issues with commas in English and as Ukrainian lists them in Ukrainian", () => {
    const objected = (issues: string[]): TableEvent => ({
      type: "version-objected",
      at: 1,
      seat: "europe",
      version: 2,
      issues,
      note: "",
    });
    const three = objected(["ceasefire", "nato", "sanctions"]);
    expect(english(scenario, describeEvent(state, three))).toBe(
      "Europe objected to version 2 on Ceasefire, NATO membership, Sanctions on Russia.",
    );
    expect(uk(describeEvent(state, three))).toBe(
      "Делегація «Європа» висловила заперечення щодо версії 2 (питання: Припинення вогню, Членство в НАТО і Санкції проти Росії).",
    );
  });
});
