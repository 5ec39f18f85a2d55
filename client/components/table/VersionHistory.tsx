// Every tabled version, newest first, with what changed from the one before (issue: from → to),
// who tabled it, and who accepted or objected.
import type { TableView } from "@red-lines/shared/protocol";
import { useId } from "react";
import { changesBetween, optionLabel, previousPackage, seatName, timeOfDay } from "./derive.ts";
import styles from "./table.module.css";

export function VersionHistory({ view }: { view: TableView }) {
  const headingId = useId();
  const issueName = (id: string) => view.issues.find((i) => i.id === id)?.name ?? id;
  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h2 id={headingId}>Version history</h2>
      {view.versions.length === 0 ? (
        <p className="muted">No version has been tabled yet.</p>
      ) : (
        <ol className={styles.history} reversed>
          {[...view.versions].reverse().map((v) => {
            const changes = changesBetween(view, previousPackage(view, v.number), v.package);
            return (
              <li key={v.number} className={styles.historyItem}>
                <p>
                  <strong>Version {v.number}</strong>
                  {v.number === view.outcome?.version
                    ? " (agreed)"
                    : v.number === view.currentVersion &&
                      view.phase === "negotiating" &&
                      " (on the table)"}{" "}
                  — tabled by {seatName(view, v.tabledBy)} at {timeOfDay(v.at)}
                  {!v.complete && " · leaves issues open"}
                </p>
                {changes.length > 0 && (
                  <ul className={styles.diff} aria-label={`Changes in version ${v.number}`}>
                    {changes.map((c) => (
                      <li key={c.issue}>
                        {issueName(c.issue)}: <del>{optionLabel(view, c.issue, c.from)}</del>{" "}
                        <span aria-hidden="true">→</span>
                        <span className="visually-hidden"> changed to </span>{" "}
                        <ins>{optionLabel(view, c.issue, c.to)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
                {(v.acceptedBy.length > 0 || v.objections.length > 0) && (
                  <p className="muted">
                    {v.acceptedBy.length > 0 &&
                      `Accepted by ${v.acceptedBy.map((s) => seatName(view, s)).join(", ")}. `}
                    {v.objections.length > 0 &&
                      `Objected: ${v.objections.map((o) => seatName(view, o.seat)).join(", ")}.`}
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
