// Every error the server may send a person, by its code: a page says it in the reader's language
// (client/messages/<locale>/common.json, `errors`), and the server's English sentence is kept for
// a code the page does not know (a newer server) and for what only the server can word (the
// detail of a malformed request). A code that says several things names which in `reason`; the
// numbers and names a sentence needs come in `values`. Client-safe.
import type { ErrorCode } from "./messages.ts";

/**
 * The numbers and names a sentence needs: a table's number, seconds to wait, a seat's name. A
 * list of words is said as the reader's language lists them ("A, B and C").
 */
export type ErrorValues = Record<string, string | number | string[]>;

/** The code a join of another protocol version is refused with (HTTP's 426 Upgrade Required). */
export const outdatedProtocolCode = 426;

/**
 * WebSocket close codes of our own, apart from Colyseus' 4000–4010 (4001 is its server shutdown,
 * which a restart sends and which must not read as a lost seat).
 */
export const closeCodes = {
  /** The facilitator released the seat: its link no longer works. Do not reconnect. */
  seatRevoked: 4100,
  /** The same seat was opened on another connection (another tab or device), which took over. */
  seatReplaced: 4101,
  /** Far too many messages: closed, and the seat kept for the reconnection grace period. */
  flooded: 4102,
  /** The instructor deleted the workshop: its tables, seats and logs are gone. Do not reconnect. */
  workshopDeleted: 4103,
} as const;

/** What a page says when its room closed with one of our codes for good. */
export const closeSentences: Partial<Record<number, string>> = {
  [closeCodes.workshopDeleted]:
    "The instructor deleted this workshop: its tables, seats, names, messages and logs are gone.",
};

/**
 * The sentences of each code, as the messages name them: none listed, the code has one sentence
 * (`errors.<group>.<code>`); listed, one per reason (`errors.<group>.<code>.<reason>`), and
 * `detail` is the server's own words framed in the reader's language (an error without a reason).
 * A reason the list lacks, or an error without one where `detail` is not listed, is shown in the
 * server's words.
 */
type Sentences = Readonly<Record<string, readonly string[]>>;

/** The table and console rooms' errors (`errorMessageSchema`, `errorCodes`). */
export const roomErrorSentences = {
  "unknown-intent": ["detail"],
  /** `no-such-table` (a console command for a table the workshop lacks): values `table`. */
  "invalid-message": ["detail", "observer", "undecodable", "no-such-table"],
  /** values `max`: messages a second. */
  "rate-limited": [],
  /** `table-unreachable` (the console could not reach a table): values `table`. */
  unavailable: ["table", "table-unreachable"],
  internal: ["table", "console"],
  "seat-revoked": [],
  "seat-lost": [],
  "seat-replaced": [],
  /** values `max`: messages a second. */
  flooded: [],
} as const satisfies Record<ErrorCode, readonly string[]> & Sentences;

/** The HTTP API's errors (`httpErrorSchema`), by code. */
export const httpErrorSentences = {
  "invalid-request": ["detail"],
  "invalid-json": [],
  /** `scenario`: values `mb`. */
  "too-large": ["body", "scenario"],
  "not-found": ["route", "address"],
  unavailable: [],
  internal: ["no-scenario"],
  /** values `seconds`. */
  "rate-limited": ["join-codes", "join-requests", "studio"],
  "unknown-code": [],
  /** `seat`: values `role` (its name), `table`; `table`: `table`; `role`: `role`. */
  "seat-taken": ["seat", "table", "role"],
  /** values `role` (as asked), `roles` (their names, a list). */
  "no-such-role": [],
  /** `number`: values `table`, `tables` (how many the workshop has). */
  "no-such-table": ["number", "id", "unknown"],
  "workshop-full": [],
  /** `table`, `table-all-over`: values `table`. */
  "talks-over": ["table", "table-all-over", "only-table", "every-table"],
  "instructor-key-required": [],
  "not-instructor": ["workshop", "table"],
  "no-such-workshop": [],
  /** values `table`, `role`, `roles` (the table's role ids, listed). */
  "no-such-seat": [],
  "metrics-token-required": [],
  "studio-key-required": [],
  "no-studio-key": [],
  "wrong-key": ["studio", "instructor"],
  /** values `count`: how many problems, each in `issues`. */
  "invalid-scenario": [],
  /** values `id`. */
  "built-in-id": [],
  /** `unknown`: values `id`. */
  "no-such-scenario": ["bad-id", "unknown"],
  /** values `id`; `stored`: `version` (as asked) and `last` (the latest there is). */
  "no-such-version": ["built-in", "stored"],
  "credentials-required": ["debrief", "replay"],
  "not-seated": [],
  "debrief-not-shared": [],
  "talks-not-over": [],
  /** `perspective`: values `seat`, `observer` (the two perspectives a seat may take). */
  "not-allowed": ["link", "perspective"],
  "not-shared": [],
} as const satisfies Sentences;
export type HttpErrorCode = keyof typeof httpErrorSentences;

/** The error body of an HTTP answer as the server makes it: one of the API's codes, with its reasons. */
export type HttpErrorBody = {
  [C in HttpErrorCode]: {
    code: C;
    message: string;
    reason?: (typeof httpErrorSentences)[C][number];
    values?: ErrorValues;
    issues?: { path: string; message: string }[];
  };
}[HttpErrorCode];

/** The connections a table takes besides its seats, of each kind (a seat has one of its own). */
export const tableConnectionCaps = { instructor: 10, observer: 50 } as const;

/**
 * Why a room turned a connection away. Colyseus carries only a number and a sentence from the
 * server to the page, so a refusal is known by both: the server throws `status` with `message`
 * (server/src/rooms/tableAccess.ts `refuseJoin`), and a page finds which refusal it was
 * (`joinRefusalFor`) and says it in its reader's language (`errors.join.<name>`). A refusal not
 * listed here (the detail of malformed join options) is shown in the server's words.
 */
export const joinRefusals = {
  "outdated-protocol": {
    status: outdatedProtocolCode,
    message:
      "This page is from another version of Red Lines than the server now runs. Reload the page to join the table again.",
  },
  "other-table": { status: 400, message: "This connection is for another table." },
  "no-such-table": { status: 404, message: "There is no such table. Check the link with your instructor." },
  "bad-instructor-link": {
    status: 403,
    message: "That instructor link is not valid for this table's workshop.",
  },
  "instructor-tabs": {
    status: 429,
    message: `This table already has ${tableConnectionCaps.instructor} instructor connections open; close one of your other tabs.`,
    values: { max: tableConnectionCaps.instructor },
  },
  "bad-seat-link": {
    status: 403,
    message: "That seat link is not valid for this table. Join again with the code.",
  },
  "observer-link-needed": {
    status: 403,
    message:
      "Watching a table needs its observer link: ask your instructor for it, or join with the workshop code to take a seat.",
  },
  "bad-observer-link": {
    status: 403,
    message: "That observer link is not valid for this table. Ask your instructor for a new one.",
  },
  "gallery-full": {
    status: 429,
    message: `This table already has ${tableConnectionCaps.observer} observers; try again later.`,
    values: { max: tableConnectionCaps.observer },
  },
  /** The console's: a wrong key or an unknown workshop, one answer for both. */
  "console-bad-link": { status: 403, message: "That instructor link is not valid for this workshop." },
  "console-other-workshop": { status: 400, message: "This console is for another workshop." },
} as const satisfies Record<
  string,
  { status: number; message: string; values?: Readonly<Record<string, string | number>> }
>;
export type JoinRefusal = keyof typeof joinRefusals;

/** Which refusal a room's number and sentence are, or null for one not listed (the server's own words). */
export function joinRefusalFor(
  status: number,
  message: string,
): { refusal: JoinRefusal; values: Readonly<Record<string, string | number>> } | null {
  for (const [refusal, known] of Object.entries(joinRefusals) as [
    JoinRefusal,
    (typeof joinRefusals)[JoinRefusal],
  ][]) {
    if (known.status === status && known.message === message) {
      return { refusal, values: "values" in known ? known.values : {} };
    }
  }
  return null;
}
