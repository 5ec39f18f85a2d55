// Words and numbers the console shows: phases, rounds and how a table ended, clocks, relative
// times, alert kinds, and how a command's target reads in a button ("all 6 tables", "tables 1
// and 3"). The words are the "console" messages; these helpers take the component's translator
// (and formatter, for numbers and times) so they speak the reader's language.
import type { alertKinds, Phase, TableStatus } from "@red-lines/shared/protocol";
import type { useFormatter, useTranslations } from "next-intl";

/** The console's translator, as a component gets it from useTranslations("console"). */
export type ConsoleT = ReturnType<typeof useTranslations<"console">>;
/** The formatter of the reader's language (useFormatter()). */
export type Formatter = ReturnType<typeof useFormatter>;

type AlertKind = (typeof alertKinds)[number];

/** A phase's name: "Lobby", "Briefing", "Negotiating", "Concluded". */
export function phaseLabel(phase: Phase, t: ConsoleT): string {
  return t(`phase.${phase}`);
}

/**
 * Each alert kind's icon (decorative; symbols common fonts carry, not emoji); its name in words
 * (alertLabel) goes with it, so colour is never the only signal.
 */
export const alertIcon: Record<AlertKind, string> = {
  "red-line": "⊘",
  "walk-out": "⇥",
  "seat-empty": "○",
  "acceptance-withdrawn": "↩",
  agreement: "✓",
  concluded: "⚑",
};

export function alertLabel(kind: AlertKind, t: ConsoleT): string {
  return t(`alertKind.${kind}`);
}

/** "4:05" for a clock; never negative. */
export function clock(ms: number, format: Formatter): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${format.number(minutes, { useGrouping: false })}:${format.number(seconds % 60, { minimumIntegerDigits: 2 })}`;
}

/** "just now", "40 s ago", "3 min ago", "2 h ago". */
export function ago(at: number, now: number, t: ConsoleT): string {
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < 5) return t("time.justNow");
  if (seconds < 60) return t("time.secondsAgo", { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("time.minutesAgo", { minutes });
  return t("time.hoursAgo", { hours: Math.floor(minutes / 60) });
}

/**
 * The time of day of an alert, in the reader's language and this browser's time zone (the
 * console renders in the browser only: it waits for the key in the link's fragment).
 */
export function timeOfDay(at: number, format: Formatter): string {
  return format.dateTime(at, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}

/** "1", "1 and 3", "1, 2 and 4". */
export function listNumbers(numbers: readonly number[], t: ConsoleT): string {
  const sorted = [...numbers].sort((a, b) => a - b).map(String);
  const last = sorted.at(-1);
  if (sorted.length <= 1 || last === undefined) return sorted.join("");
  return t("list.last", { rest: sorted.slice(0, -1).join(", "), last });
}

/** A command's target, as the arguments of the "where.*" messages. */
export type Where = {
  scope: "only" | "both" | "all" | "one" | "some";
  /** How many tables "all" is. */
  count: number;
  /** The one table (scope "one"). */
  table: number;
  /** The tables in words (scope "some"): "1 and 3". */
  tables: string;
};

/**
 * A command's target, for the messages that name it: "all 6 tables", "both tables", "the only
 * table", "table 2", "tables 1 and 3" (where.plain; where.at, where.to and where.into add the
 * preposition, each language its own way).
 */
export function whereOf(target: "all" | readonly number[], tableCount: number, t: ConsoleT): Where {
  if (target === "all") {
    const scope = tableCount === 1 ? "only" : tableCount === 2 ? "both" : "all";
    return { scope, count: tableCount, table: 0, tables: "" };
  }
  const first = target[0] ?? 0;
  return target.length === 1
    ? { scope: "one", count: 1, table: first, tables: String(first) }
    : { scope: "some", count: target.length, table: first, tables: listNumbers(target, t) };
}

/** One table, as a command's target. */
export function oneTable(number: number): Where {
  return { scope: "one", count: 1, table: number, tables: String(number) };
}

/** What "start" begins at a table in this phase, or null when there is nothing to start. */
export function startedPhase(phase: Phase): "briefing" | "negotiations" | null {
  if (phase === "lobby") return "briefing";
  if (phase === "briefing") return "negotiations";
  return null;
}

/** The label of "start" at a table in this phase ("Start briefing"), or null. */
export function startLabel(phase: Phase, t: ConsoleT): string | null {
  const next = startedPhase(phase);
  return next ? t("label.start", { phase: next }) : null;
}

/**
 * How a finished table ended, in words: "Agreement in round 4", "Ended without agreement: a
 * walk-out in round 3".
 */
export function endingText(status: Pick<TableStatus, "reason" | "round" | "rounds">, t: ConsoleT): string {
  const when = status.round > 0 ? t("ending.inRound", { round: status.round }) : t("ending.beforeStart");
  switch (status.reason) {
    case "agreement":
      return t("ending.agreement", { when });
    case "rounds-exhausted":
      return t("ending.roundsExhausted", { rounds: status.rounds });
    case "walk-out":
      return t("ending.walkOut", { when });
    case "ended-by-instructor":
      return t("ending.endedByInstructor", { when });
    case null:
      return t("ending.talksOver");
  }
}

/** The tile's round: "2 of 6", "None yet (6 planned)", or how the talks ended. */
export function roundText(status: TableStatus, t: ConsoleT): string {
  if (status.phase === "concluded") return endingText(status, t);
  if (status.round > 0) return t("round.of", { round: status.round, rounds: status.rounds });
  return t("round.noneYet", { rounds: status.rounds });
}

/** Why a finished table takes no more commands but a broadcast, as a sentence. */
export function overSentence(status: TableStatus, where: Where, t: ConsoleT): string {
  const ending = endingText(status, t);
  return t("ending.over", {
    where: t("where.at", where),
    ending: `${ending.charAt(0).toLocaleLowerCase()}${ending.slice(1)}`,
  });
}

/**
 * The arguments of a message that names a role in the possessive ("Ukraine's", "United States'"):
 * the name, and whether it ends in s (languages without the possessive ignore it).
 */
export function whose(name: string): { name: string; ending: "s" | "other" } {
  return { name, ending: name.endsWith("s") ? "s" : "other" };
}

/** The role names of seats, by id, from a table's status. */
export function seatNames(status: TableStatus, roles: readonly string[]): string[] {
  return roles.map((role) => status.seats.find((seat) => seat.role === role)?.name ?? role);
}

/** The link anyone may be given to watch a table's public view: the page's own origin, the observer token. */
export function watchLink(tableId: string, watchToken: string): string {
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return `${origin}/table/${tableId}?watch=${encodeURIComponent(watchToken)}`;
}

/** Where the instructor watches a table as an observer, every private channel visible. */
export function observerHref(tile: { tableId: string }, workshopId: string): string {
  return `/table/${tile.tableId}?workshop=${workshopId}`;
}
