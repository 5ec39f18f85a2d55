// The debrief's words, each in one plain sentence, before they are used: a student who has never
// met "ZOPA" or "Nash point" reads what they mean first.
import { useTranslations } from "next-intl";
import styles from "./Debrief.module.css";

/** The terms, in the order they are explained (each is `terms.<id>Term` and `terms.<id>Meaning`). */
export const debriefTerms = ["score", "noDeal", "zopa", "pareto", "nash", "distance"] as const;

export function TermsSection() {
  const t = useTranslations("debrief.terms");
  return (
    <section aria-labelledby="terms-heading" className={`${styles.section} ${styles.terms}`}>
      <h2 id="terms-heading">{t("heading")}</h2>
      <dl data-testid="debrief-terms">
        {debriefTerms.map((term) => (
          <div key={term}>
            <dt>{t(`${term}Term`)}</dt>
            <dd>{t(`${term}Meaning`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
