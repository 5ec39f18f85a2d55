// The debrief's opening: the plain-language summary in big type, then the outcome and its class,
// how the talks ended and how many rounds were played.
import type { Debrief } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { outcomeReason } from "../table/words.ts";
import styles from "./Debrief.module.css";
import { useFigures } from "./figures.ts";
import { roleNameOf } from "./look.ts";

export function SummarySection({ debrief }: { debrief: Debrief }) {
  const t = useTranslations("debrief.summary");
  const tableT = useTranslations("table");
  const figures = useFigures();
  const { status } = debrief;
  const outcome = status.outcome;
  return (
    <section aria-labelledby="summary-heading" className={styles.section}>
      <h2 id="summary-heading">{t("heading")}</h2>
      <div className={styles.summary} data-testid="debrief-summary">
        {debrief.summary.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t("outcome")}</dt>
          <dd data-testid="outcome">
            {outcome ? outcome.title : status.concluded ? t("concluded") : t("notConcluded")}
          </dd>
        </div>
        <div>
          <dt>{t("howEnded")}</dt>
          <dd>
            {status.reason
              ? outcomeReason(tableT, status.reason, {
                  version: debrief.deal?.source === "agreed" ? debrief.deal.version : null,
                  walkedOut: status.walkedOut ? roleNameOf(debrief, status.walkedOut) : null,
                  seats: debrief.roles.length,
                })
              : t("notEnded")}
          </dd>
        </div>
        <div>
          <dt>{t("rounds")}</dt>
          <dd data-testid="rounds">
            {t("roundsPlayed", { played: status.roundsPlayed, total: status.rounds })}
          </dd>
        </div>
        <div>
          <dt>{t("versionsTabled")}</dt>
          <dd>{figures.count(status.versionsTabled)}</dd>
        </div>
      </dl>
      {outcome && <p className={styles.meaning}>{outcome.description}</p>}
    </section>
  );
}
