// The red-line story: every refusal (who, tabling or accepting what, which rule, its explanation
// and where it comes from), the red lines that collided and what the ZOPA would have been
// without them.
import type { Counterfactual, Debrief, DebriefRule } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { Citations } from "../table/Citation.tsx";
import styles from "./Debrief.module.css";
import { useFigures } from "./figures.ts";
import { type Labels, roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

export function RedLineStory({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  const { redLines } = debrief;
  const documents = labels?.documents ?? [];
  const name = (role: string) => roleNameOf(debrief, role);
  const removed = (c: Counterfactual) =>
    figures.list(
      c.removed.map((r) => t("words.ruleOf", { whose: figures.whose(name(r.role)), title: r.title })),
    );
  return (
    <section aria-labelledby="red-lines-heading" className={styles.section}>
      <h2 id="red-lines-heading">{t("redLines.heading")}</h2>
      <h3>{t("redLines.refusals")}</h3>
      {redLines.refusals.length === 0 ? (
        <p>{t("redLines.noRefusals")}</p>
      ) : (
        <>
          <p>
            {t("redLines.total", {
              count: redLines.refusals.length,
              bySeat: figures.list(
                Object.entries(redLines.refusalsBySeat)
                  .filter(([, n]) => n > 0)
                  .map(([role, n]) => t("words.countItem", { role: name(role), count: n })),
              ),
            })}
          </p>
          <ol className={styles.story} data-testid="refusals">
            {redLines.refusals.map((refusal) => (
              <li key={`${refusal.at}-${refusal.seat}-${refusal.action}`}>
                <p className={styles.storyHead}>
                  <span className={styles.when}>
                    {refusal.round === null
                      ? t("words.beforeRoundsTitle")
                      : t("words.roundTitle", { round: refusal.round })}
                  </span>{" "}
                  {t("redLines.attempt", {
                    role: name(refusal.seat),
                    action: refusal.action === "accept" ? "accept" : "table",
                    version: refusal.version ?? "?",
                  })}
                </p>
                <RuleList rules={refusal.rules} documents={documents} debrief={debrief} />
              </li>
            ))}
          </ol>
        </>
      )}

      <h3>{t("redLines.collisions")}</h3>
      {redLines.collisions.length === 0 ? (
        <p>
          {debrief.analysis.end.zopa === null
            ? t("redLines.noCollisions")
            : t("redLines.noCollisionsCounted", { zopa: debrief.analysis.end.zopa })}
        </p>
      ) : (
        <>
          <p>{t("redLines.collided")}</p>
          <ul className={styles.story} data-testid="collisions">
            {redLines.collisions.map((collision) => (
              <li key={collision.map((r) => `${r.role}:${r.rule}`).join("+")}>
                <RuleList rules={collision} documents={documents} debrief={debrief} />
              </li>
            ))}
          </ul>
          {!redLines.collisionsComplete && <p className={styles.note}>{t("redLines.searchLimit")}</p>}
          {redLines.withoutCollisions && (
            <p data-testid="without-collisions">
              {redLines.withoutCollisions.zopa === null
                ? t("redLines.without", {
                    removed: removed(redLines.withoutCollisions),
                    feasible: redLines.withoutCollisions.feasible,
                  })
                : t("redLines.withoutCounted", {
                    removed: removed(redLines.withoutCollisions),
                    feasible: redLines.withoutCollisions.feasible,
                    zopa: redLines.withoutCollisions.zopa,
                  })}
            </p>
          )}
          {redLines.withoutEach.length > 0 && (
            <Scroller label={t("redLines.setAsideLabel")}>
              <table className={styles.figures}>
                <caption className={styles.caption}>{t("redLines.setAsideCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("redLines.columnSetAside")}</th>
                    <th scope="col">{t("words.feasiblePackages")}</th>
                    <th scope="col">{t("words.zopa")}</th>
                  </tr>
                </thead>
                <tbody>
                  {redLines.withoutEach.map((c) => (
                    <tr key={c.removed.map((r) => `${r.role}:${r.rule}`).join("+")}>
                      <th scope="row">{removed(c)}</th>
                      <td>{figures.count(c.feasible)}</td>
                      <td>{c.zopa === null ? t("words.notCounted") : figures.count(c.zopa)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroller>
          )}
        </>
      )}
    </section>
  );
}

function RuleList({
  rules,
  documents,
  debrief,
}: {
  rules: readonly DebriefRule[];
  documents: readonly { file: string; title: string }[];
  debrief: Debrief;
}) {
  const t = useTranslations("debrief.redLines");
  const figures = useFigures();
  return (
    <ul className={styles.rules}>
      {rules.map((rule) => (
        <li key={`${rule.role}:${rule.rule}`}>
          <strong>
            {t("rule", { whose: figures.whose(roleNameOf(debrief, rule.role)), title: rule.title })}
          </strong>
          {rule.explanation ? <>: {rule.explanation}</> : <> {t("wordingWithheld")}</>}
          {rule.sources.length > 0 && (
            <span className={styles.source}>
              {" "}
              {t("sourceLabel")} <Citations sources={rule.sources} documents={documents} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
