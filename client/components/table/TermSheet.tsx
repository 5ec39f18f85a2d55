"use client";
// The single negotiating text: every issue with the option on the table, the option in the live
// draft, and who changed it last. On the seat's own turn the draft column is a select per issue;
// each option says what it scores for the seat and which of its red lines it would break.
import { quoted } from "@red-lines/shared/client";
import type { TableView } from "@red-lines/shared/protocol";
import { useId, useRef, useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import {
  currentVersion,
  type Issue,
  lastChanges,
  optionLabel,
  optionViolations,
  points,
  seatName,
} from "./derive.ts";
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
  const current = currentVersion(view);
  const changes = lastChanges(view);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.sheetSection}>
      <h2 id={headingId}>
        Term sheet{" "}
        <span className={styles.sheetSub}>
          {current ? `version ${current.number} on the table` : "nothing tabled yet"}
          {view.phase === "negotiating" &&
            act &&
            (editable ? " · you are editing the draft" : " · the draft changes live")}
        </span>
      </h2>
      <div className={styles.sheetHeader} aria-hidden="true" data-testid="sheet-header">
        <span>Issue</span>
        <span>{current ? `On the table (v${current.number}) · last changed by` : "On the table"}</span>
        <span>Draft</span>
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
                  <dt>{current ? `On the table (v${current.number})` : "On the table"}</dt>
                  <dd>{optionLabel(view, issue.id, onTable)}</dd>
                </div>
                <div data-cell="draft">
                  <dt>Draft</dt>
                  <dd>
                    {editable && act ? (
                      <DraftSelect view={view} issue={issue} act={act} />
                    ) : (
                      optionLabel(view, issue.id, inDraft)
                    )}
                    {changed && <span className={styles.changedMark}> ✎ changed</span>}
                  </dd>
                </div>
                <div>
                  <dt>Last changed by</dt>
                  <dd>
                    <span className={styles.wideOnly} aria-hidden="true">
                      by{" "}
                    </span>
                    {change
                      ? `${seatName(view, change.seat)}${change.version === null ? " (draft)" : ` (v${change.version})`}`
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
        Draft option for {issue.name}
      </label>
      <select
        id={id}
        className={styles.select}
        value={pending ?? inDraft ?? open}
        aria-busy={pending !== null}
        aria-describedby={reply ? problemId : undefined}
        onChange={(e) => void choose(e.target.value)}
      >
        <option value={open}>— open —</option>
        {issue.options.map((o) => {
          const broken = optionViolations(view, issue.id, o.id);
          const score = me ? ` (${points((weight * (scores[o.id] ?? 0)) / 100)} pts)` : "";
          const warning = broken.length > 0 ? " — breaks your red line" : "";
          return (
            <option key={o.id} value={o.id}>
              {`${o.label}${score}${warning}`}
            </option>
          );
        })}
      </select>
      {breaks.length > 0 && (
        <span className={styles.rowWarning}>
          <span aria-hidden="true">✖ </span>breaks your {breaks.length === 1 ? "red line" : "red lines"}{" "}
          {quoted(breaks)}
        </span>
      )}
      <ReplyNote view={view} reply={reply} id={problemId} />
    </>
  );
}
