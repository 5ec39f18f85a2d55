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

/** What cites a section, for the page to say in the reader's language: a part by name, or red lines by count. */
export type Citer =
  | { kind: "role" | "issue" | "variant"; name: string }
  | { kind: "red-lines"; count: number };

/**
 * `citers` is what the page shows; `citedBy` says the same in English words ("Role: Ukraine",
 * "1 red line"), as the tests read it.
 */
export type CitedSection = { section: string; slug: string; citers: Citer[]; citedBy: string[] };
export type CitedDocument = { file: string; title: string; scenarios: string[]; sections: CitedSection[] };

type Citing =
  | { kind: "role" | "issue" | "variant"; name: string; sources: readonly SourceRef[] }
  | { kind: "red-lines"; sources: readonly SourceRef[] };

function citings(scenario: Scenario): Citing[] {
  const redLines = [
    ...Object.values(scenario.redLines).flat(),
    ...scenario.variants.flatMap((v) => Object.values(v.redLines).flat()),
  ];
  return [
    ...scenario.roles.map((r) => ({ kind: "role" as const, name: r.name, sources: r.sources })),
    ...scenario.issues.map((i) => ({ kind: "issue" as const, name: i.name, sources: i.sources })),
    ...scenario.variants.map((v) => ({ kind: "variant" as const, name: v.name, sources: v.sources })),
    ...redLines.map((r) => ({ kind: "red-lines" as const, sources: r.sources })),
  ];
}

const englishLabel = { role: "Role", issue: "Issue", variant: "Variant" } as const;

function inEnglish(citer: Citer): string {
  if (citer.kind === "red-lines") return `${citer.count} red line${citer.count === 1 ? "" : "s"}`;
  return `${englishLabel[citer.kind]}: ${citer.name}`;
}

/** The document as the built-in scenarios cite it, or null when no scenario lists this file. */
export function citedDocument(file: string): CitedDocument | null {
  const scenarios = scenarioIds.flatMap((id) => {
    const scenario = getScenario(id);
    return scenario?.documents.some((d) => d.file === file) ? [scenario] : [];
  });
  const title = scenarios[0]?.documents.find((d) => d.file === file)?.title;
  if (title === undefined) return null;
  // Per section: each part once (by kind and name), and how many red lines cite it.
  const sections = new Map<string, { parts: Map<string, Citer>; redLines: number }>();
  for (const scenario of scenarios) {
    for (const citing of citings(scenario)) {
      for (const source of citing.sources) {
        if (source.file !== file) continue;
        const entry = sections.get(source.section) ?? { parts: new Map(), redLines: 0 };
        if (citing.kind === "red-lines") entry.redLines += 1;
        else entry.parts.set(`${citing.kind}:${citing.name}`, { kind: citing.kind, name: citing.name });
        sections.set(source.section, entry);
      }
    }
  }
  return {
    file,
    title,
    scenarios: scenarios.map((s) => s.title),
    sections: [...sections].map(([section, { parts, redLines }]) => {
      const citers: Citer[] = [
        ...parts.values(),
        ...(redLines > 0 ? [{ kind: "red-lines" as const, count: redLines }] : []),
      ];
      return { section, slug: sectionSlug(section), citers, citedBy: citers.map(inEnglish) };
    }),
  };
}
