// The workshops this browser runs: what the set-up page answered for each workshop created here
// (with its titles, and when), beside the instructor keys credentials.ts keeps. Only in this
// browser. Apart from credentials.ts because it is checked with the shared workshop schemas, which
// the pages that read only a seat or a key (the table, the debrief, the replay) have no use for.
import { createdWorkshopSchema } from "@red-lines/shared/protocol";
import { z } from "zod";
import {
  instructorKeyFor,
  instructorKeyName,
  instructorKeyPrefix,
  read,
  saveInstructorKey,
  write,
} from "./credentials.ts";

const createdKeyName = (workshopId: string) => `red-lines:workshop:${workshopId}`;

/** A workshop created in this browser: the set-up page's answer, its titles, and when. */
const storedWorkshopSchema = z.object({
  created: createdWorkshopSchema,
  /** Epoch ms, this browser's clock. */
  createdAt: z.number(),
  scenarioTitle: z.string(),
  variantName: z.string(),
});
export type StoredWorkshop = z.infer<typeof storedWorkshopSchema>;

/** Keeps what creating a workshop answered, so the set-up page and the home page can show it again. */
export function saveCreatedWorkshop(workshop: StoredWorkshop): void {
  saveInstructorKey(workshop.created.workshopId, workshop.created.instructorKey);
  write(createdKeyName(workshop.created.workshopId), workshop);
}

export function createdWorkshop(workshopId: string): StoredWorkshop | null {
  return read(createdKeyName(workshopId), storedWorkshopSchema);
}

/**
 * Every workshop this browser holds the instructor key of: created here, or opened with its
 * instructor link. Each with what creating it answered, when this browser created it.
 */
export function workshopsHere(): { workshopId: string; key: string; stored: StoredWorkshop | null }[] {
  const ids: string[] = [];
  try {
    for (let index = 0; index < window.localStorage.length; index++) {
      const name = window.localStorage.key(index);
      if (name?.startsWith(instructorKeyPrefix)) ids.push(name.slice(instructorKeyPrefix.length));
    }
  } catch {
    return [];
  }
  return ids.flatMap((workshopId) => {
    const key = instructorKeyFor(workshopId);
    return key ? [{ workshopId, key, stored: createdWorkshop(workshopId) }] : [];
  });
}

/** Forgets a workshop in this browser: its key and what creating it answered. */
export function forgetWorkshop(workshopId: string): void {
  try {
    window.localStorage.removeItem(instructorKeyName(workshopId));
    window.localStorage.removeItem(createdKeyName(workshopId));
  } catch {
    // nothing stored
  }
}
