// What became of the last command sent to a table: done, or the sentence saying why not. Always
// rendered (with a placeholder) so a tile keeps its height when an answer arrives.
import { useTranslations } from "next-intl";
import styles from "./Controls.module.css";
import type { TableAnswer } from "./useCommandAnswers.ts";

const icon: Record<TableAnswer["kind"], string> = {
  pending: "…",
  done: "✓",
  refused: "✕",
  error: "⚠",
};

const line = {
  pending: "answer.pending",
  done: "answer.doneLine",
  refused: "answer.refused",
  error: "answer.failed",
} as const;

export function AnswerLine({ answer, live = false }: { answer: TableAnswer | undefined; live?: boolean }) {
  const t = useTranslations("console");
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
            {icon[answer.kind]}
          </span>{" "}
          <span>
            <strong>{t(line[answer.kind], { label: answer.label })}</strong>{" "}
            {answer.kind === "done" ? "" : answer.kind === "pending" ? "" : answer.message}
          </span>
        </>
      ) : (
        <span className={styles.quiet}>{t("answer.none")}</span>
      )}
    </p>
  );
}
