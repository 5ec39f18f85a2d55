"use client";
// Walking out ends the talks for everyone, so it takes a second, explicit confirmation.
import { type TableView, tableLimits } from "@red-lines/shared/protocol";
import { useId, useRef, useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import { ReplyNote } from "./ReplyNote.tsx";
import styles from "./table.module.css";

type Props = {
  view: TableView;
  act(command: { type: string } & Record<string, unknown>): Promise<CommandReply>;
};

export function WalkOut({ view, act }: Props) {
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
    <section className={styles.walkOut} aria-label="Walk out">
      <button
        ref={opener}
        type="button"
        className={styles.secondary}
        aria-expanded={confirming}
        onClick={() => setConfirming((c) => !c)}
      >
        Walk out…
      </button>
      {confirming && (
        <fieldset className={styles.confirm}>
          <legend className="visually-hidden">Confirm walking out</legend>
          <p>
            <strong>Walk out of the talks?</strong> This ends the negotiation for everyone at the table,
            without an agreement: every party is left with its no-deal value. It cannot be undone.
          </p>
          <label htmlFor={noteId}>Why you are leaving (optional, everyone reads it)</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={tableLimits.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className={styles.actionRow}>
            <button type="button" className={styles.danger} disabled={busy} onClick={() => void walkOut()}>
              {busy ? "Walking out…" : "Yes, walk out"}
            </button>
            <button
              type="button"
              className={styles.secondary}
              onClick={() => {
                setConfirming(false);
                opener.current?.focus();
              }}
            >
              No, stay at the table
            </button>
          </div>
          <ReplyNote view={view} reply={reply} />
        </fieldset>
      )}
    </section>
  );
}
