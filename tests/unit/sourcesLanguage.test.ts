// The sources page in the reader's language: a cited document's title, the scenarios citing it and
// the roles, issues and variants citing each section are named from the scenarios' translations;
// the sections stay the English document's, and English is as it was.
import type { Scenario } from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { describe, expect, it } from "vitest";
import { citedDocument } from "../../client/components/sources/scenarioCitations.ts";

const flagship = getScenario("ukraine-2026") as Scenario;
const allied = getScenario("allied-coordination-2026") as Scenario;
const file = "002_dc4659ee7f7471a7.txt";
const shared = "000_4a02f21dc14d6b71.txt";

describe("a cited document in the reader's language", () => {
  it("is in English by default and for an English reader", () => {
    const document = citedDocument(file);
    expect(citedDocument(file, "en")).toEqual(document);
    expect(document?.title).toBe(flagship.documents.find((d) => d.file === file)?.title);
    expect(document?.titleLang).toBe("en");
    expect(document?.scenarios).toEqual([flagship.title]);
  });

  it("names the document, its scenarios and what cites each section in Ukrainian; the sections stay", () => {
    const english = citedDocument(file);
    const document = citedDocument(file, "uk");
    const uk = flagship.translations?.uk;
    expect(document?.title).toBe(uk?.documents?.[file]?.title);
    expect(document?.titleLang).toBe("uk");
    expect(document?.scenarios).toEqual([uk?.title]);
    expect(document?.sections.map((s) => s.section)).toEqual(english?.sections.map((s) => s.section));
    const section = document?.sections.find((s) => s.section === "Ukraine's Position and Red Lines");
    expect(section?.citers).toContainEqual({ kind: "role", name: uk?.roles?.ukraine?.name });
    expect(section?.citers).toContainEqual({ kind: "red-lines", count: 1 });
    // Each citer as many times in either language.
    expect(document?.sections.map((s) => s.citers.length)).toEqual(
      english?.sections.map((s) => s.citers.length),
    );
    expect(JSON.stringify(document)).not.toContain("ua-no-legal-cession");
  });

  it("lists a part two scenarios share once, whether its English or its translation differs", () => {
    const europe = [flagship, allied].map((s) => s.translations?.uk?.roles?.europe?.name);
    const document = citedDocument(shared, "uk");
    expect(document?.scenarios).toEqual([flagship.translations?.uk?.title, allied.translations?.uk?.title]);
    for (const section of document?.sections ?? []) {
      const names = section.citers.map((c) => (c.kind === "red-lines" ? "" : `${c.kind}:${c.name}`));
      const named = names.filter((name) => name !== "");
      // "Reconstruction funding" and "Reconstruction financing" read the same in Ukrainian.
      expect(new Set(named).size).toBe(named.length);
      // Never Europe twice, under each scenario's wording.
      expect(names.filter((name) => europe.some((e) => name === `role:${e}`)).length).toBeLessThanOrEqual(1);
    }
    const financing = "Фінансування відбудови";
    expect(
      document?.sections.some((s) => s.citers.some((c) => c.kind === "issue" && c.name === financing)),
    ).toBe(true);
  });
});
