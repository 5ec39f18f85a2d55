// The debrief's opening: the plain-language summary in big type, then the outcome and its class,
// how the talks ended and how many rounds were played.
import { formatCount } from "@red-lines/shared/client";
import type { Debrief } from "@red-lines/shared/protocol";
import { reasonSentence } from "../table/words.ts";
import styles from "./Debrief.module.css";
import { roleNameOf } from "./look.ts";

export function SummarySection({ debrief }: { debrief: Debrief }) {
  const { status } = debrief;
  const outcome = status.outcome;
  return (
    <section aria-labelledby="summary-heading" className={styles.section}>
      <h2 id="summary-heading">In short</h2>
      <div className={styles.summary} data-testid="debrief-summary">
        {debrief.summary.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>Outcome</dt>
          <dd data-testid="outcome">
            {outcome ? outcome.title : status.concluded ? "Concluded" : "Not concluded yet"}
          </dd>
        </div>
        <div>
          <dt>How the talks ended</dt>
          <dd>
            {status.reason
              ? reasonSentence(status.reason, {
                  version: debrief.deal?.source === "agreed" ? debrief.deal.version : null,
                  walkedOut: status.walkedOut ? roleNameOf(debrief, status.walkedOut) : null,
                  seats: debrief.roles.length,
                })
              : "They have not ended: the figures are as of now."}
          </dd>
        </div>
        <div>
          <dt>Rounds</dt>
          <dd data-testid="rounds">
            {status.roundsPlayed} of {status.rounds} played
          </dd>
        </div>
        <div>
          <dt>Versions tabled</dt>
          <dd>{formatCount(status.versionsTabled)}</dd>
        </div>
      </dl>
      {outcome && <p className={styles.meaning}>{outcome.description}</p>}
    </section>
  );
}
