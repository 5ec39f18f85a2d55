// Client-safe: the wire and HTTP schemas and the types they give (views, messages, console,
// debriefs, workshops), with the constants they are built on. Nothing here reaches scenario data,
// so a browser may import it; `entries.test.ts` walks its imports to keep it that way.
export * from "../bots/styles.ts";
export * from "../debrief/classView.ts";
export * from "../debrief/schema.ts";
export * from "../i18n/locales.ts";
export * from "../package.ts";
export * from "../protocol/console.ts";
export * from "../protocol/http.ts";
export * from "../protocol/messages.ts";
export * from "../protocol/serverErrors.ts";
export * from "../protocol/studio.ts";
export * from "../protocol/table.ts";
export * from "../protocol/viewPatch.ts";
export * from "../protocol/workshop.ts";
export * from "../redLines/rule.ts";
export * from "../scenario/ids.ts";
export * from "../table/commands.ts";
// What an erased student is called in the views and logs, which a page says in its reader's language.
export { erasedStudentName } from "../table/erasure.ts";
export * from "../table/outcome.ts";
export * from "../table/refusals.ts";
export { type Phase, phases } from "../table/state.ts";
export * from "../table/status.ts";
export * from "../table/viewSchema.ts";
export * from "../workshop/joinCode.ts";
