"use client";
// The single negotiating text: every issue with the option on the table, the option in the live
// draft, and who changed it last. On the seat's own turn the draft column is a select per issue;
// each option says what it scores for the seat and which of its red lines it would break.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import {
  currentVersion,
  type Issue,
  lastChanges,
  optionLabel,
  optionViolations,
  seatName,
} from "./derive.ts";
import { useTableFormat } from "./format.ts";
import { ReplyNote } from "./ReplyNote.tsx";
import styles from "./table.module.css";

type Props = {
  view: TableView;
  editable: boolean;
  /** Without it the sheet only shows the moment (a replay): no editing, no "changes live" note. */
  act?(command: { type: string } & Record<string, unknown>): Promise<CommandReply>;
};

const open = "";

export function TermSheet({ view, editable, act }: Props) {
  const t = useTranslations("table.sheet");
  const current = currentVersion(view);
  const changes = lastChanges(view);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.sheetSection}>
      <h2 id={headingId}>
        {t("heading")}{" "}
        <span className={styles.sheetSub}>
          {current ? t("onTableVersion", { version: current.number }) : t("nothingTabled")}
          {view.phase === "negotiating" && act && ` · ${editable ? t("editing") : t("live")}`}
        </span>
      </h2>
      <div className={styles.sheetHeader} aria-hidden="true" data-testid="sheet-header">
        <span>{t("issue")}</span>
        <span>{current ? t("headerOnTableVersion", { version: current.number }) : t("onTable")}</span>
        <span>{t("draft")}</span>
      </div>
      <ol className={styles.sheet}>
        {view.issues.map((issue) => {
          const change = changes[issue.id];
          const onTable = current?.package[issue.id];
          const inDraft = view.draft[issue.id];
          const changed = view.phase === "negotiating" && inDraft !== onTable;
          return (
            <li key={issue.id} className={styles.sheetRow} data-changed={changed}>
              <h3 className={styles.issueName}>{issue.name}</h3>
              <dl className={styles.sheetCells}>
                <div>
                  <dt>{current ? t("onTableShort", { version: current.number }) : t("onTable")}</dt>
                  <dd>{optionLabel(view, issue.id, onTable) ?? t("open")}</dd>
                </div>
                <div data-cell="draft">
                  <dt>{t("draft")}</dt>
                  <dd>
                    {editable && act ? (
                      <DraftSelect view={view} issue={issue} act={act} />
                    ) : (
                      (optionLabel(view, issue.id, inDraft) ?? t("open"))
                    )}
                    {changed && <span className={styles.changedMark}> ✎ {t("changed")}</span>}
                  </dd>
                </div>
                <div>
                  <dt>{t("lastChangedBy")}</dt>
                  <dd>
                    <span className={styles.wideOnly} aria-hidden="true">
                      {t("by")}{" "}
                    </span>
                    {change
                      ? change.version === null
                        ? t("changedInDraft", { seat: seatName(view, change.seat) })
                        : t("changedInVersion", {
                            seat: seatName(view, change.seat),
                            version: change.version,
                          })
                      : "—"}
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function DraftSelect({
  view,
  issue,
  act,
}: {
  view: TableView;
  issue: Issue;
  act: NonNullable<Props["act"]>;
}) {
  const t = useTranslations("table.sheet");
  const { points, quoted } = useTableFormat();
  const id = useId();
  const problemId = useId();
  const me = view.me;
  const inDraft = view.draft[issue.id];
  // The option chosen here until the server answers: the select shows it, marked busy. The server
  // sends the view with the change before its answer, so the settled select shows the server's
  // draft. Only the latest choice settles it: an earlier one's answer may come while it waits.
  const [pending, setPending] = useState<string | null>(null);
  const [reply, setReply] = useState<CommandReply | null>(null);
  const latest = useRef(0);
  async function choose(option: string) {
    const choice = ++latest.current;
    setPending(option);
    setReply(null);
    const answer = await act(
      option === open
        ? { type: "clear-option", issue: issue.id }
        : { type: "set-option", issue: issue.id, option },
    );
    if (choice !== latest.current) return;
    setPending(null);
    if (answer.kind !== "done") setReply(answer);
  }
  const breaks = optionViolations(view, issue.id, inDraft);
  const weight = me?.weights[issue.id] ?? 0;
  const scores = me?.scores[issue.id] ?? {};
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t("select.label", { issue: issue.name })}
      </label>
      <select
        id={id}
        className={styles.select}
        value={pending ?? inDraft ?? open}
        aria-busy={pending !== null}
        aria-describedby={reply ? problemId : undefined}
        onChange={(e) => void choose(e.target.value)}
      >
        <option value={open}>{t("select.open")}</option>
        {issue.options.map((o) => {
          const broken = optionViolations(view, issue.id, o.id).length > 0;
          const scored = { option: o.label, points: points((weight * (scores[o.id] ?? 0)) / 100) };
          return (
            <option key={o.id} value={o.id}>
              {me
                ? t(broken ? "select.optionScoredBroken" : "select.optionScored", scored)
                : broken
                  ? t("select.optionBroken", { option: o.label })
                  : o.label}
            </option>
          );
        })}
      </select>
      {breaks.length > 0 && (
        <span className={styles.rowWarning}>
          <span aria-hidden="true">✖ </span>
          {t("select.breaks", { count: breaks.length, titles: quoted(breaks) })}
        </span>
      )}
      <ReplyNote view={view} reply={reply} id={problemId} />
    </>
  );
}
