// What a browser keeps so a reload or a lost connection changes nothing: a student's seat token
// (per workshop join code) and an instructor's key (per workshop). Only in this browser. What the
// set-up page answered for each workshop created here is kept by workshopsHere.ts.
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
export const instructorKeyPrefix = "red-lines:instructor:";
export const instructorKeyName = (workshopId: string) => `${instructorKeyPrefix}${workshopId}`;

/** What this browser keeps under `key`, if it is there and `schema` accepts it. */
export function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function write(key: string, value: unknown): void {
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

/** A deleted workshop's key is no use to keep. */
export function forgetInstructorKey(workshopId: string): void {
  try {
    window.localStorage.removeItem(instructorKeyName(workshopId));
  } catch {
    // nothing stored
  }
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

/** Every instructor key this browser keeps (one per workshop run here), for the scenario studio. */
export function instructorKeysHere(): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const name = window.localStorage.key(i);
      if (!name?.startsWith(instructorKeyPrefix)) continue;
      const key = read(name, z.string());
      if (key) keys.push(key);
    }
  } catch {
    // storage off: nothing kept
  }
  return keys;
}
