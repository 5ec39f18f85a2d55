"use client";
// Walking out ends the talks for everyone, so it takes a second, explicit confirmation.
import { type TableView, tableLimits } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useRef, useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import { ReplyNote } from "./ReplyNote.tsx";
import styles from "./table.module.css";

type Props = {
  view: TableView;
  act(command: { type: string } & Record<string, unknown>): Promise<CommandReply>;
};

export function WalkOut({ view, act }: Props) {
  const t = useTranslations("table.walkOut");
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<CommandReply | null>(null);
  const noteId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  async function walkOut() {
    setBusy(true);
    const trimmed = note.trim();
    const answer = await act(trimmed ? { type: "walk-out", note: trimmed } : { type: "walk-out" });
    setBusy(false);
    setReply(answer);
  }
  return (
    <section className={styles.walkOut} aria-label={t("label")}>
      <button
        ref={opener}
        type="button"
        className={styles.secondary}
        aria-expanded={confirming}
        onClick={() => setConfirming((c) => !c)}
      >
        {t("open")}
      </button>
      {confirming && (
        <fieldset className={styles.confirm}>
          <legend className="visually-hidden">{t("legend")}</legend>
          <p>{t.rich("warning", { b: (text: ReactNode) => <strong>{text}</strong> })}</p>
          <label htmlFor={noteId}>{t("note")}</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={tableLimits.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className={styles.actionRow}>
            <button type="button" className={styles.danger} disabled={busy} onClick={() => void walkOut()}>
              {busy ? t("walking") : t("confirm")}
            </button>
            <button
              type="button"
              className={styles.secondary}
              onClick={() => {
                setConfirming(false);
                opener.current?.focus();
              }}
            >
              {t("stay")}
            </button>
          </div>
          <ReplyNote view={view} reply={reply} />
        </fieldset>
      )}
    </section>
  );
}
