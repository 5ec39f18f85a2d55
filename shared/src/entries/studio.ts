// The scenario studio's engine, for its page and its web worker: the scenario checks, the
// analysis and the bot simulation, with the studio's pure edits. Client-safe like ./client: it
// never reaches the built-in scenarios (the studio fetches a scenario's data, behind a key, over
// HTTP). Only the studio's pages import it; nothing else in a browser should.

export type { SimulationReport } from "../bots/simulate.ts";
export { type BotStyle, botStyles } from "../bots/styles.ts";
export { formatPath } from "../scenario/crossReferences.ts";
export { everyRedLine } from "../scenario/effective.ts";
export * from "../scenario/load.ts";
export * from "../scenario/outcomes.ts";
export * from "../scenario/schema.ts";
export { withoutStrayTranslations } from "../scenario/translations.ts";
export * from "../studio/balance.ts";
export * from "../studio/draft.ts";
export * from "../studio/report.ts";
