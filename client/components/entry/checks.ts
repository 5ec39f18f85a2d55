// The shared schemas the entry forms check what people type with. Loaded by formChecks.ts when a
// form is first used, never with a page.
export { displayNameSchema, joinCodeSchema } from "@red-lines/shared/protocol";
