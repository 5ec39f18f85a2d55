// One behaviour-named test per refusal code; the last test checks that every code is covered.
import { afterAll, describe, expect, it } from "vitest";
import { nashPackage } from "../fixtures/ukraine2026.ts";
import { shownRefusal } from "../i18n/catalogs.ts";
import type { Locale } from "../i18n/locales.ts";
import type { Package } from "../package.ts";
import { getScenario } from "../scenario/registry.ts";
import { parseCommand } from "./decide.ts";
import { type Decision, type RefusalCode, refusalCodes } from "./refusals.ts";
import { type ScriptCommand, TableScript } from "./script.ts";

const seen = new Set<RefusalCode>();
const ukraine2026 =
  getScenario("ukraine-2026") ??
  (() => {
    throw new Error("ukraine-2026 is built in");
  })();

/** The refusal as a reader of `locale` receives it. */
function expectRefusal(decision: Decision, code: RefusalCode, locale: Locale = "en") {
  if (decision.ok)
    throw new Error(`expected a ${code} refusal, got events ${JSON.stringify(decision.events)}`);
  expect(decision.refusal.code).toBe(code);
  const shown = shownRefusal(ukraine2026, locale, decision.refusal);
  // Every refusal reaches the player as a sentence, in their language.
  expect(shown.message).toMatch(locale === "en" ? /^[A-Z"].*[.)]$/ : /^[А-ЯІЇЄҐ«"].*[.)]$/);
  if (locale === "en") seen.add(code);
  return shown;
}

const roles = ["us", "ukraine", "europe", "russia"] as const;

function lobby(variant = "back-channel") {
  return new TableScript({ scenario: "ukraine-2026", variant });
}

function seated(variant?: string) {
  const table = lobby(variant);
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: `${role} player` });
  return table;
}

/** Negotiating, round 1, the United States to move. */
function negotiating(variant?: string) {
  return seated(variant).do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
}

const set = (actor: string, issue: string, option: string): ScriptCommand => ({
  type: "set-option",
  actor,
  issue,
  option,
});

function setAll(actor: string, pkg: Package): ScriptCommand[] {
  return Object.entries(pkg).map(([issue, option]) => set(actor, issue, option));
}

describe("refusals", () => {
  it("a malformed command is refused as invalid", () => {
    const parsed = parseCommand({ type: "accept", actor: "ukraine", at: 0, version: 0 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expectRefusal({ ok: false, refusal: parsed.refusal }, "invalid-command");
    expect(
      parseCommand({ type: "accept", actor: "ukraine", at: "2026-03-02T09:00:00Z", version: 1 }).ok,
    ).toBe(true);
  });

  it("a seat that is not in the scenario cannot be claimed", () => {
    const refusal = expectRefusal(lobby().try({ type: "claim-seat", actor: "china" }), "unknown-seat");
    expect(refusal.message).toBe('There is no seat called "china" at this table.');
  });

  it("only the instructor can pause the table", () => {
    const refusal = expectRefusal(negotiating().try({ type: "pause", actor: "ukraine" }), "not-allowed");
    expect(refusal.message).toBe("Only the instructor can pause the table.");
  });

  it("the instructor cannot table a draft in a seat's place", () => {
    expectRefusal(negotiating().try({ type: "table-draft", actor: "instructor" }), "not-allowed");
  });

  it("a seat nobody has taken cannot chat", () => {
    const refusal = expectRefusal(lobby().try({ type: "say", actor: "russia", text: "hello" }), "not-seated");
    expect(refusal.message).toContain("Russia's seat is empty");
  });

  it("a seat already taken cannot be claimed again", () => {
    const table = lobby().do({ type: "claim-seat", actor: "ukraine", name: "Olena" });
    const refusal = expectRefusal(table.try({ type: "claim-seat", actor: "ukraine" }), "seat-taken");
    expect(refusal.message).toBe("Ukraine's seat is already taken by Olena.");
  });

  it("the instructor cannot start while seats are empty", () => {
    const table = lobby().do({ type: "claim-seat", actor: "ukraine" }, { type: "claim-seat", actor: "us" });
    const refusal = expectRefusal(table.try({ type: "start", actor: "instructor" }), "seats-empty");
    expect(refusal.message).toContain("The seats of Russia and Europe are still empty");
  });

  it("nobody can edit the draft before negotiations start", () => {
    const refusal = expectRefusal(seated().try(set("us", "territory", "deferred")), "wrong-phase");
    expect(refusal.message).toBe("You cannot edit the draft while the table is still in the lobby.");
  });

  it("a paused table refuses moves", () => {
    const table = negotiating().do({ type: "pause", actor: "instructor" });
    expectRefusal(table.try(set("us", "territory", "deferred")), "paused");
  });

  it("resuming a table that is not paused is refused", () => {
    expectRefusal(negotiating().try({ type: "resume", actor: "instructor" }), "not-paused");
  });

  it("a seat cannot edit the draft out of turn", () => {
    const table = negotiating().do({ type: "pass", actor: "us" });
    const refusal = expectRefusal(table.try(set("us", "territory", "deferred")), "not-your-turn");
    expect(refusal.message).toBe("It is Ukraine's turn, not yours.");
    expect(expectRefusal(table.try(set("us", "territory", "deferred")), "not-your-turn", "uk").message).toBe(
      "Зараз хід іншої сторони (Україна), а не ваш.",
    );
    expect(
      expectRefusal(negotiating().try({ type: "pass", actor: "ukraine" }), "not-your-turn").message,
    ).toBe("It is United States' turn, not yours.");
  });

  it("an issue that is not on the table cannot be set", () => {
    expectRefusal(negotiating().try(set("us", "oil-prices", "capped")), "unknown-issue");
  });

  it("an objection cannot flag an issue that is not on the table", () => {
    const table = negotiating().do(set("us", "territory", "deferred"), { type: "table-draft", actor: "us" });
    expectRefusal(
      table.try({ type: "object", actor: "russia", version: 1, issues: ["territory", "oil"], note: "" }),
      "unknown-issue",
    );
  });

  it("an option the issue does not have cannot be set", () => {
    const refusal = expectRefusal(negotiating().try(set("us", "territory", "partition")), "unknown-option");
    expect(refusal.message).toContain("full-restoration, deferred, recognize-crimea");
  });

  it("ukraine cannot table a package that recognises annexation", () => {
    const table = negotiating().do(
      { type: "pass", actor: "us" },
      set("ukraine", "territory", "recognize-occupied"),
    );
    const refusal = expectRefusal(table.try({ type: "table-draft", actor: "ukraine" }), "red-line");
    expect(refusal.rule).toBe("ua-no-legal-cession");
    expect(refusal.explanation).toContain("legal title");
    expect(refusal.source).toEqual({
      file: "002_dc4659ee7f7471a7.txt",
      section: "Ukraine's Position and Red Lines",
    });
    expect(refusal.title).toBe("No legal cession of Ukrainian land");
    expect(refusal.message).toContain("breaks your red line “No legal cession of Ukrainian land”");
    // People read titles: the sentence cites the document by its title, never an id or a file name.
    expect(refusal.message).toContain("Ukraine peace talks status 2026: where negotiations stand");
    expect(refusal.message).not.toContain("ua-no-legal-cession");
    expect(refusal.message).not.toContain(".txt");
    expect(table.state.versions).toEqual([]);

    // A Ukrainian reader gets the same refusal in Ukrainian: the rule's title and explanation
    // from the scenario's translation, the source's title too, its section as written (English).
    const ua = expectRefusal(table.try({ type: "table-draft", actor: "ukraine" }), "red-line", "uk");
    const rule = ukraine2026.translations?.uk?.redLines?.["ua-no-legal-cession"];
    expect(rule?.title).toBeTruthy();
    expect(ua.title).toBe(rule?.title);
    expect(ua.explanation).toBe(rule?.explanation);
    expect(ua.message).toContain(
      `Ви не можете внести цей пакет: він порушує вашу червону лінію «${rule?.title}».`,
    );
    expect(ua.message).toContain("розділ «Ukraine's Position and Red Lines» (документ англійською)");
    expect(ua.message).toContain(
      ukraine2026.translations?.uk?.documents?.["002_dc4659ee7f7471a7.txt"]?.title ?? "?",
    );
  });

  it("ukraine cannot accept a package that grants an amnesty", () => {
    const table = negotiating().do(...setAll("us", { ...nashPackage, accountability: "amnesty" }), {
      type: "table-draft",
      actor: "us",
    });
    const refusal = expectRefusal(table.try({ type: "accept", actor: "ukraine", version: 1 }), "red-line");
    expect(refusal.rule).toBe("ua-accountability");
  });

  it("a seat may table a package that breaks another party's red line", () => {
    const table = negotiating().do(set("us", "territory", "recognize-crimea"), {
      type: "table-draft",
      actor: "us",
    });
    expect(table.state.versions).toHaveLength(1);
    expectRefusal(
      table
        .advance(1000)
        .do(set("ukraine", "nato", "renounced"))
        .try({ type: "accept", actor: "ukraine", version: 1 }),
      "incomplete-package",
    );
  });

  it("an empty or unchanged draft cannot be tabled", () => {
    expectRefusal(negotiating().try({ type: "table-draft", actor: "us" }), "unchanged-draft");
    const table = negotiating().do(set("us", "territory", "deferred"), { type: "table-draft", actor: "us" });
    const refusal = expectRefusal(table.try({ type: "table-draft", actor: "ukraine" }), "unchanged-draft");
    expect(refusal.message).toBe("The draft is the same as version 1; change something or pass.");
  });

  it("nothing can be accepted before a version is tabled", () => {
    expectRefusal(negotiating().try({ type: "accept", actor: "europe", version: 1 }), "no-version");
  });

  it("a seat cannot accept an older version", () => {
    const table = negotiating().do(
      ...setAll("us", nashPackage),
      { type: "table-draft", actor: "us" },
      set("ukraine", "eu-path", "deferred"),
      { type: "table-draft", actor: "ukraine" },
    );
    const refusal = expectRefusal(
      table.try({ type: "accept", actor: "europe", version: 1 }),
      "stale-version",
    );
    expect(refusal.message).toBe("Version 1 is no longer on the table; the current version is 2.");
    expectRefusal(
      table.try({ type: "object", actor: "russia", version: 1, issues: [], note: "" }),
      "stale-version",
    );
  });

  it("a partial version cannot be accepted", () => {
    const table = negotiating().do(set("us", "territory", "deferred"), { type: "table-draft", actor: "us" });
    const refusal = expectRefusal(
      table.try({ type: "accept", actor: "europe", version: 1 }),
      "incomplete-package",
    );
    expect(refusal.message).toContain("12 issues open");
  });

  it("a seat cannot accept the same version twice", () => {
    const table = negotiating().do(
      ...setAll("us", nashPackage),
      { type: "table-draft", actor: "us" },
      { type: "accept", actor: "europe", version: 1 },
    );
    expectRefusal(table.try({ type: "accept", actor: "europe", version: 1 }), "already-accepted");
  });

  it("a timeout before the turn clock runs out is refused", () => {
    const table = negotiating().advance(119_000);
    const refusal = expectRefusal(table.try({ type: "timeout", actor: "system" }), "turn-not-expired");
    expect(refusal.message).toBe("United States' turn has 1 second left.");
  });

  it("an event the scenario does not have cannot be injected", () => {
    expectRefusal(
      negotiating().try({ type: "inject-event", actor: "instructor", event: "alien-landing" }),
      "unknown-event",
    );
  });

  it("the same event cannot land twice", () => {
    const table = negotiating().do({ type: "inject-event", actor: "instructor", event: "us-intel-pause" });
    expectRefusal(
      table.try({ type: "inject-event", actor: "instructor", event: "us-intel-pause" }),
      "event-already-injected",
    );
  });

  it("a seat cannot open a private channel with itself", () => {
    expectRefusal(
      seated().try({ type: "say", actor: "europe", to: "europe", text: "note to self" }),
      "invalid-recipient",
    );
  });
});

afterAll(() => {
  // Runs after the tests above: every refusal code has a behaviour-named test.
  expect([...seen].sort()).toEqual([...refusalCodes].sort());
});
