// Scenario snapshots stored before outcome classes were scenario data. Workshops keep the exact
// scenario they were played with, so an old snapshot is upgraded on load, never rewritten: it
// gets the classes the engine then applied to every scenario. Those were written for
// ukraine-2026: a snapshot they fit takes them whole (so its debriefs read as they did); any
// other kept only what matched, which was a partial settlement for every agreement.

import { loadScenario } from "./load.ts";
import type { OutcomeClassSpec } from "./outcomes.ts";
import { getScenario } from "./registry.ts";

function formerClasses(): OutcomeClassSpec[] {
  const flagship = getScenario("ukraine-2026");
  if (!flagship) throw new Error("the built-in ukraine-2026 scenario is missing");
  return flagship.outcomes;
}

/** The data with outcome classes added when it predates them; anything else comes back as it is. */
export function withFormerOutcomes(data: unknown): unknown {
  if (typeof data !== "object" || data === null || Array.isArray(data) || "outcomes" in data) return data;
  const whole = formerClasses();
  const fitted = { ...data, outcomes: whole };
  if (loadScenario(fitted).ok) return fitted;
  const keep = new Set(["partial-settlement", "stalemate", "collapse"]);
  // Cited from the snapshot's own first document: the flagship's sources may not be among them.
  const documents = (data as { documents?: unknown }).documents;
  const first = Array.isArray(documents) ? (documents[0] as { file?: unknown } | undefined)?.file : undefined;
  const sources = typeof first === "string" ? [{ file: first, section: "Outcome classes" }] : [];
  return {
    ...data,
    outcomes: whole.filter((c) => keep.has(c.id)).map(({ when: _when, ...c }) => ({ ...c, sources })),
  };
}
