"use client";
// Who this browser may read a debrief as: the instructor, when the address names the workshop and
// this browser holds its key (or the link's fragment carries it); else the seat it holds at the
// table (a student, once the instructor shares the debrief); else nobody. Read once the page is
// in the browser, so undefined until then.
import { useEffect, useState } from "react";
import { type StoredSeat, seatAt, takeKeyFromFragment } from "../../lib/credentials.ts";

export type DebriefAccess =
  | { kind: "instructor"; workshopId: string; key: string }
  | { kind: "seat"; seat: StoredSeat };

export function useDebriefAccess(
  tableId: string,
  workshopId: string | null,
): DebriefAccess | null | undefined {
  const [access, setAccess] = useState<DebriefAccess | null>();
  useEffect(() => {
    const read = () => {
      const key = workshopId ? takeKeyFromFragment(workshopId) : null;
      const seat = seatAt(tableId);
      if (workshopId && key) setAccess({ kind: "instructor", workshopId, key });
      else if (seat) setAccess({ kind: "seat", seat });
      else setAccess(null);
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [tableId, workshopId]);
  return access;
}
