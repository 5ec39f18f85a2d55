// Who a table connection is, from its join options: a seat (its token), the instructor (the
// workshop key) or an observer (the workshop's observer token). Nobody joins without one, and
// each kind has its own cap, so watchers can never fill the room a seat needs.
import { ServerError } from "@colyseus/core";
import type { Db } from "@red-lines/db";
import {
  instructorActor,
  type JoinRefusal,
  joinRefusals,
  observerPerspective,
  tableConnectionCaps,
  tableJoinOptionsSchema,
  tableProtocolVersion,
} from "@red-lines/shared/engine";
import { sameSecret, secretMatches, watchTokenFor } from "../workshops/secrets.ts";

export type Identity =
  | { kind: "seat"; role: string; name: string }
  | { kind: "instructor" }
  | { kind: "observer" };

/** Connections one table accepts of each kind besides its seats (one per seat). */
export const tableCaps = tableConnectionCaps;

/**
 * The error a refused join is thrown as: its number and its sentence, by which a page knows the
 * refusal and says it in its reader's language (`joinRefusalFor`).
 */
export function refuseJoin(refusal: JoinRefusal): ServerError {
  const { status, message } = joinRefusals[refusal];
  return new ServerError(status, message);
}

/**
 * The room's own ceiling, far above what the caps allow (seats + instructor + observers, and the
 * reconnection slots of dropped seats and instructor tabs), so the matchmaker never finds a
 * table's room full and opens a second one for it.
 */
export const roomCeiling = 1_000;

export type TableSecrets = { tableId: string; workshopId: string; instructorKeyHash: string };

/** Identifies a connection, or throws the error its client is shown. */
export async function identify(
  prisma: Db,
  table: TableSecrets,
  options: unknown,
  connected: (kind: "instructor" | "observer") => number,
): Promise<Identity> {
  const parsed = tableJoinOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new ServerError(400, parsed.error.issues.map((i) => i.message).join(" "));
  const { tableId, seatToken, instructorKey, watchToken, protocol } = parsed.data;
  if (protocol !== tableProtocolVersion) throw refuseJoin("outdated-protocol");
  if (tableId !== table.tableId) throw refuseJoin("other-table");
  if (instructorKey !== undefined) {
    if (!secretMatches(instructorKey, table.instructorKeyHash)) throw refuseJoin("bad-instructor-link");
    if (connected("instructor") >= tableCaps.instructor) throw refuseJoin("instructor-tabs");
    return { kind: "instructor" };
  }
  if (seatToken !== undefined) {
    const seats = await prisma.seat.findMany({ where: { tableId: table.tableId } });
    const seat = seats.find((candidate) => secretMatches(seatToken, candidate.tokenHash));
    if (!seat) throw refuseJoin("bad-seat-link");
    return { kind: "seat", role: seat.role, name: seat.displayName ?? seat.role };
  }
  if (watchToken === undefined) throw refuseJoin("observer-link-needed");
  if (!sameSecret(watchToken, watchTokenFor(table.workshopId, table.instructorKeyHash))) {
    throw refuseJoin("bad-observer-link");
  }
  if (connected("observer") >= tableCaps.observer) throw refuseJoin("gallery-full");
  return { kind: "observer" };
}

export function perspectiveOf(identity: Identity): string {
  return identity.kind === "seat"
    ? identity.role
    : identity.kind === "instructor"
      ? instructorActor
      : observerPerspective;
}

/** Who an intent is scoped to: a seat's role or the instructor. */
export function senderOf(identity: Identity): string {
  return identity.kind === "seat" ? identity.role : instructorActor;
}
