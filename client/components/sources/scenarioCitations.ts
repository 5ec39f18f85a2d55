// What the built-in scenarios cite from one seed document: its title and each cited section with
// what cites it. Read on the server from the scenario data (server-only: the scenarios hold every
// seat's secrets). Red lines are counted, never named: whose red line it is stays private to its
// seat. Events are left out altogether: which news exists is the facilitator's surprise until it
// lands (a landed item's link names its section itself, see `sourceHref`).
import "server-only";
import type { Scenario } from "@red-lines/shared/engine";
import type { SourceRef } from "@red-lines/shared/protocol";
import { getScenario, scenarioIds } from "@red-lines/shared/scenarios";
import { sectionSlug } from "./citation.ts";

export type CitedSection = { section: string; slug: string; citedBy: string[] };
export type CitedDocument = { file: string; title: string; scenarios: string[]; sections: CitedSection[] };

type Citer =
  | { label: string; sources: readonly SourceRef[] }
  | { count: "red line"; sources: readonly SourceRef[] };

function citers(scenario: Scenario): Citer[] {
  const redLines = [
    ...Object.values(scenario.redLines).flat(),
    ...scenario.variants.flatMap((v) => Object.values(v.redLines).flat()),
  ];
  return [
    ...scenario.roles.map((r) => ({ label: `Role: ${r.name}`, sources: r.sources })),
    ...scenario.issues.map((i) => ({ label: `Issue: ${i.name}`, sources: i.sources })),
    ...scenario.variants.map((v) => ({ label: `Variant: ${v.name}`, sources: v.sources })),
    ...redLines.map((r) => ({ count: "red line" as const, sources: r.sources })),
  ];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The document as the built-in scenarios cite it, or null when no scenario lists this file. */
export function citedDocument(file: string): CitedDocument | null {
  const scenarios = scenarioIds.flatMap((id) => {
    const scenario = getScenario(id);
    return scenario?.documents.some((d) => d.file === file) ? [scenario] : [];
  });
  const title = scenarios[0]?.documents.find((d) => d.file === file)?.title;
  if (title === undefined) return null;
  const sections = new Map<string, { labels: Set<string>; counts: Map<string, number> }>();
  for (const scenario of scenarios) {
    for (const citer of citers(scenario)) {
      for (const source of citer.sources) {
        if (source.file !== file) continue;
        const entry = sections.get(source.section) ?? { labels: new Set(), counts: new Map() };
        if ("label" in citer) entry.labels.add(citer.label);
        else entry.counts.set(citer.count, (entry.counts.get(citer.count) ?? 0) + 1);
        sections.set(source.section, entry);
      }
    }
  }
  return {
    file,
    title,
    scenarios: scenarios.map((s) => s.title),
    sections: [...sections].map(([section, { labels, counts }]) => ({
      section,
      slug: sectionSlug(section),
      citedBy: [...labels, ...[...counts].map(([word, n]) => plural(n, word))],
    })),
  };
}
