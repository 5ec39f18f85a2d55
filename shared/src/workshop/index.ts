// Workshops: join codes, settings resolved from a scenario, and seating.
export * from "./joinCode.ts";
export * from "./seating.ts";
export * from "./settings.ts";
