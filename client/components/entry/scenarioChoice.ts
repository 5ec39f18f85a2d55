// What the set-up form needs to know about a scenario, as plain data a server page can hand over:
// the shared `scenarioChoiceSchema` (built-in scenarios, and the latest version of stored ones).
export type { ScenarioChoice } from "@red-lines/shared/protocol";

/**
 * How the form names a scenario: a stored one with its version, since later saves add others
 * (`versioned` says "<title> (version <n>)" in the reader's language: entry.json
 * `workshopForm.versioned`).
 */
export function choiceLabel(
  choice: { title: string; version: number | null },
  versioned: (values: { title: string; version: number }) => string,
): string {
  return choice.version === null ? choice.title : versioned({ title: choice.title, version: choice.version });
}
