"use client";
// The class view: every table of a workshop side by side (outcome, rounds, each role's score
// against its no-deal value, distance to the Nash point, red-line refusals), sortable by any
// column, each row linking to its debrief. Behind the instructor key, like the console.
import { formatGain, formatPoints } from "@red-lines/shared/client";
import type { ClassRow, ClassView } from "@red-lines/shared/protocol";
import { useCallback, useEffect, useMemo, useState } from "react";
import { getClassView } from "../../lib/api.ts";
import { takeKeyFromFragment } from "../../lib/credentials.ts";
import styles from "./Debrief.module.css";
import { Scroller } from "./Scroller.tsx";

type Loaded =
  | { kind: "loading" }
  | { kind: "failed"; message: string; status: number }
  | { kind: "ready"; view: ClassView };

type SortKey = "table" | "outcome" | "rounds" | "nash" | "refusals" | `score:${string}`;
type Sort = { key: SortKey; direction: "ascending" | "descending" };

const phaseWords: Record<ClassRow["phase"], string> = {
  lobby: "In the lobby",
  briefing: "Briefing",
  negotiating: "Negotiating",
  concluded: "Concluded",
};

export function outcomeText(row: ClassRow): string {
  if (row.outcomeTitle) return row.outcomeTitle;
  return phaseWords[row.phase];
}

function sortValue(row: ClassRow, key: SortKey): number | string | null {
  if (key === "table") return row.table;
  if (key === "outcome") return outcomeText(row);
  if (key === "rounds") return row.rounds;
  if (key === "nash") return row.distanceToNash;
  if (key === "refusals") return row.redLineRefusals;
  return row.scores[key.slice("score:".length)] ?? null;
}

/** Rows in the chosen order; tables without a figure always last, then by table number. */
export function sortRows(rows: readonly ClassRow[], sort: Sort): ClassRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? a.table - b.table : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? sign * order : a.table - b.table;
  });
}

export function ClassScreen({ workshopId }: { workshopId: string }) {
  const [key, setKey] = useState<string | null | undefined>();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [sort, setSort] = useState<Sort>({ key: "table", direction: "ascending" });

  useEffect(() => setKey(takeKeyFromFragment(workshopId)), [workshopId]);

  const load = useCallback(async () => {
    if (!key) return;
    setLoaded((current) => (current.kind === "ready" ? current : { kind: "loading" }));
    const result = await getClassView(workshopId, key);
    setLoaded(
      result.ok
        ? { kind: "ready", view: result.value }
        : { kind: "failed", message: result.message, status: result.status },
    );
  }, [key, workshopId]);

  useEffect(() => {
    void load();
  }, [load]);

  const view = loaded.kind === "ready" ? loaded.view : null;
  const rows = useMemo(() => (view ? sortRows(view.tables, sort) : []), [view, sort]);

  return (
    <main id="main" className={styles.page}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker}>Class view</p>
          <h1 className={styles.title}>Every table side by side</h1>
          {view && (
            <p className={styles.byline}>
              Join code {view.workshop.joinCode} · {view.tables.length}{" "}
              {view.tables.length === 1 ? "table" : "tables"}
              {view.workshop.variantName ? ` · ${view.workshop.variantName}` : ""}
            </p>
          )}
        </div>
        <nav className={styles.nav} aria-label="Workshop">
          <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}`}>
            Back to the console
          </a>
          {key && (
            <button type="button" className={styles.secondary} onClick={() => void load()}>
              Refresh
            </button>
          )}
        </nav>
      </header>
      {key === undefined ? (
        <p role="status">Opening the class view…</p>
      ) : key === null ? (
        <div className={styles.problem}>
          <h2>The class view needs the instructor link</h2>
          <p>
            It opens in the browser that holds this workshop's instructor key. Open the instructor link shown
            when the workshop was set up (it ends in <code>#key=…</code>), or paste it on the{" "}
            <a href={`/instructor/${workshopId}`}>console</a>, then come back.
          </p>
        </div>
      ) : loaded.kind === "loading" ? (
        <p role="status">Working out every table's figures…</p>
      ) : loaded.kind === "failed" ? (
        <div className={styles.problem} role="alert">
          <h2>The class view could not be opened</h2>
          <p>{loaded.message}</p>
        </div>
      ) : view ? (
        <ClassTable view={view} rows={rows} sort={sort} onSort={setSort} workshopId={workshopId} />
      ) : null}
    </main>
  );
}

function ClassTable({
  view,
  rows,
  sort,
  onSort,
  workshopId,
}: {
  view: ClassView;
  rows: ClassRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  workshopId: string;
}) {
  const concluded = view.tables.filter((t) => t.concluded).length;
  const agreed = view.tables.filter((t) => t.dealSource === "agreed" && t.concluded).length;
  const columns: { key: SortKey; label: string }[] = [
    { key: "table", label: "Table" },
    { key: "outcome", label: "Outcome" },
    { key: "rounds", label: "Rounds" },
    ...view.roles.map((role) => ({ key: `score:${role.id}` as SortKey, label: role.name })),
    { key: "nash", label: "Distance to Nash" },
    { key: "refusals", label: "Red-line refusals" },
  ];
  const sortedBy = columns.find((c) => c.key === sort.key)?.label ?? "table";
  return (
    <section aria-labelledby="class-heading" className={styles.section}>
      <h2 id="class-heading">
        {concluded} of {view.tables.length} {view.tables.length === 1 ? "table" : "tables"} concluded,{" "}
        {agreed} with an agreement
      </h2>
      <p>
        Scores are in points; in brackets, against the role's no-deal value. Without an agreement a party
        keeps its no-deal value. Distance to Nash is for the agreed package, or the last one tabled. Choose a
        column heading to sort by it.
      </p>
      <p className="visually-hidden" role="status">
        Sorted by {sortedBy}, {sort.direction}.
      </p>
      {/* On a phone the table stacks and its headings go: the same sort, as a choice. */}
      <div className={`${styles.controls} ${styles.phoneOnly}`}>
        <div>
          <label htmlFor="class-sort">Sort tables by</label>
          <select
            id="class-sort"
            value={`${sort.key}|${sort.direction}`}
            onChange={(event) => {
              const [key, direction] = event.target.value.split("|") as [SortKey, Sort["direction"]];
              onSort({ key, direction });
            }}
          >
            {columns.flatMap((column) =>
              (["ascending", "descending"] as const).map((direction) => (
                <option key={`${column.key}|${direction}`} value={`${column.key}|${direction}`}>
                  {column.label}, {direction === "ascending" ? "lowest first" : "highest first"}
                </option>
              )),
            )}
          </select>
        </div>
      </div>
      <Scroller label="Every table's figures">
        <table
          className={`${styles.figures} ${styles.classTable} ${styles.stacking}`}
          data-testid="class-table"
        >
          <caption className={styles.caption}>Every table of the workshop</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th scope="col" key={column.key} aria-sort={active ? sort.direction : "none"}>
                    <button
                      type="button"
                      className={styles.sortButton}
                      onClick={() =>
                        onSort({
                          key: column.key,
                          direction: active && sort.direction === "ascending" ? "descending" : "ascending",
                        })
                      }
                    >
                      {column.label}
                      <span aria-hidden="true" className={styles.sortMark}>
                        {active ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">Debrief</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.tableId} data-table={row.table}>
                <th scope="row">
                  <span className={styles.phoneOnly}>Table </span>
                  {row.table}
                </th>
                <td data-label="Outcome">
                  {outcomeText(row)}
                  {row.dealSource && (
                    <span className={styles.sub}>
                      {" "}
                      ({row.dealSource === "agreed" ? "agreed" : "last tabled"} version {row.version})
                    </span>
                  )}
                </td>
                <td data-label="Rounds">{row.rounds}</td>
                {view.roles.map((role) => {
                  const score = row.scores[role.id];
                  const gain = row.gains[role.id];
                  return (
                    <td key={role.id} data-role={role.id} data-label={role.name}>
                      {score === null || score === undefined ? (
                        <span className={styles.sub}>
                          {row.phase === "negotiating" ? "in play" : "not started"}
                        </span>
                      ) : (
                        <>
                          {formatPoints(score)}
                          {gain !== null && gain !== undefined && (
                            <span className={styles.sub}> ({formatGain(gain)})</span>
                          )}
                        </>
                      )}
                    </td>
                  );
                })}
                <td data-label="Distance to Nash">
                  {row.distanceToNash === null ? "—" : formatPoints(row.distanceToNash)}
                </td>
                <td data-label="Red-line refusals">{row.redLineRefusals}</td>
                <td data-label="Debrief">
                  <a href={`/debrief/${row.tableId}?workshop=${workshopId}`}>
                    Debrief<span className="visually-hidden"> of table {row.table}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
    </section>
  );
}
