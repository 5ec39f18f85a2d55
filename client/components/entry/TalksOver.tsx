// The join page where the talks are over: at every table of the workshop (no seats to offer), or
// at the table where this browser's seat was. A student who sat there is pointed to the table's
// debrief, which opens once the facilitator shares it, and to how the talks ended.
import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("entry");
  return (
    <section className={`card ${styles.continue}`} aria-labelledby="over-heading">
      <h2 id="over-heading">{seat ? t("talksOver.headingMine") : t("talksOver.heading")}</h2>
      {everyTable ? <p>{t("talksOver.everyTable", { tables })}</p> : null}
      {seat ? (
        <>
          <p className={styles.roleName}>
            <RoleFlag role={seat.role} name={seat.roleLabel} size="large" />
            {t("seat.line", { name: seat.name, role: seat.roleLabel, table: seat.table })}
          </p>
          <p>{t("talksOver.debriefText")}</p>
          <div className={styles.actions}>
            <Link className="button" href={`/debrief/${seat.tableId}`}>
              {t("talksOver.readDebrief")}
            </Link>
            <Link className={`button ${styles.secondary}`} href={`/table/${seat.tableId}`}>
              {t("talksOver.seeEnd")}
            </Link>
          </div>
        </>
      ) : (
        <p>{t("talksOver.askFacilitator")}</p>
      )}
    </section>
  );
}
