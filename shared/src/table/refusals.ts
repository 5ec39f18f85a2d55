// Why a table refuses a command: a typed code and a phrase (i18n/phrase.ts) that each reader's
// copy renders in their language. Red-line refusals also name the rule and cite where it comes
// from; the rule's title and explanation reach the player in their language with the rendered
// sentence (`refusalSchema`, what the wire carries, built by the server from a Refusal).
import { z } from "zod";
import { type Phrase, phrase, phraseSchema } from "../i18n/phrase.ts";
import type { Violation } from "../redLines/check.ts";
import { idSchema, type SourceRef, sourceRefSchema } from "../scenario/ids.ts";
import type { TableEvent } from "./events.ts";
import type { Phase, TableState } from "./state.ts";

export const refusalCodes = [
  "invalid-command",
  "unknown-seat",
  "not-allowed",
  "not-seated",
  "seat-taken",
  "seats-empty",
  "wrong-phase",
  "paused",
  "not-paused",
  "not-your-turn",
  "unknown-issue",
  "unknown-option",
  "red-line",
  "unchanged-draft",
  "no-version",
  "stale-version",
  "incomplete-package",
  "already-accepted",
  "turn-not-expired",
  "unknown-event",
  "event-already-injected",
  "invalid-recipient",
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

/** What a seat or the console receives: the refusal in the reader's language. */
export const refusalSchema = z.strictObject({
  code: z.enum(refusalCodes),
  message: z.string(),
  /** The phrase the message was rendered from, for clients that render it themselves. */
  phrase: phraseSchema.optional(),
  /** The red line broken, e.g. `ua-no-legal-cession` (code `red-line`). */
  rule: idSchema.optional(),
  /** Its title for people, e.g. "No legal cession of Ukrainian land". */
  title: z.string().optional(),
  explanation: z.string().optional(),
  /** The rule's first source; `sources` lists them all. */
  source: sourceRefSchema.optional(),
  sources: z.array(sourceRefSchema).optional(),
  /** Every red line the package breaks, `rule` first (code `red-line`). */
  rules: z.array(idSchema).optional(),
});
export type ShownRefusal = z.infer<typeof refusalSchema>;

/** The engine's refusal: no sentence, a phrase. */
export type Refusal = {
  code: RefusalCode;
  phrase: Phrase;
  rule?: string;
  source?: SourceRef;
  sources?: SourceRef[];
  rules?: string[];
};

export type Decision = { ok: true; events: TableEvent[] } | { ok: false; refusal: Refusal };

export const refuse = (code: RefusalCode, said: Phrase): Refusal => ({ code, phrase: said });

/** What a seat or the instructor was trying to do, as the engine's messages name it. */
export type Action =
  | "accept-version"
  | "assign-seat"
  | "assign-seats"
  | "broadcast"
  | "claim-seat"
  | "edit-draft"
  | "end-talks"
  | "extend-rounds"
  | "inject-event"
  | "inject-events"
  | "leave-a-seat"
  | "leave-your-seat"
  | "note-bot-reasoning"
  | "object-to-version"
  | "pass"
  | "pause-table"
  | "release-seat"
  | "release-seats"
  | "resume-table"
  | "skip-turn"
  | "start-table"
  | "table-draft"
  | "take-seat"
  | "time-out-turn"
  | "use-chat"
  | "walk-out";

export const actionPhrase = (action: Action) => ({ phrase: phrase(`action.${action}`) });

export function wrongPhase(state: Pick<TableState, "phase">, action: Action): Refusal {
  const phase: Phase = state.phase;
  return refuse("wrong-phase", phrase("refusal.wrong-phase", { action: actionPhrase(action), phase }));
}

export function notYourTurn(state: TableState): Refusal {
  const turn = state.turn?.seat;
  return refuse(
    "not-your-turn",
    turn === undefined
      ? phrase("refusal.nobody-s-turn")
      : phrase("refusal.not-your-turn", { role: { role: turn } }),
  );
}

/** Names the first broken rule; the others are counted so the player knows there is more to fix. */
export function redLineRefusal(
  state: TableState,
  action: "table" | "accept",
  violations: readonly Violation[],
): Refusal {
  const [first, ...rest] = violations;
  if (!first) throw new Error("redLineRefusal needs at least one violation");
  const [source] = first.sources;
  const known = source && state.effective.scenario.documents.some((d) => d.file === source.file);
  const cited = !source
    ? ""
    : known
      ? {
          phrase: phrase("refusal.red-line-source", {
            document: { document: source.file },
            section: source.section,
          }),
        }
      : { phrase: phrase("refusal.red-line-source-unknown", { section: source.section }) };
  const more =
    rest.length === 0
      ? ""
      : { phrase: phrase("refusal.red-line-more", { redLines: { redLines: rest.map((v) => v.rule) } }) };
  return {
    code: "red-line",
    phrase: phrase("refusal.red-line", {
      action,
      redLine: { redLine: first.rule },
      explanation: { redLineExplanation: first.rule },
      source: cited,
      more,
    }),
    rule: first.rule,
    ...(source ? { source } : {}),
    sources: first.sources,
    rules: violations.map((v) => v.rule),
  };
}
