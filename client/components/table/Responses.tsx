"use client";
// Where every seat stands on the version on the table (accepted, objected with issues and a note,
// or no answer yet) and, for a seat, accepting it or objecting to it. A version the seat's own
// red lines forbid is flagged, but the server is the one that refuses.
import { type TableView, tableLimits } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { currentVersion, seatName } from "./derive.ts";
import { useTableFormat } from "./format.ts";
import { ReplyNote } from "./ReplyNote.tsx";
import styles from "./table.module.css";
import { ViolationList } from "./Violations.tsx";

type Act = (command: { type: string } & Record<string, unknown>) => Promise<CommandReply>;

type Props = {
  view: TableView;
  /** Without it the stances are only shown (a replay): no accepting or objecting. */
  act?: Act;
};

export function Responses({ view, act }: Props) {
  const t = useTranslations("table");
  const { names } = useTableFormat();
  const headingId = useId();
  const current = currentVersion(view);
  if (!current) {
    return (
      <section aria-labelledby={headingId} className={styles.panel}>
        <h2 id={headingId}>{t("responses.heading")}</h2>
        <p className="muted">{t("responses.none")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <h2 id={headingId}>{t("responses.headingVersion", { version: current.number })}</h2>
      <ul className={styles.stanceList}>
        {view.seats.map((seat) => {
          const accepted = current.acceptedBy.includes(seat.role);
          const objection = current.objections.find((o) => o.seat === seat.role);
          return (
            <li key={seat.role} data-stance={accepted ? "accepted" : objection ? "objected" : "none"}>
              <RoleFlag role={seat.role} name={seat.name} /> <strong>{seatName(view, seat.role)}</strong>
              {seat.role === view.me?.role && ` ${t("you")}`}:{" "}
              {accepted ? (
                <span className={styles.accepted}>✓ {t("responses.accepted")}</span>
              ) : objection ? (
                <span className={styles.objected}>
                  ✗{" "}
                  {t("responses.objected", {
                    issues: names(
                      objection.issues.map((id) => view.issues.find((i) => i.id === id)?.name ?? id),
                    ),
                    hasIssues: objection.issues.length > 0 ? "yes" : "no",
                  })}
                  {objection.note && t("responses.note", { note: objection.note })}
                </span>
              ) : (
                <span className="muted">{t("responses.noAnswer")}</span>
              )}
            </li>
          );
        })}
      </ul>
      {view.me && view.phase === "negotiating" && act && <MyResponse view={view} act={act} />}
    </section>
  );
}

function MyResponse({ view, act }: { view: TableView; act: Act }) {
  const t = useTranslations("table.responses");
  const { points, signedPoints } = useTableFormat();
  const me = view.me;
  const current = currentVersion(view);
  const [reply, setReply] = useState<{
    action: "accept" | "object";
    version: number;
    reply: CommandReply;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [objecting, setObjecting] = useState(false);
  if (!me || !current) return null;
  const mine = me.versions.find((v) => v.number === current.number);
  const accepted = current.acceptedBy.includes(me.role);
  async function accept() {
    if (!current) return;
    setBusy(true);
    setReply(null);
    const answer = await act({ type: "accept", version: current.number });
    setBusy(false);
    setReply({ action: "accept", version: current.number, reply: answer });
  }
  return (
    <div className={styles.myResponse}>
      {mine && (
        <p>
          {t.rich("worth", {
            version: current.number,
            score: points(mine.utility),
            gain: signedPoints(mine.gain),
            batna: points(me.batna),
            complete: current.complete ? "yes" : "no",
            b: (text: ReactNode) => <strong>{text}</strong>,
          })}
        </p>
      )}
      {mine && mine.violations.length > 0 && (
        <ViolationList view={view} violations={mine.violations} lead="accept" />
      )}
      <div className={styles.actionRow}>
        <button type="button" disabled={busy || accepted} onClick={() => void accept()}>
          {!accepted
            ? t("accept", { version: current.number })
            : current.tabledBy === me.role
              ? t("tabledByYou", { version: current.number })
              : t("acceptedByYou", { version: current.number })}
        </button>
        <button
          type="button"
          className={styles.secondary}
          aria-expanded={objecting}
          onClick={() => setObjecting((o) => !o)}
        >
          {objecting ? t("cancelObjection") : t("object", { version: current.number })}
        </button>
      </div>
      {reply?.action === "accept" && reply.version === current.number && (
        <ReplyNote view={view} reply={reply.reply} />
      )}
      {objecting && (
        <ObjectionForm
          view={view}
          version={current.number}
          act={act}
          onDone={(answer) => {
            setReply({ action: "object", version: current.number, reply: answer });
            if (answer.kind === "done") setObjecting(false);
          }}
        />
      )}
      {reply?.action === "object" && reply.version === current.number && (
        <ReplyNote view={view} reply={reply.reply} />
      )}
    </div>
  );
}

function ObjectionForm({
  view,
  version,
  act,
  onDone,
}: {
  view: TableView;
  version: number;
  act: Act;
  onDone(answer: CommandReply): void;
}) {
  const t = useTranslations("table.responses");
  const noteId = useId();
  const [issues, setIssues] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await act({ type: "object", version, issues, note: note.trim() });
    setBusy(false);
    onDone(answer);
  }
  return (
    <form className={styles.objection} onSubmit={submit}>
      <fieldset>
        <legend>{t("objectionIssues")}</legend>
        <div className={styles.checkGrid}>
          {view.issues.map((issue) => (
            <label key={issue.id} className={styles.check}>
              <input
                type="checkbox"
                checked={issues.includes(issue.id)}
                onChange={(e) =>
                  setIssues((list) =>
                    e.target.checked ? [...list, issue.id] : list.filter((id) => id !== issue.id),
                  )
                }
              />
              {issue.name}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={noteId}>{t("objectionNote")}</label>
      <textarea
        id={noteId}
        rows={2}
        maxLength={tableLimits.note}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        {busy ? t("sending") : t("sendObjection", { version })}
      </button>
    </form>
  );
}
