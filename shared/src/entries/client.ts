// Client-safe helpers: the red-line checker over the rules a seat's own view carries, and the
// words and numbers pages show. Nothing here reaches scenario data (see `entries.test.ts`).

export { frontierOfPair } from "../debrief/frontier.ts";
export { discussionQuestions } from "../debrief/questions.ts";
export { formatCount, formatGain, formatPoints, listWords } from "../debrief/summary.ts";
export * from "../redLines/check.ts";
export * from "../redLines/evaluate.ts";
export { possessive } from "../table/state.ts";
export { quoted } from "../words.ts";
