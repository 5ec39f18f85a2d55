// Server-only: the scenarios that ship with the product, every role's brief, numbers and red
// lines and every event included. The package's exports map gives browsers nothing here.

export * from "../scenario/legacy.ts";
export * from "../scenario/registry.ts";
