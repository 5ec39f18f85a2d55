// The state of one negotiating table: what the event log folds into. Plain data, so a state can
// be compared, snapshotted and projected into per-seat views.
import type { Package } from "../package.ts";
import { type EffectiveScenario, redLineTitle } from "../scenario/effective.ts";
import type { Role } from "../scenario/schema.ts";
import { quoted, withoutGloss } from "../words.ts";
import type { Translations } from "./commands.ts";
import type { Outcome } from "./outcome.ts";

export const phases = ["lobby", "briefing", "negotiating", "concluded"] as const;
export type Phase = (typeof phases)[number];

export type Seat = {
  role: string;
  occupied: boolean;
  /** Display name of whoever sits there. */
  occupant: string | null;
  /** The style of the bot playing the seat, or null for a person (or nobody). */
  bot: "boulware" | "linear" | "conceder" | null;
};

export type VersionResponse =
  | { stance: "accepted"; at: number }
  | {
      stance: "objected";
      issues: string[];
      note: string;
      /** A bot's note in the other languages (views show each reader theirs). */
      noteTranslations?: Translations;
      at: number;
    };

/** A tabled version of the negotiating text, numbered from 1. */
export type Version = {
  number: number;
  package: Package;
  tabledBy: string;
  at: number;
  /** Each seat's latest stance on this version; a seat that never answered is absent. */
  responses: Record<string, VersionResponse>;
};

export type Turn = {
  round: number;
  seat: string;
  /** Epoch ms at which the turn clock runs out (while paused, shifted on resume). */
  endsAt: number;
};

/** How the last turn ended, for the seats to be told: a turn that ran out should not pass unseen. */
export type TurnEnd = {
  seat: string;
  round: number;
  how: "tabled" | "passed" | "timed-out" | "skipped";
  at: number;
};

export type NewsItem = { event: string; at: number; scheduled: boolean };
/** `to` null: the public table chat; otherwise a private channel between `from` and `to`. */
export type ChatMessage = {
  from: string;
  to: string | null;
  text: string;
  /** A bot's words in the other languages (views show each reader theirs); never a person's. */
  translations?: Translations;
  at: number;
};
export type Broadcast = { text: string; at: number };
/** A refused attempt to go past one's own red lines, kept for the facilitator and the debrief. */
export type RedLineAttempt = {
  seat: string;
  action: "table" | "accept";
  rules: string[];
  version: number | null;
  at: number;
};

export type TableState = {
  /** The scenario as it stands at this table: variant and injected events applied. */
  effective: EffectiveScenario;
  rounds: number;
  turnSeconds: number;
  turnOrder: string[];
  /** The workshop fills every empty seat with a bot when the instructor starts the table. */
  botFill: boolean;
  phase: Phase;
  paused: boolean;
  /** Epoch ms the pause began, to give the turn clock its time back on resume. */
  pausedAt: number | null;
  seats: Record<string, Seat>;
  turn: Turn | null;
  /** The latest round begun (0 before the talks); unlike `turn`, kept when the talks end. */
  lastRound: number;
  /** How the latest turn ended (null before any did). */
  lastTurnEnd: TurnEnd | null;
  /** The live draft: the seat whose turn it is edits it, everyone watches. */
  draft: Package;
  versions: Version[];
  news: NewsItem[];
  broadcasts: Broadcast[];
  messages: ChatMessage[];
  redLineAttempts: RedLineAttempt[];
  outcome: Outcome | null;
};

export function currentVersion(state: TableState): Version | null {
  return state.versions.at(-1) ?? null;
}

export function findRole(state: TableState, id: string): Role | undefined {
  return state.effective.roles.find((r) => r.id === id);
}

export function roleIds(state: TableState): string[] {
  return state.effective.roles.map((r) => r.id);
}

export function isRole(state: TableState, id: string): boolean {
  return findRole(state, id) !== undefined;
}

/** A person sits in the seat: taken, and not played by a bot. Only then may its holder act for it. */
export function heldByPerson(state: TableState, role: string): boolean {
  const seat = state.seats[role];
  return seat?.occupied === true && seat.bot === null;
}

/** A role's name for sentences: "Europe" rather than "Europe (EU with UK, France, Germany, Poland)". */
export function roleName(state: TableState, id: string): string {
  return withoutGloss(findRole(state, id)?.name ?? id);
}

/** `red line “No amnesty for war crimes”`, or `red lines “A” and “B”`: titles, never ids. */
export function redLinesPhrase(state: TableState, ids: readonly string[]): string {
  const titles = quoted(ids.map((id) => redLineTitle(state.effective.scenario, id)));
  return `${ids.length === 1 ? "red line" : "red lines"} ${titles}`;
}

export { possessive } from "../words.ts";
