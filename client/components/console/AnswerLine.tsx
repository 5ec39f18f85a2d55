// What became of the last command sent to a table: done, or the sentence saying why not. Always
// rendered (with a placeholder) so a tile keeps its height when an answer arrives.
import styles from "./Controls.module.css";
import type { TableAnswer } from "./useCommandAnswers.ts";

const look: Record<TableAnswer["kind"], { icon: string; word: string }> = {
  pending: { icon: "…", word: "sending" },
  done: { icon: "✓", word: "done" },
  refused: { icon: "✕", word: "refused" },
  error: { icon: "⚠", word: "failed" },
};

export function AnswerLine({ answer, live = false }: { answer: TableAnswer | undefined; live?: boolean }) {
  return (
    <p
      className={styles.answer}
      data-kind={answer?.kind ?? "none"}
      role={live ? "status" : undefined}
      aria-live={live ? "polite" : undefined}
    >
      {answer ? (
        <>
          <span aria-hidden="true" className={styles.answerIcon}>
            {look[answer.kind].icon}
          </span>{" "}
          <span>
            <strong>
              {answer.label}: {look[answer.kind].word}.
            </strong>{" "}
            {answer.kind === "done" ? "" : answer.kind === "pending" ? "" : answer.message}
          </span>
        </>
      ) : (
        <span className={styles.quiet}>No command sent from this console yet.</span>
      )}
    </p>
  );
}
