"use client";
// The alerts that call for the facilitator's attention, newest first, each with its table, an
// icon and its kind in words; filterable by table. New ones are announced politely.
import type { ConsoleAlert } from "@red-lines/shared/protocol";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import styles from "./Alerts.module.css";
import { alertIcon, alertLabel, timeOfDay } from "./format.ts";

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
  const t = useTranslations("console");
  const format = useFormatter();
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
      setAnnouncement(
        t("alerts.announce", {
          table: newest.table,
          kind: alertLabel(newest.kind, t),
          message: newest.message,
          more: fresh.length - 1,
        }),
      );
    }
  }, [alerts, ready, t]);

  const matching = alerts.filter((alert) => table === "all" || alert.table === table).toReversed();
  const shown = showAll ? matching : matching.slice(0, firstShown);

  return (
    <section className={styles.feed} aria-labelledby={`${filterId}-heading`}>
      <div className={styles.head}>
        <h2 id={`${filterId}-heading`} className={styles.title}>
          {t("alerts.heading")}
        </h2>
        <div className={styles.filter}>
          <label htmlFor={filterId}>{t("alerts.filter")}</label>
          <select
            id={filterId}
            value={String(table)}
            onChange={(change) =>
              setTable(change.target.value === "all" ? "all" : Number(change.target.value))
            }
          >
            <option value="all">{t("alerts.allTables")}</option>
            {tableNumbers.map((number) => (
              <option key={number} value={number}>
                {t("alerts.table", { table: number })}
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
          {table === "all" ? t("alerts.none") : t("alerts.noneFrom", { table })} {t("alerts.kinds")}
        </p>
      ) : (
        <ol
          className={styles.list}
          aria-label={table === "all" ? t("alerts.list") : t("alerts.listFrom", { table })}
        >
          {shown.map((alert) => (
            <li key={alertKey(alert)} className={styles.alert} data-kind={alert.kind}>
              <span aria-hidden="true" className={styles.icon}>
                {alertIcon[alert.kind]}
              </span>
              <div>
                <p className={styles.line}>
                  <strong>{alertLabel(alert.kind, t)}</strong> · {t("alerts.table", { table: alert.table })} ·{" "}
                  <time dateTime={new Date(alert.at).toISOString()}>{timeOfDay(alert.at, format)}</time>
                </p>
                <p className={styles.message}>{alert.message}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {matching.length > firstShown && (
        <button type="button" className={styles.more} onClick={() => setShowAll(!showAll)}>
          {showAll
            ? t("alerts.showLatest", { count: firstShown })
            : t("alerts.showAll", { count: matching.length })}
        </button>
      )}
    </section>
  );
}
