// Questions for the instructor to put to the class, written from this table's own figures and
// events by the shared `discussionQuestions` (the instructor's copy only).
import { discussionQuestions } from "@red-lines/shared/client";
import type { Debrief } from "@red-lines/shared/protocol";
import styles from "./Debrief.module.css";

export function QuestionsSection({ debrief }: { debrief: Debrief }) {
  const questions = discussionQuestions(debrief);
  return (
    <section aria-labelledby="questions-heading" className={styles.section}>
      <h2 id="questions-heading">Questions for the class</h2>
      <p>Written from this table's own figures and events, for you to ask after the students have read it.</p>
      <ol className={styles.questions} data-testid="discussion-questions">
        {questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ol>
    </section>
  );
}
