// Who a table connection is, from its join options: a seat (its token), the instructor (the
// workshop key) or an observer (the workshop's observer token). Nobody joins without one, and
// each kind has its own cap, so watchers can never fill the room a seat needs.
import { ServerError } from "@colyseus/core";
import type { Db } from "@red-lines/db";
import {
  instructorActor,
  observerPerspective,
  outdatedProtocolCode,
  tableJoinOptionsSchema,
  tableProtocolVersion,
} from "@red-lines/shared/engine";
import { sameSecret, secretMatches, watchTokenFor } from "../workshops/secrets.ts";

export type Identity =
  | { kind: "seat"; role: string; name: string }
  | { kind: "instructor" }
  | { kind: "observer" };

/** Connections one table accepts of each kind besides its seats (one per seat). */
export const tableCaps = { instructor: 10, observer: 50 } as const;

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
  if (protocol !== tableProtocolVersion) {
    throw new ServerError(
      outdatedProtocolCode,
      "This page is from another version of Red Lines than the server now runs. Reload the page to join the table again.",
    );
  }
  if (tableId !== table.tableId) throw new ServerError(400, "This connection is for another table.");
  if (instructorKey !== undefined) {
    if (!secretMatches(instructorKey, table.instructorKeyHash)) {
      throw new ServerError(403, "That instructor link is not valid for this table's workshop.");
    }
    if (connected("instructor") >= tableCaps.instructor) {
      throw new ServerError(
        429,
        `This table already has ${tableCaps.instructor} instructor connections open; close one of your other tabs.`,
      );
    }
    return { kind: "instructor" };
  }
  if (seatToken !== undefined) {
    const seats = await prisma.seat.findMany({ where: { tableId: table.tableId } });
    const seat = seats.find((candidate) => secretMatches(seatToken, candidate.tokenHash));
    if (!seat)
      throw new ServerError(403, "That seat link is not valid for this table. Join again with the code.");
    return { kind: "seat", role: seat.role, name: seat.displayName ?? seat.role };
  }
  if (watchToken === undefined) {
    throw new ServerError(
      403,
      "Watching a table needs its observer link: ask your instructor for it, or join with the workshop code to take a seat.",
    );
  }
  if (!sameSecret(watchToken, watchTokenFor(table.workshopId, table.instructorKeyHash))) {
    throw new ServerError(
      403,
      "That observer link is not valid for this table. Ask your instructor for a new one.",
    );
  }
  if (connected("observer") >= tableCaps.observer) {
    throw new ServerError(429, `This table already has ${tableCaps.observer} observers; try again later.`);
  }
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
