"use client";
// Concession curves: what every tabled version was worth to each party, version by version, as a
// line per party, optionally only the versions one seat tabled (how that seat conceded). The same
// figures are in a table, shown with one button and always printed.
import type { Debrief } from "@red-lines/shared/protocol";
import type { ChartConfiguration } from "chart.js";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { Chart } from "./Chart.tsx";
import styles from "./Debrief.module.css";
import { useFigures } from "./figures.ts";
import { roleLook, roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

export function ConcessionCurves({ debrief }: { debrief: Debrief }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  const [by, setBy] = useState<string>("all");
  const [asTable, setAsTable] = useState(false);
  const selectId = useId();
  const tableId = useId();
  const points = useMemo(
    () => debrief.concessions.filter((c) => by === "all" || c.tabledBy === by),
    [debrief.concessions, by],
  );

  const only = points.length === 1 ? points[0] : undefined;
  const config = useMemo<ChartConfiguration<"line">>(
    () => ({
      type: "line",
      data: {
        datasets: debrief.roles.map((role) => {
          const look = roleLook(debrief, role.id);
          return {
            label: role.name,
            data: points.map((c) => ({ x: c.version, y: c.utilities[role.id] ?? 0 })),
            borderColor: look.color,
            backgroundColor: look.color,
            borderDash: look.dash,
            borderWidth: 2.5,
            pointStyle: look.pointStyle,
            pointRadius: 5,
            pointHoverRadius: 7,
          };
        }),
      },
      options: {
        parsing: false,
        scales: {
          x: {
            type: "linear",
            min: points[0]?.version,
            max: points.at(-1)?.version,
            title: { display: true, text: t("curves.axisVersion") },
            ticks: { precision: 0, stepSize: points.length > 20 ? undefined : 1 },
            // One version alone (a table of two may table just one): a scale from 1 to 1 draws
            // nothing, so it runs half a step either side, with the version's one tick.
            ...(only
              ? {
                  min: only.version - 0.5,
                  max: only.version + 0.5,
                  afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
                    axis.ticks = [{ value: only.version }];
                  },
                }
              : {}),
          },
          y: { type: "linear", min: 0, max: 100, title: { display: true, text: t("curves.axisScore") } },
        },
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              title: (items) => {
                const version = items[0]?.parsed.x;
                const point = debrief.concessions.find((c) => c.version === version);
                if (!point) return "";
                const role = roleNameOf(debrief, point.tabledBy);
                return point.round === null
                  ? t("curves.tooltip", { version: point.version, role })
                  : t("curves.tooltipRound", { version: point.version, role, round: point.round });
              },
              label: (item) => `${item.dataset.label}: ${figures.points(item.parsed.y ?? 0)}`,
            },
          },
        },
      },
    }),
    [debrief, points, only, t, figures],
  );

  if (debrief.concessions.length === 0) {
    return (
      <section aria-labelledby="concessions-heading" className={styles.section}>
        <h2 id="concessions-heading">{t("curves.heading")}</h2>
        <p>{t("curves.none")}</p>
      </section>
    );
  }

  const first = points[0];
  const last = points.at(-1);
  const whose = { by: by === "all" ? "all" : "role", role: by === "all" ? "" : roleNameOf(debrief, by) };
  const label =
    first && last
      ? t("curves.chartLabel", {
          ...whose,
          first: first.version,
          last: last.version,
          scores: figures.list(
            debrief.roles.map((r) =>
              t("curves.scoreChange", {
                role: r.name,
                from: figures.points(first.utilities[r.id] ?? 0),
                to: figures.points(last.utilities[r.id] ?? 0),
              }),
            ),
          ),
        })
      : t("curves.noneBy", { role: roleNameOf(debrief, by) });

  return (
    <section aria-labelledby="concessions-heading" className={styles.section}>
      <h2 id="concessions-heading">{t("curves.heading")}</h2>
      <p>{t("curves.intro")}</p>
      <div className={`${styles.controls} ${styles.noPrint}`}>
        <div>
          <label htmlFor={selectId}>{t("curves.by")}</label>
          <select id={selectId} value={by} onChange={(event) => setBy(event.target.value)}>
            <option value="all">{t("curves.everyParty")}</option>
            {debrief.roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={styles.secondary}
          aria-expanded={asTable}
          aria-controls={tableId}
          onClick={() => setAsTable((shown) => !shown)}
        >
          {asTable ? t("words.hideTable") : t("words.showTable")}
        </button>
      </div>
      {points.length > 0 ? <Chart config={config} label={label} /> : <p>{label}</p>}
      <Scroller
        id={tableId}
        label={t("curves.tableLabel")}
        className={asTable ? styles.tableWrap : `${styles.tableWrap} ${styles.printOnly}`}
      >
        <table className={styles.figures} data-testid="concession-table">
          <caption className={styles.caption}>{t("curves.caption", whose)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("curves.columnVersion")}</th>
              <th scope="col">{t("curves.columnRound")}</th>
              <th scope="col">{t("curves.columnTabledBy")}</th>
              {debrief.roles.map((role) => (
                <th scope="col" key={role.id}>
                  {role.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.version}>
                <th scope="row">{point.version}</th>
                <td>{point.round ?? "—"}</td>
                <td>{roleNameOf(debrief, point.tabledBy)}</td>
                {debrief.roles.map((role) => {
                  const score = point.utilities[role.id] ?? 0;
                  const noDeal = point.noDeal[role.id] ?? 0;
                  return (
                    <td key={role.id}>
                      {figures.points(score)}
                      {score < noDeal && <span className={styles.sub}> {t("curves.belowNoDeal")}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
    </section>
  );
}
