// Questions for the instructor to put to the class, written from this table's own figures and
// events by the shared `discussionQuestions` (the instructor's copy only).
import { discussionQuestions } from "@red-lines/shared/client";
import type { Debrief } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import styles from "./Debrief.module.css";

export function QuestionsSection({ debrief }: { debrief: Debrief }) {
  const t = useTranslations("debrief.questions");
  const questions = discussionQuestions(debrief);
  return (
    <section aria-labelledby="questions-heading" className={styles.section}>
      <h2 id="questions-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <ol className={styles.questions} data-testid="discussion-questions">
        {questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ol>
    </section>
  );
}
