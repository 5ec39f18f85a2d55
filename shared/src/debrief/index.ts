// Debriefs: what happened at a table, what deal was possible and how close it came, and the
// class view of every table side by side. Pure: computed from a table's config and log.
export * from "./classView.ts";
export * from "./debrief.ts";
export * from "./frontier.ts";
export * from "./questions.ts";
export * from "./schema.ts";
export * from "./summary.ts";
