// What every HTTP route shares: the error body, ids in the address, who is asking (instructor
// key or seat token), the reader's language, the instructor's workshop, and caches of work keyed
// by a table's log.
import type { Db } from "@red-lines/db";
import {
  chooseLocale,
  type HttpError,
  type HttpErrorBody,
  type Locale,
  localeCookie,
  localeSchema,
} from "@red-lines/shared/engine";
import type { Request, Response } from "express";
import { z } from "zod";
import { instructorOverview } from "../workshops/store.ts";

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Answers an error: one of the API's codes (serverErrors.ts), its sentence, and what a page needs to word it. */
export function fail(res: Response, status: number, body: HttpErrorBody) {
  res.status(status).json({ error: body } satisfies HttpError);
}

/** `Authorization: Bearer <instructorKey>` or `Authorization: Seat <seatToken>`; null otherwise. */
export function credentials(req: Request): { kind: "instructor" | "seat"; secret: string } | null {
  const header = req.headers.authorization ?? "";
  const space = header.indexOf(" ");
  if (space < 0) return null;
  const scheme = header.slice(0, space);
  const secret = header.slice(space + 1).trim();
  if (!secret) return null;
  if (scheme === "Bearer") return { kind: "instructor", secret };
  if (scheme === "Seat") return { kind: "seat", secret };
  return null;
}

/** The instructor key, when the request carries one. */
export function bearer(req: Request): string | undefined {
  const given = credentials(req);
  return given?.kind === "instructor" ? given.secret : undefined;
}

/** 400 with a sentence per id in the address that is not a UUID; false when one was wrong. */
export function checkIds(
  res: Response,
  ids: { path: string; value: string | undefined; what: string }[],
): boolean {
  const issues = ids
    .filter((id) => id.value !== undefined && !uuidPattern.test(id.value))
    .map((id) => ({
      path: id.path,
      message: `The ${id.what} id in the address is not valid: it is a UUID.`,
    }));
  if (issues.length === 0) return true;
  fail(res, 400, { code: "invalid-request", message: issues.map((i) => i.message).join(" "), issues });
  return false;
}

/** `?locale=`: the language a reader asks for, one of the product's (a route's query schema takes it). */
export const localeParameter = localeSchema.optional();

/** A cookie's value in a request's Cookie header, if it is there and well-formed. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The reader's language: the one asked for (`?locale=`, checked with `localeParameter`), else
 * their kept choice (the `red-lines-locale` cookie the language switcher sets), else their
 * browser's languages (Accept-Language), else English. A cookie naming no language of ours is
 * passed over.
 */
export function readerLocale(req: Request, asked: Locale | undefined): Locale {
  return asked ?? chooseLocale(cookieValue(req.headers.cookie, localeCookie), req.headers["accept-language"]);
}

const localeQuerySchema = z.object({ locale: localeParameter });

/**
 * The reader's language for a route whose other query parameters are its own business: `?locale=`
 * is checked alone (one not of ours is answered 400, saying which there are, and null returned),
 * then `readerLocale`.
 */
export function queryReaderLocale(req: Request, res: Response): Locale | null {
  const parsed = localeQuerySchema.safeParse(req.query);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join(".") || "(query)",
      message: `The locale in the address is not valid: ${issue.message.replace(/^./, (c) => c.toLowerCase())}`,
    }));
    fail(res, 400, { code: "invalid-request", message: issues.map((i) => i.message).join(" "), issues });
    return null;
  }
  return readerLocale(req, parsed.data.locale);
}

/** Answers `body` in the reader's language, never cached (it is per reader): says which in Content-Language. */
export function answerIn(res: Response, locale: Locale, body: unknown) {
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Language", locale);
  res.json(body);
}

export type Overview = NonNullable<Awaited<ReturnType<typeof instructorOverview>>>;

/**
 * The workshop when the request carries its instructor key; otherwise answers as
 * `GET /api/workshops/:id` does (401 without a key, 403 for a wrong key or an unknown workshop,
 * one answer for both) and returns null.
 */
export async function instructorWorkshop(
  req: Request,
  res: Response,
  prisma: Db,
  workshopId: string,
): Promise<Overview | null> {
  const key = bearer(req);
  if (key === undefined) {
    fail(res, 401, {
      code: "instructor-key-required",
      message: "This needs the instructor key from the instructor link.",
    });
    return null;
  }
  const overview = await instructorOverview(prisma, workshopId, key);
  if (!overview) {
    fail(res, 403, {
      code: "not-instructor",
      reason: "workshop",
      message: "That instructor link is not valid for this workshop.",
    });
    return null;
  }
  return overview;
}

/**
 * Work derived from a table's log (a replay, a debrief), kept for the most recently used tables
 * and recomputed once the log grows or a student's words are erased from it: the key is the table,
 * its last sequence number and its erasure count.
 */
export function logCache<T>(size: number) {
  const entries = new Map<string, T>();
  return (table: { tableId: string; lastSeq: number; erasures: number }, make: () => T): T => {
    const key = `${table.tableId}:${table.lastSeq}:${table.erasures}`;
    const known = entries.get(key);
    if (known !== undefined) {
      entries.delete(key);
      entries.set(key, known);
      return known;
    }
    const made = make();
    entries.set(key, made);
    while (entries.size > size) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
    return made;
  };
}
