// The join page where the talks are over: at every table of the workshop (no seats to offer), or
// at the table where this browser's seat was. A student who sat there is pointed to the table's
// debrief, which opens once the facilitator shares it, and to how the talks ended.
import Link from "next/link";
import type { StoredSeat } from "../../lib/credentials.ts";
import styles from "./entry.module.css";
import { RoleFlag } from "./RoleFlag.tsx";

export function TalksOver({
  everyTable,
  tables,
  seat,
}: {
  /** Every table's talks are over, so the workshop takes nobody new. */
  everyTable: boolean;
  tables: number;
  /** This browser's seat, when its table's talks are over. */
  seat: (StoredSeat & { roleLabel: string }) | null;
}) {
  return (
    <section className={`card ${styles.continue}`} aria-labelledby="over-heading">
      <h2 id="over-heading">{seat ? "The talks at your table are over" : "The talks are over"}</h2>
      {everyTable ? (
        <p>
          {tables === 1
            ? "The negotiation at this workshop's table has ended, so there are no seats to take."
            : `The negotiation has ended at ${tables === 2 ? "both" : `all ${tables}`} tables of this workshop, so there are no seats to take.`}
        </p>
      ) : null}
      {seat ? (
        <>
          <p className={styles.roleName}>
            <RoleFlag role={seat.role} name={seat.roleLabel} size="large" />
            {seat.name}: {seat.roleLabel}, table {seat.table}
          </p>
          <p>
            Your table&apos;s debrief shows what deal was possible and how close your table came. It opens as
            soon as your facilitator shares it.
          </p>
          <div className={styles.actions}>
            <Link className="button" href={`/debrief/${seat.tableId}`}>
              Read your table&apos;s debrief
            </Link>
            <Link className={`button ${styles.secondary}`} href={`/table/${seat.tableId}`}>
              See how the talks ended
            </Link>
          </div>
        </>
      ) : (
        <p>Ask your facilitator what comes next: the debrief of each table is theirs to share.</p>
      )}
    </section>
  );
}
