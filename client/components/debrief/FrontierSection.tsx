"use client";
// The Pareto frontier drawn for two parties at a time (chosen with two selects). The frontier is
// over all the parties, so a package on it can sit inside the cloud for two of them (it gives more
// to a party not drawn): the dots are every package of the frontier of all the parties, and a line
// joins those that are also best for the two drawn. At a table of two, the two are the frontier. The table's package and the Nash point have their own
// shapes and names, the no-deal values a cross. The frontier is also a table, one button away.
import { frontierOfPair } from "@red-lines/shared/client";
import type { Debrief } from "@red-lines/shared/protocol";
import type { ChartConfiguration } from "chart.js";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { Chart } from "./Chart.tsx";
import styles from "./Debrief.module.css";
import { type Figures, useFigures } from "./figures.ts";
import { roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

type Utilities = Record<string, number>;

export function FrontierSection({ debrief }: { debrief: Debrief }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  const roles = debrief.roles;
  const [x, setX] = useState(roles[0]?.id ?? "");
  const [y, setY] = useState(roles[1]?.id ?? roles[0]?.id ?? "");
  const [asTable, setAsTable] = useState(false);
  const xId = useId();
  const yId = useId();
  const tableId = useId();
  const end = debrief.analysis.end;
  const frontier = end.pareto;
  const deal = debrief.deal;
  const ours = useMemo<Utilities | null>(
    () => (deal ? Object.fromEntries(deal.parties.map((p) => [p.role, p.utility])) : null),
    [deal],
  );
  const nash = end.nash?.utilities ?? null;
  const dealName = deal
    ? deal.source === "agreed"
      ? t("frontier.dealAgreed", { version: deal.version })
      : t("frontier.dealLast", { version: deal.version })
    : null;
  const xName = roleNameOf(debrief, x);
  const yName = roleNameOf(debrief, y);
  /** "Ukraine 62.5, Russia 40.0": a point by the two parties drawn. */
  const point = useMemo(
    () => (u: Utilities) =>
      t("frontier.point", {
        x: xName,
        xScore: figures.points(u[x] ?? 0),
        y: yName,
        yScore: figures.points(u[y] ?? 0),
      }),
    [t, figures, x, y, xName, yName],
  );

  const pairFrontier = useMemo(() => frontierOfPair(frontier ?? [], x, y), [frontier, x, y]);
  // With more than two parties, the frontier of all of them is more than the line for two.
  const others = roles.length > 2;
  const config = useMemo<ChartConfiguration<"scatter">>(() => {
    const at = (u: Utilities) => ({ x: u[x] ?? 0, y: u[y] ?? 0 });
    return {
      type: "scatter",
      data: {
        datasets: [
          {
            label: others ? t("frontier.pairFrontier") : t("words.paretoFrontier"),
            data: pairFrontier.map(at),
            backgroundColor: "#4a5360",
            borderColor: "#4a5360",
            pointStyle: "circle",
            pointRadius: 4,
            showLine: true,
            borderWidth: 2,
          },
          ...(others
            ? [
                {
                  label: t("frontier.allFrontier"),
                  data: (frontier ?? []).map(at),
                  backgroundColor: "rgba(74, 83, 96, 0.35)",
                  borderColor: "rgba(74, 83, 96, 0.6)",
                  pointStyle: "circle" as const,
                  pointRadius: 3,
                },
              ]
            : []),
          ...(ours && dealName
            ? [
                {
                  label: dealName,
                  data: [at(ours)],
                  backgroundColor: "#a33a00",
                  borderColor: "#1b1f24",
                  pointStyle: "triangle" as const,
                  pointRadius: 11,
                  borderWidth: 2,
                },
              ]
            : []),
          ...(nash
            ? [
                {
                  label: t("words.nashPoint"),
                  data: [at(nash)],
                  backgroundColor: "#0b5cad",
                  borderColor: "#1b1f24",
                  pointStyle: "rectRot" as const,
                  pointRadius: 10,
                  borderWidth: 2,
                },
              ]
            : []),
          {
            label: t("words.noDealValues"),
            data: [at(end.noDeal)],
            backgroundColor: "#1b1f24",
            borderColor: "#1b1f24",
            pointStyle: "crossRot" as const,
            pointRadius: 11,
            borderWidth: 3,
          },
        ],
      },
      options: {
        parsing: false,
        scales: {
          x: {
            type: "linear",
            title: { display: true, text: t("frontier.axis", { whose: figures.whose(xName) }) },
          },
          y: {
            type: "linear",
            title: { display: true, text: t("frontier.axis", { whose: figures.whose(yName) }) },
          },
        },
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label}: ${point({ [x]: item.parsed.x ?? 0, [y]: item.parsed.y ?? 0 })}`,
            },
          },
        },
      },
    };
  }, [
    t,
    figures,
    point,
    x,
    y,
    xName,
    yName,
    frontier,
    pairFrontier,
    others,
    ours,
    nash,
    dealName,
    end.noDeal,
  ]);

  const label = [
    t("frontier.chartLabel", {
      count: frontier?.length ?? 0,
      x: figures.whose(xName),
      y: figures.whose(yName),
      others: others ? "yes" : "no",
      best: pairFrontier.length,
    }),
    ours && dealName ? `${dealName}: ${point(ours)}.` : "",
    nash ? `${t("words.nashPoint")}: ${point(nash)}.` : "",
    `${t("words.noDealValues")}: ${point(end.noDeal)}.`,
  ]
    .filter(Boolean)
    .join(" ");

  const sorted = useMemo(() => {
    const seen = new Map<string, number>();
    return [...(frontier ?? [])]
      .sort((a, b) => (b[x] ?? 0) - (a[x] ?? 0) || (b[y] ?? 0) - (a[y] ?? 0))
      .map((utilities) => {
        const figures = roles.map((r) => utilities[r.id]).join("/");
        const n = (seen.get(figures) ?? 0) + 1;
        seen.set(figures, n);
        return { key: `${figures}#${n}`, utilities };
      });
  }, [frontier, x, y, roles]);

  return (
    <section aria-labelledby="frontier-heading" className={styles.section}>
      <h2 id="frontier-heading">{t("frontier.heading")}</h2>
      {frontier === null ? (
        <p>
          {end.paretoSize === null
            ? t("frontier.tooLarge")
            : t("frontier.tooLargeCounted", { count: end.paretoSize })}
        </p>
      ) : frontier.length === 0 ? (
        <p>{t("frontier.none")}</p>
      ) : (
        <>
          {others ? (
            <p>{t("frontier.explainMany", { count: roles.length })}</p>
          ) : (
            <p>{t("frontier.explainTwo")}</p>
          )}
          <div className={`${styles.controls} ${styles.noPrint}`}>
            <div>
              <label htmlFor={xId}>{t("frontier.across")}</label>
              <select id={xId} value={x} onChange={(event) => setX(event.target.value)}>
                {roles.map((role) => (
                  <option key={role.id} value={role.id}>
                    {role.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={yId}>{t("frontier.up")}</label>
              <select id={yId} value={y} onChange={(event) => setY(event.target.value)}>
                {roles.map((role) => (
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
          <Chart config={config} label={label} height="24rem" />
          <Scroller id={tableId} label={t("frontier.tableLabel")} hidden={!asTable}>
            <table className={styles.figures} data-testid="frontier-table">
              <caption className={styles.caption}>
                {t("frontier.caption", { count: frontier.length, whose: figures.whose(xName) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("frontier.columnPackage")}</th>
                  {roles.map((role) => (
                    <th scope="col" key={role.id}>
                      {role.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ours && dealName && <Row name={dealName} utilities={ours} roles={roles} figures={figures} />}
                {nash && <Row name={t("words.nashPoint")} utilities={nash} roles={roles} figures={figures} />}
                <Row name={t("words.noDealValues")} utilities={end.noDeal} roles={roles} figures={figures} />
                {sorted.map((entry, index) => (
                  <Row
                    key={entry.key}
                    name={t("frontier.row", { index: index + 1 })}
                    utilities={entry.utilities}
                    roles={roles}
                    figures={figures}
                  />
                ))}
              </tbody>
            </table>
          </Scroller>
        </>
      )}
    </section>
  );
}

function Row({
  name,
  utilities,
  roles,
  figures,
}: {
  name: string;
  utilities: Utilities;
  roles: Debrief["roles"];
  figures: Figures;
}) {
  return (
    <tr>
      <th scope="row">{name}</th>
      {roles.map((role) => (
        <td key={role.id}>{figures.points(utilities[role.id] ?? 0)}</td>
      ))}
    </tr>
  );
}
