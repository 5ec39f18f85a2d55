// Reading a replay's timeline: which of its entries a position lands on, where the previous or
// next tabled version or news flash is, and how to name a perspective.
import type { TableView } from "@red-lines/shared/protocol";
import type { TimelineEntry } from "../../lib/api.ts";
import { seatName } from "../table/derive.ts";

/** The entries worth jumping to: tabled versions, news, and how the talks ended. */
export const landmarkTypes = ["version-tabled", "event-injected", "talks-concluded"] as const;
export type LandmarkType = (typeof landmarkTypes)[number];

export function isLandmark(entry: TimelineEntry): entry is TimelineEntry & { type: LandmarkType } {
  return (landmarkTypes as readonly string[]).includes(entry.type);
}

/**
 * The entry a log position shows in this timeline: the last one at or before it (a perspective
 * does not see every event, so a link's position may fall between its entries), else the first.
 * -1 for an empty timeline.
 */
export function indexAt(events: readonly TimelineEntry[], seq: number): number {
  if (events.length === 0) return -1;
  let found = 0;
  for (let index = 0; index < events.length; index++) {
    if ((events[index] as TimelineEntry).seq <= seq) found = index;
    else break;
  }
  return found;
}

/** The nearest entry of `type` strictly before (-1) or after (+1) the entry at `index`. */
export function nearest(
  events: readonly TimelineEntry[],
  index: number,
  type: string,
  direction: -1 | 1,
): TimelineEntry | null {
  for (let at = index + direction; at >= 0 && at < events.length; at += direction) {
    const entry = events[at] as TimelineEntry;
    if (entry.type === type) return entry;
  }
  return null;
}

/**
 * A perspective by name: the facilitator's and the observer's in the reader's words (`words`,
 * e.g. "Facilitator (sees everything)"), a seat by its role's name ("Ukraine").
 */
export function perspectiveName(
  perspective: string,
  view: TableView | null,
  words: { instructor: string; observer: string },
): string {
  if (perspective === "instructor") return words.instructor;
  if (perspective === "observer") return words.observer;
  return view ? seatName(view, perspective) : perspective;
}
