// Server-only: the scenarios that ship with the product, every role's brief, numbers and red
// lines and every event included, and `localizeScenario`, which gives any scenario (built-in or
// stored) in the reader's language for the pages and routes that show its texts. The package's
// exports map gives browsers nothing here.

export * from "../scenario/legacy.ts";
export * from "../scenario/registry.ts";
export { localizeScenario } from "../scenario/translations.ts";
