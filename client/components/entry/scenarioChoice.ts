// What the set-up form needs to know about a scenario, as plain data a server page can hand over:
// the shared `scenarioChoiceSchema` (built-in scenarios, and the latest version of stored ones).
export type { ScenarioChoice } from "@red-lines/shared/protocol";

/** How the form names a scenario: a stored one with its version, since later saves add others. */
export function choiceLabel(choice: { title: string; version: number | null }): string {
  return choice.version === null ? choice.title : `${choice.title} (version ${choice.version})`;
}
