// Words and numbers the console shows: phases, rounds and how a table ended, clocks, relative
// times, alert kinds, and how a command's target reads in a button ("all 6 tables", "tables 1
// and 3").
import type { alertKinds, Phase, TableStatus } from "@red-lines/shared/protocol";

export const phaseLabel: Record<Phase, string> = {
  lobby: "Lobby",
  briefing: "Briefing",
  negotiating: "Negotiating",
  concluded: "Concluded",
};

type AlertKind = (typeof alertKinds)[number];

/**
 * Each alert kind's icon (decorative; symbols common fonts carry, not emoji) and its name in
 * words, so colour is never the only signal.
 */
export const alertLook: Record<AlertKind, { icon: string; label: string }> = {
  "red-line": { icon: "⊘", label: "Red line" },
  "walk-out": { icon: "⇥", label: "Walk-out" },
  "seat-empty": { icon: "○", label: "Seat empty" },
  "acceptance-withdrawn": { icon: "↩", label: "Acceptance withdrawn" },
  agreement: { icon: "✓", label: "Agreement" },
  concluded: { icon: "⚑", label: "Talks over" },
};

/** "4:05" for a clock; never negative. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "just now", "40 s ago", "3 min ago", "2 h ago". */
export function ago(at: number, now: number): string {
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

export function timeOfDay(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** "1", "1 and 3", "1, 2 and 4". */
export function listNumbers(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b).map(String);
  if (sorted.length <= 1) return sorted.join("");
  return `${sorted.slice(0, -1).join(", ")} and ${sorted.at(-1)}`;
}

/**
 * How a command's target reads: "all 6 tables", "both tables", "the only table", "table 2",
 * "tables 1 and 3".
 */
export function targetPhrase(target: "all" | readonly number[], tableCount: number): string {
  if (target === "all") {
    if (tableCount === 1) return "the only table";
    return tableCount === 2 ? "both tables" : `all ${tableCount} tables`;
  }
  return target.length === 1 ? `table ${target[0]}` : `tables ${listNumbers(target)}`;
}

/** What "start" begins at a table in this phase, or null when there is nothing to start. */
export function startedPhase(phase: Phase): "briefing" | "negotiations" | null {
  if (phase === "lobby") return "briefing";
  if (phase === "briefing") return "negotiations";
  return null;
}

/** The label of "start" at a table in this phase ("Start briefing"), or null. */
export function startLabel(phase: Phase): string | null {
  const next = startedPhase(phase);
  return next ? `Start ${next}` : null;
}

/**
 * How a finished table ended, in words: "Agreement in round 4", "Ended without agreement: a
 * walk-out in round 3".
 */
export function endingText(status: Pick<TableStatus, "reason" | "round" | "rounds">): string {
  const when = status.round > 0 ? `in round ${status.round}` : "before the negotiations began";
  switch (status.reason) {
    case "agreement":
      return `Agreement ${when}`;
    case "rounds-exhausted":
      return `Ended without agreement: all ${status.rounds} rounds played`;
    case "walk-out":
      return `Ended without agreement: a walk-out ${when}`;
    case "ended-by-instructor":
      return `Ended without agreement: stopped by the facilitator ${when}`;
    case null:
      return "Talks over";
  }
}

/** The tile's round: "2 of 6", "None yet (6 planned)", or how the talks ended. */
export function roundText(status: TableStatus): string {
  if (status.phase === "concluded") return endingText(status);
  if (status.round > 0) return `${status.round} of ${status.rounds}`;
  return `None yet (${status.rounds} planned)`;
}

/** Why a finished table takes no more commands but a broadcast, as a sentence. */
export function overSentence(status: TableStatus, where: string): string {
  const ending = endingText(status);
  return `The talks at ${where} are over (${ending.charAt(0).toLowerCase()}${ending.slice(1)}).`;
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
