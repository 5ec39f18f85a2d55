// What the built-in scenarios cite from one seed document: its title and each cited section with
// what cites it. Read on the server from the scenario data (server-only: the scenarios hold every
// seat's secrets). Red lines are counted, never named: whose red line it is stays private to its
// seat. Events are left out altogether: which news exists is the facilitator's surprise until it
// lands (a landed item's link names its section itself, see `sourceHref`). Titles and names are
// in the reader's language (each scenario's translation); the sections are the English document's.
import "server-only";
import type { Scenario } from "@red-lines/shared/engine";
import type { Locale, SourceRef } from "@red-lines/shared/protocol";
import { getScenario, localizeScenario, scenarioIds } from "@red-lines/shared/scenarios";
import { sectionSlug } from "./citation.ts";

/** What cites a section, for the page to say in the reader's language: a part by name, or red lines by count. */
export type Citer =
  | { kind: "role" | "issue" | "variant"; name: string }
  | { kind: "red-lines"; count: number };

/**
 * `citers` is what the page shows; `citedBy` says the same in English frames ("Role: Ukraine",
 * "1 red line"; the names in the reader's language), as the tests read it.
 */
export type CitedSection = { section: string; slug: string; citers: Citer[]; citedBy: string[] };
/**
 * `title` and `scenarios` (the citing scenarios' titles) are in the reader's language; `titleLang`
 * says which language the title is in (English where the translation has none).
 */
export type CitedDocument = {
  file: string;
  title: string;
  titleLang: Locale;
  scenarios: string[];
  sections: CitedSection[];
};

type Citing =
  | { kind: "role" | "issue" | "variant"; key: string; name: string; sources: readonly SourceRef[] }
  | { kind: "red-lines"; sources: readonly SourceRef[] };

/**
 * What cites what in a scenario: each part with its name in the reader's language (`shown`) and
 * its English name as a key, so a part two scenarios share is listed once whatever the translation.
 */
function citings(scenario: Scenario, shown: Scenario): Citing[] {
  const redLines = [
    ...Object.values(scenario.redLines).flat(),
    ...scenario.variants.flatMap((v) => Object.values(v.redLines).flat()),
  ];
  const nameIn = (list: readonly { id: string; name: string }[], id: string, english: string) =>
    list.find((item) => item.id === id)?.name ?? english;
  return [
    ...scenario.roles.map((r) => ({
      kind: "role" as const,
      key: r.name,
      name: nameIn(shown.roles, r.id, r.name),
      sources: r.sources,
    })),
    ...scenario.issues.map((i) => ({
      kind: "issue" as const,
      key: i.name,
      name: nameIn(shown.issues, i.id, i.name),
      sources: i.sources,
    })),
    ...scenario.variants.map((v) => ({
      kind: "variant" as const,
      key: v.name,
      name: nameIn(shown.variants, v.id, v.name),
      sources: v.sources,
    })),
    ...redLines.map((r) => ({ kind: "red-lines" as const, sources: r.sources })),
  ];
}

const englishLabel = { role: "Role", issue: "Issue", variant: "Variant" } as const;

function inEnglish(citer: Citer): string {
  if (citer.kind === "red-lines") return `${citer.count} red line${citer.count === 1 ? "" : "s"}`;
  return `${englishLabel[citer.kind]}: ${citer.name}`;
}

/**
 * The document as the built-in scenarios cite it, or null when no scenario lists this file: its
 * title, the scenarios and the citing parts named in the reader's `locale` (English by default).
 */
export function citedDocument(file: string, locale: Locale = "en"): CitedDocument | null {
  const scenarios = scenarioIds.flatMap((id) => {
    const scenario = getScenario(id);
    return scenario?.documents.some((d) => d.file === file) ? [scenario] : [];
  });
  const first = scenarios[0];
  const english = first?.documents.find((d) => d.file === file)?.title;
  if (first === undefined || english === undefined) return null;
  const title = localizeScenario(first, locale).documents.find((d) => d.file === file)?.title ?? english;
  // Per section: each part once (by kind, and English or shown name), and how many red lines cite it.
  const sections = new Map<string, { parts: Map<string, Citer>; redLines: number }>();
  for (const scenario of scenarios) {
    for (const citing of citings(scenario, localizeScenario(scenario, locale))) {
      for (const source of citing.sources) {
        if (source.file !== file) continue;
        const entry = sections.get(source.section) ?? { parts: new Map(), redLines: 0 };
        if (citing.kind === "red-lines") entry.redLines += 1;
        else {
          // Once per part: the same English name, or the same name as shown (two scenarios'
          // different English for one thing may read the same in a translation).
          const key = `${citing.kind}:${citing.key}`;
          const shownAlready = [...entry.parts.values()].some(
            (part) => part.kind === citing.kind && "name" in part && part.name === citing.name,
          );
          if (!entry.parts.has(key) && !shownAlready) {
            entry.parts.set(key, { kind: citing.kind, name: citing.name });
          }
        }
        sections.set(source.section, entry);
      }
    }
  }
  return {
    file,
    title,
    titleLang: locale !== "en" && title !== english ? locale : "en",
    scenarios: scenarios.map((s) => localizeScenario(s, locale).title),
    sections: [...sections].map(([section, { parts, redLines }]) => {
      const citers: Citer[] = [
        ...parts.values(),
        ...(redLines > 0 ? [{ kind: "red-lines" as const, count: redLines }] : []),
      ];
      return { section, slug: sectionSlug(section), citers, citedBy: citers.map(inEnglish) };
    }),
  };
}
