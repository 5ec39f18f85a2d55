// Every tabled version, newest first, with what changed from the one before (issue: from → to),
// who tabled it, and who accepted or objected.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { changesBetween, optionLabel, previousPackage, seatName } from "./derive.ts";
import { useTableFormat } from "./format.ts";
import styles from "./table.module.css";

export function VersionHistory({ view }: { view: TableView }) {
  const t = useTranslations("table");
  const { names, timeOfDay } = useTableFormat();
  const headingId = useId();
  const issueName = (id: string) => view.issues.find((i) => i.id === id)?.name ?? id;
  const option = (issue: string, id: string | undefined) => optionLabel(view, issue, id) ?? t("sheet.open");
  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h2 id={headingId}>{t("history.heading")}</h2>
      {view.versions.length === 0 ? (
        <p className="muted">{t("history.none")}</p>
      ) : (
        <ol className={styles.history} reversed>
          {[...view.versions].reverse().map((v) => {
            const changes = changesBetween(view, previousPackage(view, v.number), v.package);
            return (
              <li key={v.number} className={styles.historyItem}>
                <p>
                  <strong>{t("history.version", { version: v.number })}</strong>
                  {v.number === view.outcome?.version
                    ? ` ${t("history.agreed")}`
                    : v.number === view.currentVersion &&
                      view.phase === "negotiating" &&
                      ` ${t("history.onTable")}`}{" "}
                  {t("history.tabled", { seat: seatName(view, v.tabledBy), time: timeOfDay(v.at) })}
                  {!v.complete && ` · ${t("history.incomplete")}`}
                </p>
                {changes.length > 0 && (
                  <ul className={styles.diff} aria-label={t("history.changes", { version: v.number })}>
                    {changes.map((c) => (
                      <li key={c.issue}>
                        {issueName(c.issue)}: <del>{option(c.issue, c.from)}</del>{" "}
                        <span aria-hidden="true">→</span>
                        <span className="visually-hidden"> {t("history.changedTo")} </span>{" "}
                        <ins>{option(c.issue, c.to)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
                {(v.acceptedBy.length > 0 || v.objections.length > 0) && (
                  <p className="muted">
                    {v.acceptedBy.length > 0 &&
                      `${t("history.acceptedBy", { seats: names(v.acceptedBy.map((s) => seatName(view, s))) })} `}
                    {v.objections.length > 0 &&
                      t("history.objected", {
                        seats: names(v.objections.map((o) => seatName(view, o.seat))),
                      })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
