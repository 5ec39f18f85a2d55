"use client";
// The alerts that call for the facilitator's attention, newest first, each with its table, an
// icon and its kind in words; filterable by table. New ones are announced politely.
import type { ConsoleAlert } from "@red-lines/shared/protocol";
import { useEffect, useId, useRef, useState } from "react";
import styles from "./Alerts.module.css";
import { alertLook, timeOfDay } from "./format.ts";

/** How many alerts show before "Show all". */
const firstShown = 30;

const alertKey = (alert: ConsoleAlert) => `${alert.tableId}:${alert.at}:${alert.kind}:${alert.seat ?? ""}`;

export function AlertFeed({
  alerts,
  tableNumbers,
  ready,
}: {
  alerts: readonly ConsoleAlert[];
  tableNumbers: readonly number[];
  /** The console's first snapshot (with the alert history) has arrived. */
  ready: boolean;
}) {
  const filterId = useId();
  const [table, setTable] = useState<number | "all">("all");
  const [announcement, setAnnouncement] = useState("");
  const [showAll, setShowAll] = useState(false);
  // Alerts already there when the console opened (the history) are not announced again.
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!ready) return;
    if (seen.current === null) {
      seen.current = new Set(alerts.map(alertKey));
      return;
    }
    const fresh = alerts.filter((alert) => !seen.current?.has(alertKey(alert)));
    for (const alert of fresh) seen.current.add(alertKey(alert));
    const newest = fresh.at(-1);
    if (newest) {
      const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more)` : "";
      setAnnouncement(`Table ${newest.table}, ${alertLook[newest.kind].label}: ${newest.message}${more}`);
    }
  }, [alerts, ready]);

  const matching = alerts.filter((alert) => table === "all" || alert.table === table).toReversed();
  const shown = showAll ? matching : matching.slice(0, firstShown);

  return (
    <section className={styles.feed} aria-labelledby={`${filterId}-heading`}>
      <div className={styles.head}>
        <h2 id={`${filterId}-heading`} className={styles.title}>
          Alerts
        </h2>
        <div className={styles.filter}>
          <label htmlFor={filterId}>Show alerts from</label>
          <select
            id={filterId}
            value={String(table)}
            onChange={(change) =>
              setTable(change.target.value === "all" ? "all" : Number(change.target.value))
            }
          >
            <option value="all">All tables</option>
            {tableNumbers.map((number) => (
              <option key={number} value={number}>
                Table {number}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {shown.length === 0 ? (
        <p className={styles.empty}>
          {table === "all" ? "No alerts yet." : `No alerts from table ${table} yet.`} Red-line attempts,
          walk-outs, empty seats, lapsed acceptances, agreements and endings appear here.
        </p>
      ) : (
        <ol
          className={styles.list}
          aria-label={table === "all" ? "Alerts, newest first" : `Alerts from table ${table}, newest first`}
        >
          {shown.map((alert) => (
            <li key={alertKey(alert)} className={styles.alert} data-kind={alert.kind}>
              <span aria-hidden="true" className={styles.icon}>
                {alertLook[alert.kind].icon}
              </span>
              <div>
                <p className={styles.line}>
                  <strong>{alertLook[alert.kind].label}</strong> · Table {alert.table} ·{" "}
                  <time dateTime={new Date(alert.at).toISOString()}>{timeOfDay(alert.at)}</time>
                </p>
                <p className={styles.message}>{alert.message}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {matching.length > firstShown && (
        <button type="button" className={styles.more} onClick={() => setShowAll(!showAll)}>
          {showAll ? `Show the latest ${firstShown} only` : `Show all ${matching.length} alerts`}
        </button>
      )}
    </section>
  );
}
