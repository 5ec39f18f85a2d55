// The table engine's public surface: config and initial state, commands, events, refusals,
// decide/evolve, outcome classes and per-perspective views.
export * from "./commands.ts";
export * from "./config.ts";
export * from "./decide.ts";
export * from "./describe.ts";
export * from "./erasure.ts";
export * from "./events.ts";
export * from "./evolve.ts";
export * from "./handler.ts";
export * from "./outcome.ts";
export * from "./refusals.ts";
export * from "./script.ts";
export * from "./state.ts";
export * from "./status.ts";
export * from "./view.ts";
export * from "./viewDiff.ts";
export * from "./viewSchema.ts";
