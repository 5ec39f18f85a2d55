"use client";
// The Pareto frontier drawn for two parties at a time (chosen with two selects). The frontier is
// over all the parties, so a package on it can sit inside the cloud for two of them (it gives more
// to a party not drawn): the dots are every package of the frontier of all the parties, and a line
// joins those that are also best for the two drawn. At a table of two, the two are the frontier. The table's package and the Nash point have their own
// shapes and names, the no-deal values a cross. The frontier is also a table, one button away.
import { formatCount, formatPoints, frontierOfPair, possessive } from "@red-lines/shared/client";
import type { Debrief } from "@red-lines/shared/protocol";
import type { ChartConfiguration } from "chart.js";
import { useId, useMemo, useState } from "react";
import { Chart } from "./Chart.tsx";
import styles from "./Debrief.module.css";
import { roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

type Utilities = Record<string, number>;

export function FrontierSection({ debrief }: { debrief: Debrief }) {
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
      ? `Agreed package (version ${deal.version})`
      : `Last tabled (version ${deal.version})`
    : null;

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
            label: others ? "Frontier for these two parties" : "Pareto frontier",
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
                  label: "Frontier for all the parties",
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
                  label: "Nash point",
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
            label: "No-deal values",
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
            title: { display: true, text: `${possessive(roleNameOf(debrief, x))} score` },
          },
          y: {
            type: "linear",
            title: { display: true, text: `${possessive(roleNameOf(debrief, y))} score` },
          },
        },
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label}: ${roleNameOf(debrief, x)} ${formatPoints(item.parsed.x ?? 0)}, ${roleNameOf(debrief, y)} ${formatPoints(item.parsed.y ?? 0)}`,
            },
          },
        },
      },
    };
  }, [debrief, x, y, frontier, pairFrontier, others, ours, nash, dealName, end.noDeal]);

  const point = (u: Utilities | null) =>
    u
      ? `${roleNameOf(debrief, x)} ${formatPoints(u[x] ?? 0)}, ${roleNameOf(debrief, y)} ${formatPoints(u[y] ?? 0)}`
      : "";
  const label = [
    `Scatter chart of the Pareto frontier's ${formatCount(frontier?.length ?? 0)} packages by ${possessive(roleNameOf(debrief, x))} score (across) and ${possessive(roleNameOf(debrief, y))} (up); ${others ? `a line joins the ${formatCount(pairFrontier.length)} that are best for these two parties alone.` : "a line joins them."}`,
    ours && dealName ? `${dealName}: ${point(ours)}.` : "",
    nash ? `Nash point: ${point(nash)}.` : "",
    `No-deal values: ${point(end.noDeal)}.`,
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
      <h2 id="frontier-heading">The Pareto frontier</h2>
      {frontier === null ? (
        <p>
          The frontier was too large to list for this scenario
          {end.paretoSize === null ? "" : ` (${formatCount(end.paretoSize)} packages)`}.
        </p>
      ) : frontier.length === 0 ? (
        <p>There is no frontier to draw: no package satisfied every red line and beat every no-deal value.</p>
      ) : (
        <>
          {others ? (
            <p>
              Each dot is a package on the frontier of all {formatCount(roles.length)} parties: no other
              package is better for one party without being worse for another. Drawn for two parties only,
              some of them sit inside the cloud, because they give more to a party not drawn. The line joins
              the packages that are also best for the two parties drawn. Choose which two; every party's
              scores are in the table.
            </p>
          ) : (
            <p>
              Each dot is a package on the frontier: no other package is better for one party without being
              worse for the other. The scores are also in the table.
            </p>
          )}
          <div className={`${styles.controls} ${styles.noPrint}`}>
            <div>
              <label htmlFor={xId}>Across (horizontal)</label>
              <select id={xId} value={x} onChange={(event) => setX(event.target.value)}>
                {roles.map((role) => (
                  <option key={role.id} value={role.id}>
                    {role.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={yId}>Up (vertical)</label>
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
              {asTable ? "Hide the table" : "Show as table"}
            </button>
          </div>
          <Chart config={config} label={label} height="24rem" />
          <Scroller id={tableId} label="The Pareto frontier as a table" hidden={!asTable}>
            <table className={styles.figures} data-testid="frontier-table">
              <caption className={styles.caption}>
                The table's package, the Nash point and the {formatCount(frontier.length)} frontier packages,
                by {possessive(roleNameOf(debrief, x))} score (points)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Package</th>
                  {roles.map((role) => (
                    <th scope="col" key={role.id}>
                      {role.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ours && dealName && <Row name={dealName} utilities={ours} roles={roles} />}
                {nash && <Row name="Nash point" utilities={nash} roles={roles} />}
                <Row name="No-deal values" utilities={end.noDeal} roles={roles} />
                {sorted.map((entry, index) => (
                  <Row
                    key={entry.key}
                    name={`Frontier ${index + 1}`}
                    utilities={entry.utilities}
                    roles={roles}
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

function Row({ name, utilities, roles }: { name: string; utilities: Utilities; roles: Debrief["roles"] }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      {roles.map((role) => (
        <td key={role.id}>{formatPoints(utilities[role.id] ?? 0)}</td>
      ))}
    </tr>
  );
}
