// What the table screen reads off a view (who last changed each issue, what changed between
// versions, which options would break the seat's own red lines) and how the sources page anchors
// the sections that citations point to.
import { TableScript, viewFor } from "@red-lines/shared/engine";
import { describe, expect, it } from "vitest";
import { sectionSlug, sourceHref } from "../../client/components/sources/citation.ts";
import { citedDocument } from "../../client/components/sources/scenarioCitations.ts";
import { anchoredParagraphs, locateSection, readSeed } from "../../client/components/sources/seedDocument.ts";
import {
  changesBetween,
  lastChanges,
  optionViolations,
  previousPackage,
} from "../../client/components/table/derive.ts";
import { passingNoticeMs, passingNotices } from "../../client/components/table/notices.ts";

function negotiating() {
  const table = new TableScript({ scenario: "ukraine-2026", variant: "back-channel" });
  for (const role of ["us", "ukraine", "europe", "russia"]) table.do({ type: "claim-seat", actor: role });
  return table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
}

describe("the table screen's readings of a view", () => {
  it("names who last changed each issue: the seat on turn for untabled edits, else the version's tabler", () => {
    const table = negotiating().do(
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "set-option", actor: "us", issue: "nato", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "set-option", actor: "ukraine", issue: "nato", option: "membership-path" },
      { type: "set-option", actor: "ukraine", issue: "sanctions", option: "maintained" },
      { type: "table-draft", actor: "ukraine" },
      { type: "set-option", actor: "europe", issue: "sanctions", option: "tightened" },
    );
    const changes = lastChanges(viewFor(table.state, "russia"));
    expect(changes.territory).toEqual({ seat: "us", version: 1 });
    expect(changes.nato).toEqual({ seat: "ukraine", version: 2 });
    expect(changes.sanctions).toEqual({ seat: "europe", version: null });
    expect(changes.monitoring).toBeNull();
  });

  it("lists what a version changed from the one before, in issue order", () => {
    const table = negotiating().do(
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "set-option", actor: "ukraine", issue: "territory", option: "full-restoration" },
      { type: "set-option", actor: "ukraine", issue: "ceasefire", option: "current-line" },
      { type: "table-draft", actor: "ukraine" },
    );
    const view = viewFor(table.state, "observer");
    const second = view.versions[1];
    if (!second) throw new Error("no version 2");
    expect(changesBetween(view, previousPackage(view, 2), second.package)).toEqual([
      { issue: "territory", from: "deferred", to: "full-restoration" },
      { issue: "ceasefire", from: undefined, to: "current-line" },
    ]);
  });

  it("previews an option against the seat's own red lines with the shared check, and nobody else's", () => {
    const table = negotiating().do({
      type: "set-option",
      actor: "us",
      issue: "ceasefire",
      option: "current-line",
    });
    const ukraine = viewFor(table.state, "ukraine");
    expect(optionViolations(ukraine, "territory", "recognize-crimea")).toEqual([
      "No legal cession of Ukrainian land",
    ]);
    expect(optionViolations(ukraine, "territory", "deferred")).toEqual([]);
    // Only together with the ceasefire already in the draft does "no guarantees" break a rule.
    expect(optionViolations(ukraine, "guarantees", "none")).toEqual(["No ceasefire without real guarantees"]);
    expect(optionViolations(viewFor(table.state, "russia"), "territory", "recognize-crimea")).toEqual([]);
    expect(optionViolations(viewFor(table.state, "observer"), "territory", "recognize-crimea")).toEqual([]);
  });
});

describe("the notices that pass by themselves", () => {
  it("tell a seat its turn has come, and every seat that a clock ran out or a turn was skipped", () => {
    const table = negotiating();
    const before = table.state;
    const now = 1_000;
    table.advance(121_000).do({ type: "timeout", actor: "system" });
    // The US ran out of time: Ukraine's turn now.
    expect(passingNotices(viewFor(before, "ukraine"), viewFor(table.state, "ukraine"), now)).toEqual([
      expect.objectContaining({ kind: "timeout", says: { code: "timedOut", seat: "us" } }),
      expect.objectContaining({
        kind: "turn",
        says: { code: "yourTurn", round: 1 },
        until: now + passingNoticeMs,
      }),
    ]);
    expect(passingNotices(viewFor(before, "us"), viewFor(table.state, "us"), now)).toEqual([
      expect.objectContaining({
        kind: "timeout",
        says: { code: "timedOutMine" },
      }),
    ]);
    const afterTimeout = table.state;
    table.do({ type: "skip-turn", actor: "instructor" });
    expect(passingNotices(viewFor(afterTimeout, "russia"), viewFor(table.state, "russia"), now)).toEqual([
      expect.objectContaining({ kind: "timeout", says: { code: "skipped", seat: "ukraine" } }),
    ]);
    // A plain pass is no news.
    const afterSkip = table.state;
    table.do({ type: "pass", actor: "europe" });
    expect(passingNotices(viewFor(afterSkip, "us"), viewFor(table.state, "us"), now)).toEqual([]);
  });

  it("tell everyone how the talks ended, a walk-out by name", () => {
    const table = negotiating();
    const before = table.state;
    table.do({ type: "walk-out", actor: "russia", note: "Enough." });
    expect(passingNotices(viewFor(before, "europe"), viewFor(table.state, "europe"), 0)).toEqual([
      expect.objectContaining({
        kind: "walk-out",
        says: expect.objectContaining({ code: "walkedOut", seat: "russia" }),
      }),
    ]);
    expect(passingNotices(viewFor(before, "russia"), viewFor(table.state, "russia"), 0)[0]?.says.code).toBe(
      "walkedOutMine",
    );
  });
});

describe("citations and the sources page", () => {
  it("links a citation to its document's page at the section's anchor", () => {
    expect(sectionSlug("Ukraine's Position and Red Lines — Ceasefire-versus-peace")).toBe(
      "ukraine-s-position-and-red-lines-ceasefire-versus-peace",
    );
    expect(
      sourceHref({ file: "002_x.txt", section: "Designing the Architecture of a “Just” Cease-Fire" }),
    ).toBe(
      "/sources/002_x.txt?section=Designing+the+Architecture+of+a+%E2%80%9CJust%E2%80%9D+Cease-Fire#designing-the-architecture-of-a-just-cease-fire",
    );
  });

  it("finds a heading, an item under a heading, and a question, whole words only", () => {
    const lines = [
      "Intro",
      "Scenarios and Timelines",
      "  • Scenario 30 — not this one",
      "  • Scenario 3 — Collapsed negotiations: …",
      "Frequently Asked Questions",
      "What does Ukraine need?",
      "Answer text.",
    ];
    expect(locateSection(lines, "Scenarios and Timelines")).toBe(1);
    expect(locateSection(lines, "Scenarios and Timelines — Scenario 3")).toBe(3);
    expect(locateSection(lines, "Frequently Asked Questions — What does Ukraine need?")).toBe(5);
    expect(locateSection(lines, "Nowhere")).toBeNull();
    const { paragraphs, unmatched } = anchoredParagraphs(lines.join("\n"), [
      { section: "Scenarios and Timelines — Scenario 3", slug: "s3" },
      { section: "Nowhere", slug: "nowhere" },
    ]);
    expect(paragraphs[3]).toMatchObject({
      kind: "bullet",
      anchors: ["s3"],
      text: "Scenario 3 — Collapsed negotiations: …",
    });
    expect(unmatched).toEqual(["Nowhere"]);
  });

  it("knows only the scenarios' documents, names what cites each section without naming red lines or events", () => {
    expect(citedDocument("../../etc/passwd")).toBeNull();
    const document = citedDocument("002_dc4659ee7f7471a7.txt");
    expect(document?.title).toMatch(/^Ukraine peace talks status 2026/);
    const section = document?.sections.find((s) => s.section === "Ukraine's Position and Red Lines");
    expect(section?.citedBy).toContain("Role: Ukraine");
    expect(section?.citedBy).toContain("1 red line");
    expect(JSON.stringify(document)).not.toContain("ua-no-legal-cession");
  });

  it("lists no section for news: which events exist is the facilitator's until they land", () => {
    const document = citedDocument("002_dc4659ee7f7471a7.txt");
    const listed = JSON.stringify(document);
    expect(listed).not.toMatch(/news|event/i);
    // Scenario 4 is cited by the Pokrovsk breakthrough only.
    expect(document?.sections.map((s) => s.section)).not.toContain("Scenarios and Timelines — Scenario 4");
  });

  it("reads no path outside the seeds folder", async () => {
    expect(await readSeed("../package.json")).toBeNull();
    expect(await readSeed(".env")).toBeNull();
  });
});
