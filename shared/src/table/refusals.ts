// Why a table refuses a command: a typed code and a sentence a player can read. Red-line
// refusals also name the rule, explain it and cite where it comes from.
import { z } from "zod";
import type { Violation } from "../redLines/check.ts";
import { idSchema, type SourceRef, sourceRefSchema } from "../scenario/ids.ts";
import { quoted } from "../words.ts";
import type { TableEvent } from "./events.ts";
import { type Phase, possessive, roleName, type TableState } from "./state.ts";

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

export const refusalSchema = z.strictObject({
  code: z.enum(refusalCodes),
  message: z.string(),
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
export type Refusal = z.infer<typeof refusalSchema>;

export type Decision = { ok: true; events: TableEvent[] } | { ok: false; refusal: Refusal };

export const refuse = (code: RefusalCode, message: string): Refusal => ({ code, message });

const phaseClause: Record<Phase, string> = {
  lobby: "while the table is still in the lobby",
  briefing: "during the briefing",
  negotiating: "while negotiations are under way",
  concluded: "now that the talks are over",
};

export function wrongPhase(state: TableState, action: string): Refusal {
  return refuse("wrong-phase", `You cannot ${action} ${phaseClause[state.phase]}.`);
}

export function notYourTurn(state: TableState): Refusal {
  const turn = state.turn?.seat;
  const whose = turn === undefined ? "nobody's turn" : `${possessive(roleName(state, turn))} turn`;
  return refuse("not-your-turn", `It is ${whose}, not yours.`);
}

export function formatSource(state: TableState, source: SourceRef): string {
  const title = state.effective.scenario.documents.find((d) => d.file === source.file)?.title;
  return `${title ?? "a source document"}, “${source.section}”`;
}

/** Names the first broken rule; the others are counted so the player knows there is more to fix. */
export function redLineRefusal(
  state: TableState,
  action: "table" | "accept",
  violations: readonly Violation[],
): Refusal {
  const [first, ...rest] = violations;
  if (!first) throw new Error("redLineRefusal needs at least one violation");
  const more = rest.length === 0 ? "" : ` It also breaks ${quoted(rest.map((v) => v.title))}.`;
  const [source] = first.sources;
  const cited = source ? ` Source: ${formatSource(state, source)}.` : "";
  return {
    code: "red-line",
    message: `You cannot ${action} this package: it breaks your red line “${first.title}”. ${first.explanation}${cited}${more}`,
    rule: first.rule,
    title: first.title,
    explanation: first.explanation,
    ...(source ? { source } : {}),
    sources: first.sources,
    rules: violations.map((v) => v.rule),
  };
}
