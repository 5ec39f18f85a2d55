"use client";
// Who this browser is at a table: the seat it holds there, else the instructor when the address
// names a workshop whose key this browser keeps, else an observer when the address carries the
// workshop's observer token, else nobody the table lets in. Read once the page is in the browser
// (localStorage), so undefined until then.
import { useEffect, useState } from "react";
import { instructorKeyFor, type StoredSeat, seatAt } from "../../lib/credentials.ts";

export type Identity =
  | { kind: "seat"; seat: StoredSeat }
  | { kind: "instructor"; workshopId: string; key: string }
  | { kind: "observer"; watchToken: string }
  /** No seat, key or observer link: the table does not let this browser in. */
  | { kind: "visitor" };

export function useIdentity(
  tableId: string,
  workshopId: string | null,
  watchToken: string | null,
): Identity | undefined {
  const [identity, setIdentity] = useState<Identity>();
  useEffect(() => {
    const seat = seatAt(tableId);
    const key = workshopId ? instructorKeyFor(workshopId) : null;
    if (seat) setIdentity({ kind: "seat", seat });
    else if (workshopId && key) setIdentity({ kind: "instructor", workshopId, key });
    else if (watchToken) setIdentity({ kind: "observer", watchToken });
    else setIdentity({ kind: "visitor" });
  }, [tableId, workshopId, watchToken]);
  return identity;
}

export function joinOptions(tableId: string, identity: Identity | undefined) {
  if (identity === undefined) return null;
  if (identity.kind === "seat") return { tableId, seatToken: identity.seat.seatToken };
  if (identity.kind === "instructor") return { tableId, instructorKey: identity.key };
  if (identity.kind === "observer") return { tableId, watchToken: identity.watchToken };
  return null;
}
