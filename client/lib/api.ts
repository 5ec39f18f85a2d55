// The HTTP API as the pages call it: every answer parsed with the shared schemas, every failure
// turned into one sentence a person can act on. The failures made here rather than by the server
// carry their own codes (`clientProblemCodes`); a page says every failure in the reader's language
// by its code (lib/serverErrors.ts, common.json `errors`); `message` keeps the English sentence.
import type {
  ClassView,
  CreatedWorkshop,
  DebriefResponse,
  DebriefSharing,
  ErrorValues,
  InstructorOverview,
  JoinRequest,
  JoinResponse,
  Locale,
  SeatErased,
  SeatingOverview,
  WorkshopDeleted,
  WorkshopRequest,
} from "@red-lines/shared/protocol";
import type { ZodType } from "zod";
import type { ReplayView, Timeline } from "./answers.ts";

export type { ReplayView, Timeline, TimelineEntry } from "./answers.ts";

type Answers = typeof import("./answers.ts");

/**
 * The schemas answers are checked with (and zod), fetched with a page's first request, alongside
 * it, rather than with the page. null when they could not be fetched.
 */
function answers(): Promise<Answers | null> {
  return import("./answers.ts").catch(() => null);
}

/**
 * The failures this file reports itself: the server was not reached ("offline"), answered with an
 * error body it could not read ("unexpected-status", with the HTTP status), or answered something
 * its schema refuses ("not-understood").
 */
export const clientProblemCodes = ["offline", "unexpected-status", "not-understood"] as const;
export type ClientProblemCode = (typeof clientProblemCodes)[number];

const offline = {
  ok: false,
  status: 0,
  code: "offline",
  message: "The server could not be reached. Check your connection and try again.",
} as const;

export type ApiResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      /** Which of its sentences the code says, with what they need (shared serverErrors.ts). */
      reason?: string | undefined;
      values?: ErrorValues | undefined;
      issues?: { path: string; message: string }[];
    };

async function call<T>(
  path: string,
  schemaOf: (schemas: Answers) => ZodType<T>,
  init: RequestInit = {},
): Promise<ApiResult<T>> {
  const schemas = answers();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      ...init,
      headers: {
        accept: "application/json",
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
    });
  } catch {
    return offline;
  }
  const body: unknown = await response.json().catch(() => null);
  const loaded = await schemas;
  if (!loaded) return offline;
  if (!response.ok) {
    const parsed = loaded.httpErrorSchema.safeParse(body);
    return parsed.success
      ? { ok: false, status: response.status, ...parsed.data.error }
      : {
          ok: false,
          status: response.status,
          code: "unexpected-status",
          message: `The server answered ${response.status}.`,
        };
  }
  const parsed = schemaOf(loaded).safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        status: response.status,
        code: "not-understood",
        message: "The server's answer was not understood.",
      };
}

export function createWorkshop(request: WorkshopRequest): Promise<ApiResult<CreatedWorkshop>> {
  return call("/workshops", (schemas) => schemas.createdWorkshopSchema, {
    method: "POST",
    body: JSON.stringify(request),
  });
}

export function joinWorkshop(request: JoinRequest): Promise<ApiResult<JoinResponse>> {
  return call("/join", (schemas) => schemas.joinResponseSchema, {
    method: "POST",
    body: JSON.stringify(request),
  });
}

/** The seats of a workshop, with its scenario's title and roles in the reader's `locale`. */
export function lookUpCode(code: string, locale: Locale): Promise<ApiResult<SeatingOverview>> {
  const query = new URLSearchParams({ locale });
  return call(`/join/${encodeURIComponent(code)}?${query}`, (schemas) => schemas.seatingOverviewSchema);
}

/**
 * A workshop as its instructor lists it: titles (in the reader's `locale`), when it was created,
 * where each table stands.
 */
export function workshopOverview(
  workshopId: string,
  instructorKey: string,
  locale: Locale,
): Promise<ApiResult<InstructorOverview>> {
  const query = new URLSearchParams({ locale });
  return call(
    `/workshops/${encodeURIComponent(workshopId)}?${query}`,
    (schemas) => schemas.instructorOverviewSchema,
    { headers: { authorization: `Bearer ${instructorKey}` } },
  );
}

/** Where the instructor downloads a table's log, or the whole workshop's (JSON or CSV). */
export async function downloadLog(
  workshopId: string,
  instructorKey: string,
  format: "json" | "csv",
  tableId?: string,
): Promise<ApiResult<{ blob: Blob; filename: string }>> {
  const path = tableId
    ? `/api/workshops/${workshopId}/tables/${tableId}/log.${format}`
    : `/api/workshops/${workshopId}/log.${format}`;
  try {
    const response = await fetch(path, { headers: { authorization: `Bearer ${instructorKey}` } });
    if (!response.ok) {
      const [schemas, body] = await Promise.all([answers(), response.json().catch(() => null)]);
      const parsed = schemas?.httpErrorSchema.safeParse(body);
      return parsed?.success
        ? { ok: false, status: response.status, ...parsed.data.error }
        : {
            ok: false,
            status: response.status,
            code: "unexpected-status",
            message: `The server answered ${response.status}.`,
          };
    }
    const disposition = response.headers.get("content-disposition") ?? "";
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `red-lines-log.${format}`;
    return { ok: true, value: { blob: await response.blob(), filename } };
  } catch {
    return { ok: false, status: 0, code: "offline", message: "The server could not be reached." };
  }
}

/** Who asks for a replay: the workshop's instructor key, or the seat token this browser holds. */
export type ReplayCredential = { kind: "instructor"; key: string } | { kind: "seat"; seatToken: string };

function replayHeaders(credential: ReplayCredential): Record<string, string> {
  return {
    authorization:
      credential.kind === "instructor" ? `Bearer ${credential.key}` : `Seat ${credential.seatToken}`,
  };
}

/**
 * The query of a page's data: its parameters, and `locale` when the page names its language (the
 * server then answers in it, whatever the reader's cookie and browser say).
 */
function queryOf(parameters: Record<string, string>, locale: Locale | undefined): URLSearchParams {
  const query = new URLSearchParams(parameters);
  if (locale !== undefined) query.set("locale", locale);
  return query;
}

/** A path with its query, if it has one. */
function withQuery(path: string, query: URLSearchParams): string {
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The events of a table's log one perspective may step through, with one sentence each, in `locale`. */
export function getTimeline(
  tableId: string,
  perspective: string,
  credential: ReplayCredential,
  locale?: Locale,
): Promise<ApiResult<Timeline>> {
  const query = queryOf({ as: perspective }, locale);
  return call(
    `/tables/${encodeURIComponent(tableId)}/timeline?${query}`,
    (schemas) => schemas.timelineSchema,
    {
      headers: replayHeaders(credential),
    },
  );
}

/** The table as `perspective` saw it once the log's first `at` events had happened, in `locale`. */
export function getReplayView(
  tableId: string,
  at: number,
  perspective: string,
  credential: ReplayCredential,
  locale?: Locale,
): Promise<ApiResult<ReplayView>> {
  const query = queryOf({ at: String(at), as: perspective }, locale);
  return call(
    `/tables/${encodeURIComponent(tableId)}/replay?${query}`,
    (schemas) => schemas.replayViewSchema,
    {
      headers: replayHeaders(credential),
    },
  );
}

/** Who reads a debrief: the workshop's instructor key, or the seat token this browser holds there. */
export type DebriefCredential = { kind: "instructor"; key: string } | { kind: "seat"; seatToken: string };

function debriefAuthorization(credential: DebriefCredential): Record<string, string> {
  return {
    authorization:
      credential.kind === "instructor" ? `Bearer ${credential.key}` : `Seat ${credential.seatToken}`,
  };
}

/**
 * A table's debrief as this reader may see it (a seat: once shared and the talks are over, and
 * without the private channels unless the instructor revealed them). Without the workshop's id,
 * the table alone addresses it. In `locale` when given, else in the reader's kept choice or browser's.
 */
export function getDebrief(
  workshopId: string | null,
  tableId: string,
  credential: DebriefCredential,
  locale?: Locale,
): Promise<ApiResult<DebriefResponse>> {
  const table = encodeURIComponent(tableId);
  const path = workshopId
    ? `/workshops/${encodeURIComponent(workshopId)}/tables/${table}/debrief`
    : `/tables/${table}/debrief`;
  return call(withQuery(path, queryOf({}, locale)), (schemas) => schemas.debriefResponseSchema, {
    headers: debriefAuthorization(credential),
  });
}

/** The instructor's choice: share the table's debrief with its students, and reveal the private channels. */
export function setDebriefSharing(
  workshopId: string,
  tableId: string,
  instructorKey: string,
  sharing: DebriefSharing,
): Promise<ApiResult<{ sharing: DebriefSharing }>> {
  return call(
    `/workshops/${encodeURIComponent(workshopId)}/tables/${encodeURIComponent(tableId)}/debrief/sharing`,
    (schemas) => schemas.debriefSharingResponseSchema,
    {
      method: "POST",
      body: JSON.stringify(sharing),
      headers: { authorization: `Bearer ${instructorKey}` },
    },
  );
}

/**
 * Every table of the workshop side by side: outcome, rounds, scores, distance to Nash, refusals.
 * In `locale` when given, else in the reader's kept choice or browser's.
 */
export function getClassView(
  workshopId: string,
  instructorKey: string,
  locale?: Locale,
): Promise<ApiResult<ClassView>> {
  const path = withQuery(`/workshops/${encodeURIComponent(workshopId)}/class`, queryOf({}, locale));
  return call(path, (schemas) => schemas.classViewSchema, {
    headers: { authorization: `Bearer ${instructorKey}` },
  });
}

/** Deletes the workshop with everything of it: tables, seats, names, messages, logs, settings. */
export function deleteWorkshop(
  workshopId: string,
  instructorKey: string,
): Promise<ApiResult<WorkshopDeleted>> {
  return call(`/workshops/${encodeURIComponent(workshopId)}`, (schemas) => schemas.workshopDeletedSchema, {
    method: "DELETE",
    headers: { authorization: `Bearer ${instructorKey}` },
  });
}

/** Erases one seat's student names and words from a table's log, on the student's request. */
export function eraseSeat(
  workshopId: string,
  tableId: string,
  role: string,
  instructorKey: string,
): Promise<ApiResult<SeatErased>> {
  const path = `/workshops/${encodeURIComponent(workshopId)}/tables/${encodeURIComponent(tableId)}/seats/${encodeURIComponent(role)}/erase`;
  return call(path, (schemas) => schemas.seatErasedSchema, {
    method: "POST",
    headers: { authorization: `Bearer ${instructorKey}` },
  });
}
