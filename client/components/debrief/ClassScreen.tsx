"use client";
// The class view: every table of a workshop side by side (outcome, rounds, each role's score
// against its no-deal value, distance to the Nash point, red-line refusals), sortable by any
// column, each row linking to its debrief. Behind the instructor key, like the console.
import type { ClassRow, ClassView } from "@red-lines/shared/protocol";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { getClassView } from "../../lib/api.ts";
import { takeKeyFromFragment } from "../../lib/credentials.ts";
import { type ApiProblem, useServerErrorText } from "../../lib/serverErrors.ts";
import styles from "./Debrief.module.css";
import { useFigures } from "./figures.ts";
import { Scroller } from "./Scroller.tsx";

/** `locale`: the language the view was asked in (the page's, when it was loaded). */
type Loaded =
  | { kind: "loading" }
  | { kind: "failed"; problem: ApiProblem }
  | { kind: "ready"; view: ClassView; locale: string };

type SortKey = "table" | "outcome" | "rounds" | "nash" | "refusals" | `score:${string}`;
type Sort = { key: SortKey; direction: "ascending" | "descending" };

/** A row's outcome: the outcome class's title, else the phase its table is in, in words. */
export function outcomeText(row: ClassRow, phaseWord: (phase: ClassRow["phase"]) => string): string {
  if (row.outcomeTitle) return row.outcomeTitle;
  return phaseWord(row.phase);
}

function sortValue(row: ClassRow, key: SortKey, outcome: (row: ClassRow) => string): number | string | null {
  if (key === "table") return row.table;
  if (key === "outcome") return outcome(row);
  if (key === "rounds") return row.rounds;
  if (key === "nash") return row.distanceToNash;
  if (key === "refusals") return row.redLineRefusals;
  return row.scores[key.slice("score:".length)] ?? null;
}

/** Rows in the chosen order; tables without a figure always last, then by table number. */
export function sortRows(
  rows: readonly ClassRow[],
  sort: Sort,
  outcome: (row: ClassRow) => string,
): ClassRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key, outcome);
    const y = sortValue(b, sort.key, outcome);
    if (x === null || y === null) return x === y ? a.table - b.table : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return order !== 0 ? sign * order : a.table - b.table;
  });
}

export function ClassScreen({ workshopId }: { workshopId: string }) {
  const t = useTranslations("debrief");
  // The server names seats, variants and outcomes in the page's language, asked for by name
  // (`?locale=`, whatever the reader's cookie and browser say): asked again whenever it changes.
  const locale = useLocale();
  const serverText = useServerErrorText();
  const [key, setKey] = useState<string | null | undefined>();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [sort, setSort] = useState<Sort>({ key: "table", direction: "ascending" });

  useEffect(() => setKey(takeKeyFromFragment(workshopId)), [workshopId]);

  const load = useCallback(async () => {
    if (!key) return;
    setLoaded((current) => (current.kind === "ready" ? current : { kind: "loading" }));
    const result = await getClassView(workshopId, key, locale);
    setLoaded(
      result.ok ? { kind: "ready", view: result.value, locale } : { kind: "failed", problem: result },
    );
  }, [key, workshopId, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  const view = loaded.kind === "ready" ? loaded.view : null;
  const outcome = useCallback(
    (row: ClassRow) => outcomeText(row, (phase) => t("class.phase", { phase })),
    [t],
  );
  const rows = useMemo(() => (view ? sortRows(view.tables, sort, outcome) : []), [view, sort, outcome]);

  return (
    <main id="main" className={styles.page}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker}>{t("class.kicker")}</p>
          <h1 className={styles.title}>{t("class.title")}</h1>
          {view && (
            <p className={styles.byline}>
              {t("class.byline", { code: view.workshop.joinCode, count: view.tables.length })}
              {view.workshop.variantName ? ` · ${view.workshop.variantName}` : ""}
            </p>
          )}
        </div>
        <nav className={styles.nav} aria-label={t("class.nav")}>
          <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}`}>
            {t("words.backToConsole")}
          </a>
          {key && (
            <button type="button" className={styles.secondary} onClick={() => void load()}>
              {t("class.refresh")}
            </button>
          )}
        </nav>
      </header>
      {key === undefined ? (
        <p role="status">{t("class.opening")}</p>
      ) : key === null ? (
        <div className={styles.problem}>
          <h2>{t("class.needsKeyHeading")}</h2>
          <p>
            {t.rich("class.needsKey", {
              code: (chunks) => <code>{chunks}</code>,
              console: (chunks) => <a href={`/instructor/${workshopId}`}>{chunks}</a>,
            })}
          </p>
        </div>
      ) : loaded.kind === "loading" ? (
        <p role="status">{t("class.working")}</p>
      ) : loaded.kind === "failed" ? (
        <div className={styles.problem} role="alert">
          <h2>{t("class.failed")}</h2>
          <p>{serverText.http(loaded.problem)}</p>
        </div>
      ) : view ? (
        <ClassTable
          view={view}
          rows={rows}
          sort={sort}
          onSort={setSort}
          workshopId={workshopId}
          outcome={outcome}
        />
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
  outcome,
}: {
  view: ClassView;
  rows: ClassRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  workshopId: string;
  outcome: (row: ClassRow) => string;
}) {
  const t = useTranslations("debrief.class");
  const figures = useFigures();
  const concluded = view.tables.filter((t) => t.concluded).length;
  const agreed = view.tables.filter((t) => t.dealSource === "agreed" && t.concluded).length;
  const columns: { key: SortKey; label: string }[] = [
    { key: "table", label: t("columnTable") },
    { key: "outcome", label: t("columnOutcome") },
    { key: "rounds", label: t("columnRounds") },
    ...view.roles.map((role) => ({ key: `score:${role.id}` as SortKey, label: role.name })),
    { key: "nash", label: t("columnNash") },
    { key: "refusals", label: t("columnRefusals") },
  ];
  const sortedBy = columns.find((c) => c.key === sort.key)?.label ?? t("sortFallback");
  return (
    <section aria-labelledby="class-heading" className={styles.section}>
      <h2 id="class-heading">{t("heading", { concluded, total: view.tables.length, agreed })}</h2>
      <p>{t("intro")}</p>
      <p className="visually-hidden" role="status">
        {t("sorted", { column: sortedBy, direction: sort.direction })}
      </p>
      {/* On a phone the table stacks and its headings go: the same sort, as a choice. */}
      <div className={`${styles.controls} ${styles.phoneOnly}`}>
        <div>
          <label htmlFor="class-sort">{t("sortBy")}</label>
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
                  {t("sortOption", { column: column.label, direction })}
                </option>
              )),
            )}
          </select>
        </div>
      </div>
      <Scroller label={t("figures")}>
        <table
          className={`${styles.figures} ${styles.classTable} ${styles.stacking}`}
          data-testid="class-table"
        >
          <caption className={styles.caption}>{t("caption")}</caption>
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
              <th scope="col">{t("columnDebrief")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.tableId} data-table={row.table}>
                <th scope="row">
                  <span className={styles.phoneOnly}>{t("columnTable")} </span>
                  {row.table}
                </th>
                <td data-label={t("columnOutcome")}>
                  {outcome(row)}
                  {row.dealSource && (
                    <span className={styles.sub}>
                      {" "}
                      {t("version", { source: row.dealSource, version: row.version ?? "" })}
                    </span>
                  )}
                </td>
                <td data-label={t("columnRounds")}>{row.rounds}</td>
                {view.roles.map((role) => {
                  const score = row.scores[role.id];
                  const gain = row.gains[role.id];
                  return (
                    <td key={role.id} data-role={role.id} data-label={role.name}>
                      {score === null || score === undefined ? (
                        <span className={styles.sub}>
                          {row.phase === "negotiating" ? t("inPlay") : t("notStarted")}
                        </span>
                      ) : (
                        <>
                          {figures.points(score)}
                          {gain !== null && gain !== undefined && (
                            <span className={styles.sub}> ({figures.gain(gain)})</span>
                          )}
                        </>
                      )}
                    </td>
                  );
                })}
                <td data-label={t("columnNash")}>
                  {row.distanceToNash === null ? "—" : figures.points(row.distanceToNash)}
                </td>
                <td data-label={t("columnRefusals")}>{row.redLineRefusals}</td>
                <td data-label={t("columnDebrief")}>
                  <a href={`/debrief/${row.tableId}?workshop=${workshopId}`}>
                    {t.rich("debriefLink", {
                      table: row.table,
                      hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                    })}
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
