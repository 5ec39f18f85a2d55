// What a browser keeps so a reload or a lost connection changes nothing: a student's seat token
// (per workshop join code), an instructor's key (per workshop) and what the set-up page answered
// for each workshop created here. Only in this browser.
import { createdWorkshopSchema } from "@red-lines/shared/protocol";
import { z } from "zod";

const seatSchema = z.object({
  joinCode: z.string(),
  workshopId: z.string(),
  tableId: z.string(),
  table: z.number(),
  role: z.string(),
  name: z.string(),
  seatToken: z.string(),
});
export type StoredSeat = z.infer<typeof seatSchema>;

const seatKey = (tableId: string) => `red-lines:seat:${tableId}`;
const codeKey = (joinCode: string) => `red-lines:code:${joinCode}`;
const instructorKeyPrefix = "red-lines:instructor:";
const instructorKeyName = (workshopId: string) => `${instructorKeyPrefix}${workshopId}`;
const createdKeyName = (workshopId: string) => `red-lines:workshop:${workshopId}`;

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing with storage off: the session still works until the tab closes.
  }
}

export function saveSeat(seat: StoredSeat): void {
  write(seatKey(seat.tableId), seat);
  write(codeKey(seat.joinCode), seat);
}

/** The seat this browser holds at a table, if any. */
export function seatAt(tableId: string): StoredSeat | null {
  return read(seatKey(tableId), seatSchema);
}

/** The seat this browser took with a join code, to offer "continue where you were". */
export function seatForCode(joinCode: string): StoredSeat | null {
  return read(codeKey(joinCode), seatSchema);
}

export function forgetSeat(seat: StoredSeat): void {
  try {
    window.localStorage.removeItem(seatKey(seat.tableId));
    window.localStorage.removeItem(codeKey(seat.joinCode));
  } catch {
    // nothing stored
  }
}

export function saveInstructorKey(workshopId: string, key: string): void {
  write(instructorKeyName(workshopId), key);
}

export function instructorKeyFor(workshopId: string): string | null {
  return read(instructorKeyName(workshopId), z.string());
}

/**
 * The instructor link carries its key in the fragment (`#key=…`), which browsers never send to
 * a server. Read it once, keep it in this browser, and take it out of the address bar.
 */
export function takeKeyFromFragment(workshopId: string): string | null {
  const match = /(?:^|[#&])key=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const key = decodeURIComponent(match[1]);
    saveInstructorKey(workshopId, key);
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    return key;
  }
  return instructorKeyFor(workshopId);
}

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
