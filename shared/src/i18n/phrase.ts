// What the engine says, as a code and its values, never as a sentence: a refusal, an event in a
// feed, an alert, a line of the debrief, a bot's chat. Each reader's copy is rendered in their
// language (render.ts) from the engine's messages, client/messages/<locale>/{engine,feed,summary,bots}.json
// (refusals; event lines and alerts; the debrief's reading; bots' chat), one tree whose top-level
// keys are unique across the files. Their English is the list of codes: PhraseCode is its keys,
// so a code without an English message does not compile, and tests/unit/messages.test.ts fails
// when another language lacks one.
//
// A value is a number, a plain string (a name a person typed, a version's text), or a reference
// to something of the scenario, named in the reader's language when rendered: a seat, an issue,
// an option, a red line, an event, an outcome class or a document; or another phrase.
import { z } from "zod";
import type bots from "../../../client/messages/en/bots.json";
import type engine from "../../../client/messages/en/engine.json";
import type feed from "../../../client/messages/en/feed.json";
import type summary from "../../../client/messages/en/summary.json";

/** "refusal.wrong-phase": the dotted path of a message in the engine's catalogue. */
type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type PhraseCode = Paths<typeof engine & typeof feed & typeof summary & typeof bots>;

export type PhraseRef =
  | { role: string }
  | { roles: string[] }
  | { issue: string }
  | { issues: string[] }
  | { option: string; of: string }
  | { event: string }
  | { redLine: string }
  | { redLineExplanation: string }
  | { redLines: string[] }
  | { outcome: string }
  | { outcomePhrase: string }
  | { document: string }
  | { phrase: Phrase };
export type PhraseValue = string | number | PhraseRef;
export type Phrase = { code: PhraseCode; values?: Record<string, PhraseValue> };

export function phrase(code: PhraseCode, values?: Record<string, PhraseValue>): Phrase {
  return values ? { code, values } : { code };
}

const id = z.string().min(1).max(200);
export const phraseSchema: z.ZodType<Phrase> = z.lazy(() =>
  z.strictObject({
    code: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/) as unknown as z.ZodType<PhraseCode>,
    values: z
      .record(
        z.string().regex(/^[a-zA-Z]+$/),
        z.union([
          z.string().max(2000),
          z.number(),
          z.strictObject({ role: id }),
          z.strictObject({ roles: z.array(id) }),
          z.strictObject({ issue: id }),
          z.strictObject({ issues: z.array(id) }),
          z.strictObject({ option: id, of: id }),
          z.strictObject({ event: id }),
          z.strictObject({ redLine: id }),
          z.strictObject({ redLineExplanation: id }),
          z.strictObject({ redLines: z.array(id) }),
          z.strictObject({ outcome: id }),
          z.strictObject({ outcomePhrase: id }),
          z.strictObject({ document: id }),
          z.strictObject({ phrase: phraseSchema }),
        ]),
      )
      .optional(),
  }),
);
