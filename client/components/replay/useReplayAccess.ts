"use client";
// What this browser may replay a table as: the workshop's instructor key (when the address
// names the workshop and this browser holds its key, or the link's fragment carries it) sees any
// perspective; else the seat this browser holds at the table sees its own seat or the public
// table. Read once the page is in the browser, so undefined until then; null: neither.
import { useEffect, useState } from "react";
import type { ReplayCredential } from "../../lib/api.ts";
import { type StoredSeat, seatAt, takeKeyFromFragment } from "../../lib/credentials.ts";

export type ReplayAccess =
  | { kind: "instructor"; credential: ReplayCredential; workshopId: string }
  | { kind: "seat"; credential: ReplayCredential; seat: StoredSeat };

export function useReplayAccess(tableId: string, workshopId: string | null): ReplayAccess | null | undefined {
  const [access, setAccess] = useState<ReplayAccess | null>();
  useEffect(() => {
    const read = () => {
      const key = workshopId ? takeKeyFromFragment(workshopId) : null;
      const seat = seatAt(tableId);
      if (workshopId && key)
        setAccess({ kind: "instructor", credential: { kind: "instructor", key }, workshopId });
      else if (seat)
        setAccess({ kind: "seat", credential: { kind: "seat", seatToken: seat.seatToken }, seat });
      else setAccess(null);
    };
    read();
    // An instructor link pasted into the address bar after the page opened.
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [tableId, workshopId]);
  return access;
}

/** The perspectives this access may choose; a seat: its own and the public table's. */
export function allowedPerspectives(access: ReplayAccess, roles: readonly string[]): string[] {
  return access.kind === "instructor" ? ["instructor", "observer", ...roles] : [access.seat.role, "observer"];
}

export function defaultPerspective(access: ReplayAccess): string {
  return access.kind === "instructor" ? "instructor" : access.seat.role;
}
