// The public surface of the game package: everything the server, client and tests import.

export * from "./analysis/analyze.ts";
export * from "./analysis/assessment.ts";
export * from "./analysis/collisions.ts";
export * from "./analysis/points.ts";
export * from "./bots/simulate.ts";
export * from "./bots/strategy.ts";
export * from "./debrief/index.ts";
export * from "./package.ts";
export * from "./protocol/console.ts";
export * from "./protocol/http.ts";
export * from "./protocol/messages.ts";
export * from "./protocol/table.ts";
export * from "./random.ts";
export * from "./redLines/check.ts";
export * from "./redLines/evaluate.ts";
export * from "./redLines/rule.ts";
export * from "./replay/replay.ts";
export * from "./scenario/effective.ts";
export * from "./scenario/load.ts";
export * from "./scenario/registry.ts";
export * from "./scenario/schema.ts";
export * from "./scenario/synthetic.ts";
export * from "./table/index.ts";
export * from "./utility.ts";
export * from "./workshop/index.ts";
