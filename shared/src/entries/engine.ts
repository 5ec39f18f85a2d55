// Server-only: the game. The table engine (decide/evolve/views), analysis, bots and the simulator,
// debriefs, replay, workshops and the scenario model and loader, with the protocol schemas. It
// resolves built-in scenarios by id, so the package's exports map gives browsers nothing here.
export * from "../analysis/analyze.ts";
export * from "../analysis/assessment.ts";
export * from "../analysis/collisions.ts";
export * from "../analysis/points.ts";
export * from "../bots/simulate.ts";
export * from "../bots/strategy.ts";
export * from "../bots/words.ts";
export * from "../debrief/index.ts";
export * from "../i18n/catalogs.ts";
export * from "../i18n/phrase.ts";
export * from "../i18n/render.ts";
export * from "../random.ts";
export * from "../replay/replay.ts";
export * from "../scenario/effective.ts";
export * from "../scenario/load.ts";
export * from "../scenario/schema.ts";
export * from "../scenario/synthetic.ts";
export * from "../table/index.ts";
export * from "../utility.ts";
export * from "../workshop/index.ts";
export * from "./client.ts";
export * from "./protocol.ts";
