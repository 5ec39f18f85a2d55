"use client";
// The landing page's "Your workshops": every workshop this browser holds the instructor key of
// (created here, or opened here with its instructor link), newest first, with what the server
// says about it now: when it was created, its tables, where their talks stand, and the way back to
// its console. The list lives in this browser only; its keys go to this server, as the console's do.
// Nothing of it is in the page's first view: what reads the browser's storage (workshopsHere.ts,
// checked with zod) loads once the page is up. The scenario's and variant's titles come from the
// server in the reader's language (asked again when the reader switches it); a workshop the server
// does not answer for is named as this browser kept it when it was created.
import type { InstructorOverview } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { workshopOverview } from "../../lib/api.ts";
import type { ApiProblem } from "../../lib/serverErrors.ts";
import type { StoredWorkshop } from "../../lib/workshopsHere.ts";
import styles from "./entry.module.css";
import { useProblemText } from "./useProblemText.ts";

const kept = () => import("../../lib/workshopsHere.ts");

type Answer =
  | { kind: "asking" }
  | { kind: "known"; overview: InstructorOverview }
  /** The server does not know the workshop, or the key no longer opens it. */
  | { kind: "unknown"; problem: Problem }
  | { kind: "unreachable"; problem: Problem };

/** A failed look-up, as lib/api.ts answers it: said by useProblemText. */
type Problem = ApiProblem;

type Row = { workshopId: string; stored: StoredWorkshop | null; answer: Answer };

/**
 * Where a workshop's talks stand: finished (at its one table, or at every table), not started,
 * or running, with how many tables are talking, finished and not started. Said by the list.
 */
export type WorkshopStatus =
  | { kind: "finished"; tables: number }
  | { kind: "not-started" }
  | { kind: "running"; running: number; over: number; notStarted: number };

export function workshopStatus(tables: InstructorOverview["tables"]): WorkshopStatus {
  const count = (progress: string) => tables.filter((table) => table.progress === progress).length;
  const notStarted = count("not-started");
  const running = count("running");
  const over = count("over");
  if (tables.length > 0 && over === tables.length) return { kind: "finished", tables: tables.length };
  if (running === 0 && over === 0) return { kind: "not-started" };
  return { kind: "running", running, over, notStarted };
}

function when(row: Row): number | null {
  if (row.answer.kind === "known") return Date.parse(row.answer.overview.createdAt);
  return row.stored?.createdAt ?? null;
}

/**
 * The scenario and variant of a workshop, or null when neither the server nor this browser says;
 * `missing` when the server says the workshop's scenario is no longer there.
 */
function title(row: Row, missing: string): string | null {
  if (row.answer.kind === "known" && row.answer.overview.scenarioMissing) return missing;
  const known = row.answer.kind === "known" ? row.answer.overview.scenario : null;
  const scenario = known?.title ?? row.stored?.scenarioTitle ?? "";
  const variant = known?.variant ?? row.stored?.variantName ?? "";
  if (!scenario) return null;
  return variant ? `${scenario} · ${variant}` : scenario;
}

export function MyWorkshops() {
  const t = useTranslations("entry.mine");
  const format = useFormatter();
  const locale = useLocale();
  const problemText = useProblemText();
  // null until this browser's storage is read (it exists only in the browser).
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    let live = true;
    function ask(here: { workshopId: string; key: string; stored: StoredWorkshop | null }[]) {
      // Asked again in another language: what is known stays shown until the new answer comes.
      setRows((previous) =>
        here.map(({ workshopId, stored }) => ({
          workshopId,
          stored,
          answer: previous?.find((row) => row.workshopId === workshopId)?.answer ?? { kind: "asking" },
        })),
      );
      for (const { workshopId, key } of here) {
        void workshopOverview(workshopId, key, locale).then((result) => {
          if (!live) return;
          const answer: Answer = result.ok
            ? { kind: "known", overview: result.value }
            : result.status === 403 || result.status === 404
              ? { kind: "unknown", problem: result }
              : { kind: "unreachable", problem: result };
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
  }, [locale]);

  if (!rows || rows.length === 0) return null;

  function dateText(epochMs: number | null): string {
    if (epochMs === null || Number.isNaN(epochMs)) return t("unknown");
    return format.dateTime(new Date(epochMs), { dateStyle: "medium", timeStyle: "short" });
  }

  /** A short status and, while running, the detail. */
  function statusText(status: WorkshopStatus): { status: string; detail: string } {
    if (status.kind === "finished") {
      return { status: t("finished"), detail: status.tables === 1 ? t("overOne") : t("overEvery") };
    }
    if (status.kind === "not-started") return { status: t("notStarted"), detail: t("noneStarted") };
    const parts = [
      status.running > 0 ? t("talking", { count: status.running }) : null,
      status.over > 0 ? t("finishedCount", { count: status.over }) : null,
      status.notStarted > 0 ? t("notStartedCount", { count: status.notStarted }) : null,
    ].filter((part): part is string => part !== null);
    return { status: t("running"), detail: parts.join(", ") };
  }
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
      <h2 id="mine-heading">{t("heading")}</h2>
      <p className={styles.hint}>{t("hint")}</p>
      <ul className={styles.workshops}>
        {sorted.map((row) => {
          const { answer } = row;
          const code = answer.kind === "known" ? answer.overview.joinCode : row.stored?.created.joinCode;
          const tables =
            answer.kind === "known" ? answer.overview.tables.length : row.stored?.created.settings.tables;
          const status =
            answer.kind === "known"
              ? statusText(workshopStatus(answer.overview.tables))
              : answer.kind === "asking"
                ? { status: t("checking"), detail: "" }
                : answer.kind === "unknown"
                  ? { status: t("notOnServer"), detail: problemText(answer.problem) }
                  : { status: t("unknownForNow"), detail: problemText(answer.problem) };
          return (
            <li key={row.workshopId} className={styles.workshop} data-testid="my-workshop">
              <h3 className={styles.workshopTitle}>{title(row, t("scenarioMissing")) ?? t("untitled")}</h3>
              <dl className={styles.facts}>
                <div>
                  <dt>{t("created")}</dt>
                  <dd>{dateText(when(row))}</dd>
                </div>
                <div>
                  <dt>{t("tables")}</dt>
                  <dd>{tables ?? t("unknown")}</dd>
                </div>
                {code ? (
                  <div>
                    <dt>{t("joinCode")}</dt>
                    <dd className={styles.codeInline}>{code}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t("status")}</dt>
                  <dd>
                    <strong>{status.status}</strong>
                    {status.detail ? `: ${status.detail}` : ""}
                  </dd>
                </div>
              </dl>
              {answer.kind === "unknown" ? (
                <button type="button" className={styles.secondary} onClick={() => forget(row.workshopId)}>
                  {t("remove")}
                  <span className="visually-hidden">
                    {code ? t("removeWhich", { code }) : t("removeThis")}
                  </span>
                </button>
              ) : (
                <div className={styles.actions}>
                  <Link className="button" href={`/instructor/${row.workshopId}`}>
                    {t("openConsole")}
                    <span className="visually-hidden">{code ? t("ofWhich", { code }) : t("ofThis")}</span>
                  </Link>
                  <Link className={`button ${styles.secondary}`} href={`/instructor/${row.workshopId}/join`}>
                    {t("joinScreen")}
                    <span className="visually-hidden">{code ? t("ofWhich", { code }) : t("ofThis")}</span>
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
