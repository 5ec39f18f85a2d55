"use client";
// Under the term sheet: the live red-line check of the draft (from the seat's own view, which the
// server recomputes on every change), and on the seat's turn the buttons to table the draft or
// pass, each with the server's answer next to it. The check warns; the server decides, so
// tabling stays possible and a refusal is shown the same way.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import { currentVersion } from "./derive.ts";
import { useTableFormat } from "./format.ts";
import { ReplyNote } from "./ReplyNote.tsx";
import styles from "./table.module.css";
import { ViolationList } from "./Violations.tsx";

type Props = {
  view: TableView;
  myTurn: boolean;
  act(command: { type: string } & Record<string, unknown>): Promise<CommandReply>;
};

export function DraftActions({ view, myTurn, act }: Props) {
  const t = useTranslations("table.draft");
  const { points } = useTableFormat();
  const me = view.me;
  const [busy, setBusy] = useState<"table" | "pass" | null>(null);
  const [reply, setReply] = useState<{ about: string | null; reply: CommandReply } | null>(null);
  // An answer is about the draft the server judged: once the draft or the turn moves on, it is
  // gone. That is the draft as the view shows it when the answer comes, not when the button was
  // pressed: an option chosen just before may still have been on its way, and the server sends
  // its view before answering the next command. So the answer is pinned to the first render that
  // shows it, which has every view that came before it.
  const about = JSON.stringify([view.turn?.round, view.turn?.seat, view.draft]);
  if (reply?.about === null) setReply({ ...reply, about });
  if (!me) return null;
  const violations = me.draft.violations;
  const next = (currentVersion(view)?.number ?? 0) + 1;
  async function run(action: "table" | "pass") {
    setBusy(action);
    setReply(null);
    const answer = await act({ type: action === "table" ? "table-draft" : "pass" });
    setBusy(null);
    setReply({ about: null, reply: answer });
  }
  return (
    <section className={styles.draftActions} aria-label={t("label")}>
      <div className={styles.liveCheck} aria-live="polite">
        {violations.length === 0 ? (
          <p className={styles.ok}>
            <span aria-hidden="true">✓ </span>
            {t("ok")}
            <span className="muted">
              {" "}
              {t("score", { score: points(me.draft.utility), batna: points(me.batna) })}
            </span>
          </p>
        ) : (
          <>
            <p className={styles.warn}>
              {t("breaks", { myTurn: myTurn ? "yes" : "no", count: violations.length })}
            </p>
            <ViolationList view={view} violations={violations} lead="draft" />
          </>
        )}
      </div>
      {myTurn && (
        <>
          <div className={styles.actionRow}>
            <button type="button" disabled={busy !== null} onClick={() => void run("table")}>
              {busy === "table" ? t("tabling") : t("table", { version: next })}
            </button>
            <button
              type="button"
              className={styles.secondary}
              disabled={busy !== null}
              onClick={() => void run("pass")}
            >
              {busy === "pass" ? t("passing") : t("pass")}
            </button>
          </div>
          <p className="muted">{t("acceptance")}</p>
          {reply && (reply.about ?? about) === about && <ReplyNote view={view} reply={reply.reply} />}
        </>
      )}
    </section>
  );
}
