// The end of the talks: how they ended and what that outcome means, the agreed package, and each
// party's score against its no-deal value.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { optionLabel, seatName } from "./derive.ts";
import { useTableFormat } from "./format.ts";
import styles from "./table.module.css";
import type { Identity } from "./useIdentity.ts";
import { outcomeReason } from "./words.ts";

/** Where this reader finds the table's debrief: the instructor always, a seat once it is shared. */
export function debriefHref(tableId: string, identity: Identity | undefined): string | null {
  if (identity?.kind === "instructor") return `/debrief/${tableId}?workshop=${identity.workshopId}`;
  if (identity?.kind === "seat") return `/debrief/${tableId}`;
  return null;
}

export function Concluded({ view, debrief = null }: { view: TableView; debrief?: string | null }) {
  const t = useTranslations("table");
  const { points, signedPoints } = useTableFormat();
  const outcome = view.outcome;
  if (!outcome) return null;
  return (
    <div className={styles.concluded}>
      <section aria-labelledby="outcome-heading" className="card">
        <p className={styles.label}>{t("outcome.howEnded")}</p>
        <h2 id="outcome-heading" className={styles.outcomeName} tabIndex={-1}>
          {t("outcome.heading", { outcome: outcome.title })}
        </h2>
        <p>
          {outcomeReason(t, outcome.reason, {
            version: outcome.version,
            walkedOut: outcome.walkedOut ? seatName(view, outcome.walkedOut) : null,
            seats: view.seats.length,
          })}
        </p>
        <p>{outcome.description}</p>
        {debrief && (
          <p>
            <a className="button" href={debrief}>
              {t("outcome.debrief.open")}
            </a>{" "}
            {view.perspective === "instructor" ? t("outcome.debrief.instructor") : t("outcome.debrief.seat")}
          </p>
        )}
      </section>
      {outcome.package && (
        <section aria-labelledby="package-heading" className="card">
          <h2 id="package-heading">
            {outcome.version === null
              ? t("outcome.package")
              : t("outcome.packageVersion", { version: outcome.version })}
          </h2>
          <dl className={styles.packageList}>
            {view.issues.map((issue) => (
              <div key={issue.id}>
                <dt>{issue.name}</dt>
                <dd>{optionLabel(view, issue.id, outcome.package?.[issue.id]) ?? t("sheet.open")}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="scores-outcome-heading" className="card">
        <h2 id="scores-outcome-heading">{t("outcome.scores.heading")}</h2>
        {!outcome.utilities && <p>{t("outcome.scores.noAgreement")}</p>}
        <table className={styles.outcomeTable}>
          <thead>
            <tr>
              <th scope="col">{t("outcome.scores.party")}</th>
              <th scope="col">
                {outcome.utilities ? t("outcome.scores.agreement") : t("outcome.scores.score")}
              </th>
              <th scope="col">{t("outcome.scores.batna")}</th>
              <th scope="col">{t("outcome.scores.gain")}</th>
            </tr>
          </thead>
          <tbody>
            {view.seats.map((seat) => {
              const batna = outcome.batnas[seat.role] ?? 0;
              const score = outcome.utilities?.[seat.role] ?? batna;
              const gain = score - batna;
              return (
                <tr key={seat.role}>
                  <th scope="row">
                    <RoleFlag role={seat.role} name={seat.name} /> {seatName(view, seat.role)}
                    {seat.role === view.me?.role && ` ${t("you")}`}
                  </th>
                  <td>{points(score)}</td>
                  <td>{points(batna)}</td>
                  <td data-gain={gain > 0 ? "up" : gain < 0 ? "down" : "even"}>
                    {t(
                      gain > 0
                        ? "outcome.scores.better"
                        : gain < 0
                          ? "outcome.scores.worse"
                          : "outcome.scores.same",
                      { gain: signedPoints(gain) },
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
