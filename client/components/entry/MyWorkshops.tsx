"use client";
// The landing page's "Your workshops": every workshop this browser holds the instructor key of
// (created here, or opened here with its instructor link), newest first, with what the server
// says about it now: when it was created, its tables, where their talks stand, and the way back to
// its console. The list lives in this browser only; its keys go to this server, as the console's do.
// Nothing of it is in the page's first view: what reads the browser's storage (workshopsHere.ts,
// checked with zod) loads once the page is up.
import type { InstructorOverview } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useEffect, useState } from "react";
import { workshopOverview } from "../../lib/api.ts";
import type { StoredWorkshop } from "../../lib/workshopsHere.ts";
import styles from "./entry.module.css";

const kept = () => import("../../lib/workshopsHere.ts");

type Answer =
  | { kind: "asking" }
  | { kind: "known"; overview: InstructorOverview }
  /** The server does not know the workshop, or the key no longer opens it. */
  | { kind: "unknown"; message: string }
  | { kind: "unreachable"; message: string };

type Row = { workshopId: string; stored: StoredWorkshop | null; answer: Answer };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Where a workshop's talks stand, in words: a short status and, while running, the detail. */
export function workshopStatus(tables: InstructorOverview["tables"]): { status: string; detail: string } {
  const count = (progress: string) => tables.filter((table) => table.progress === progress).length;
  const notStarted = count("not-started");
  const running = count("running");
  const over = count("over");
  if (tables.length > 0 && over === tables.length) {
    return {
      status: "Finished",
      detail: tables.length === 1 ? "the talks are over" : "the talks are over at every table",
    };
  }
  if (running === 0 && over === 0) return { status: "Not started", detail: "no table has started yet" };
  const parts = [
    running > 0 ? `${plural(running, "table", "tables")} talking` : null,
    over > 0 ? `${over} finished` : null,
    notStarted > 0 ? `${notStarted} not started` : null,
  ].filter((part): part is string => part !== null);
  return { status: "Running", detail: parts.join(", ") };
}

function when(row: Row): number | null {
  if (row.answer.kind === "known") return Date.parse(row.answer.overview.createdAt);
  return row.stored?.createdAt ?? null;
}

function dateText(epochMs: number | null): string {
  if (epochMs === null || Number.isNaN(epochMs)) return "unknown";
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function title(row: Row): string {
  const known = row.answer.kind === "known" ? row.answer.overview.scenario : null;
  const scenario = known?.title ?? row.stored?.scenarioTitle ?? "";
  const variant = known?.variant ?? row.stored?.variantName ?? "";
  if (!scenario) return "A workshop";
  return variant ? `${scenario} · ${variant}` : scenario;
}

export function MyWorkshops() {
  // null until this browser's storage is read (it exists only in the browser).
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    let live = true;
    function ask(here: { workshopId: string; key: string; stored: StoredWorkshop | null }[]) {
      setRows(here.map(({ workshopId, stored }) => ({ workshopId, stored, answer: { kind: "asking" } })));
      for (const { workshopId, key } of here) {
        void workshopOverview(workshopId, key).then((result) => {
          if (!live) return;
          const answer: Answer = result.ok
            ? { kind: "known", overview: result.value }
            : result.status === 403 || result.status === 404
              ? { kind: "unknown", message: result.message }
              : { kind: "unreachable", message: result.message };
          setRows((previous) =>
            previous
              ? previous.map((row) => (row.workshopId === workshopId ? { ...row, answer } : row))
              : previous,
          );
        });
      }
    }
    void kept()
      .then(({ workshopsHere }) => {
        if (live) ask(workshopsHere());
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  if (!rows || rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => (when(b) ?? 0) - (when(a) ?? 0));

  function forget(workshopId: string) {
    // Loaded with the list, so this is at hand.
    void kept()
      .then(({ forgetWorkshop }) => {
        forgetWorkshop(workshopId);
        setRows((previous) => previous?.filter((row) => row.workshopId !== workshopId) ?? null);
      })
      .catch(() => {});
  }

  return (
    <section aria-labelledby="mine-heading" className="card">
      <h2 id="mine-heading">Your workshops</h2>
      <p className={styles.hint}>
        The workshops this browser created or opened with an instructor link, newest first. Only this browser
        lists them: keep each instructor link too.
      </p>
      <ul className={styles.workshops}>
        {sorted.map((row) => {
          const { answer } = row;
          const code = answer.kind === "known" ? answer.overview.joinCode : row.stored?.created.joinCode;
          const tables =
            answer.kind === "known" ? answer.overview.tables.length : row.stored?.created.settings.tables;
          const status =
            answer.kind === "known"
              ? workshopStatus(answer.overview.tables)
              : answer.kind === "asking"
                ? { status: "Checking…", detail: "" }
                : answer.kind === "unknown"
                  ? { status: "Not on this server", detail: answer.message }
                  : { status: "Unknown for now", detail: answer.message };
          const which = code ? `workshop ${code}` : "this workshop";
          return (
            <li key={row.workshopId} className={styles.workshop} data-testid="my-workshop">
              <h3 className={styles.workshopTitle}>{title(row)}</h3>
              <dl className={styles.facts}>
                <div>
                  <dt>Created</dt>
                  <dd>{dateText(when(row))}</dd>
                </div>
                <div>
                  <dt>Tables</dt>
                  <dd>{tables ?? "unknown"}</dd>
                </div>
                {code ? (
                  <div>
                    <dt>Join code</dt>
                    <dd className={styles.codeInline}>{code}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>Status</dt>
                  <dd>
                    <strong>{status.status}</strong>
                    {status.detail ? `: ${status.detail}` : ""}
                  </dd>
                </div>
              </dl>
              {answer.kind === "unknown" ? (
                <button type="button" className={styles.secondary} onClick={() => forget(row.workshopId)}>
                  Remove from this list<span className="visually-hidden"> ({which})</span>
                </button>
              ) : (
                <div className={styles.actions}>
                  <Link className="button" href={`/instructor/${row.workshopId}`}>
                    Open the console<span className="visually-hidden"> of {which}</span>
                  </Link>
                  <Link className={`button ${styles.secondary}`} href={`/instructor/${row.workshopId}/join`}>
                    Join screen<span className="visually-hidden"> of {which}</span>
                  </Link>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
