// Erasing one student's personal data from a table's log, on request: the names the seat was
// claimed under become a neutral placeholder, and the words its holders wrote (chat messages,
// objection notes, a walk-out note) are emptied, in every language they were given in. Every
// event stays where it was, marked erased, so the log still folds to the same game: same seats,
// turns, versions and outcome.
import type { TableEvent } from "./events.ts";

/**
 * What an erased student is called in the log, the views, the debrief and the exports. Stored as
 * it is, in English; a page shows it in its reader's language (client/lib/personName.ts), so this
 * file is on the browser entry (entries/protocol.ts) and stays free of zod and scenario data.
 */
export const erasedStudentName = "Erased student";

/**
 * The event with `seat`'s personal data erased, or null when it holds none (another seat's, a
 * bot's, or already erased). Pure: the caller writes the result back in place of the event.
 */
export function erasedEvent(event: TableEvent, seat: string): TableEvent | null {
  switch (event.type) {
    case "seat-claimed":
      // A bot's claim carries no person's name.
      if (event.seat !== seat || event.bot !== undefined || event.name === null || event.erased) return null;
      return { ...event, name: erasedStudentName, erased: true };
    case "message-sent": {
      if (event.from !== seat || event.erased) return null;
      // The words go in every language they were given in.
      const { translations: _translations, ...message } = event;
      return { ...message, text: "", erased: true };
    }
    case "version-objected": {
      if (event.seat !== seat || event.erased) return null;
      if (event.note === "" && event.noteTranslations === undefined) return null;
      const { noteTranslations: _noteTranslations, ...objection } = event;
      return { ...objection, note: "", erased: true };
    }
    case "walked-out":
      if (event.seat !== seat || event.erased || event.note === null) return null;
      return { ...event, note: null, erased: true };
    default:
      return null;
  }
}

/** How many events of each kind an erasure changed. */
export type ErasureCounts = { names: number; messages: number; notes: number };

export function countErasure(changed: readonly TableEvent[]): ErasureCounts {
  const counts: ErasureCounts = { names: 0, messages: 0, notes: 0 };
  for (const event of changed) {
    if (event.type === "seat-claimed") counts.names += 1;
    else if (event.type === "message-sent") counts.messages += 1;
    else counts.notes += 1;
  }
  return counts;
}
