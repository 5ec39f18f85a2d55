// The debrief's words, each in one plain sentence, before they are used: a student who has never
// met "ZOPA" or "Nash point" reads what they mean first.
import styles from "./Debrief.module.css";

export const debriefTerms: readonly { term: string; meaning: string }[] = [
  {
    term: "Score",
    meaning: "How much a package is worth to one party, from 0 to 100 points, by its own private priorities.",
  },
  {
    term: "No-deal value",
    meaning: "What a party gets if the talks fail: a deal worse than this is not worth signing for it.",
  },
  {
    term: "ZOPA (zone of possible agreement)",
    meaning: "The packages that keep every party's red lines and beat every party's no-deal value.",
  },
  {
    term: "Pareto frontier",
    meaning:
      "The packages in the ZOPA that no other package beats for one party without being worse for another.",
  },
  {
    term: "Nash point",
    meaning:
      "The package in the ZOPA that multiplies every party's gain over its no-deal value to the largest product: a fair split by a classic measure.",
  },
  {
    term: "Distance",
    meaning:
      "How far two packages are apart, in score points, counting every party's difference at once (straight-line distance).",
  },
];

export function TermsSection() {
  return (
    <section aria-labelledby="terms-heading" className={`${styles.section} ${styles.terms}`}>
      <h2 id="terms-heading">Words used in this debrief</h2>
      <dl data-testid="debrief-terms">
        {debriefTerms.map(({ term, meaning }) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
