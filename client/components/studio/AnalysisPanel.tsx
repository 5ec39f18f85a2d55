"use client";
// Beside the editor: what the checks found (each problem a link to its field), and, once the
// scenario is valid, the analysis of every variant and what each event would change.
import type { AnalysisFigures, Draft } from "@red-lines/shared/studio";
import { useFormatter, useTranslations } from "next-intl";
import { sentence } from "./fields.tsx";
import { describePlace, parsePath } from "./places.ts";
import { useProblemText } from "./problemText.ts";
import styles from "./Studio.module.css";
import type { Analysis } from "./useStudioEngine.ts";

/** A count of packages, or words when there were too many to count. */
function useCount(): (n: number | null) => string {
  const t = useTranslations("studio.analysis");
  const format = useFormatter();
  return (n) => (n === null ? t("tooMany") : format.number(n));
}

/** A score as the CLI prints it: one decimal. */
const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

export function AnalysisPanel({
  analysis,
  busy,
  draft,
  onGoTo,
}: {
  analysis: Analysis;
  busy: boolean;
  draft: Draft;
  onGoTo: (path: (string | number)[]) => void;
}) {
  const t = useTranslations("studio");
  const format = useFormatter();
  const count = useCount();
  const problemText = useProblemText();
  const report = analysis?.report;
  const roleName = (id: string) => draft.roles.find((r) => r.id === id)?.name || id;
  const status = !report
    ? t("analysis.checking")
    : report.ok
      ? t(busy ? "analysis.validBusy" : "analysis.valid", { ms: analysis.elapsedMs })
      : t(busy ? "analysis.invalidBusy" : "analysis.invalid", { count: report.errors.length });
  return (
    <section className={styles.panel} aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">{t("analysis.heading")}</h2>
      <p role="status" className={styles.panelStatus} data-testid="analysis-status">
        {status}
      </p>
      {report && !report.ok && (
        <ul className={styles.problemList} aria-label={t("analysis.problems")}>
          {report.errors.map((error) => {
            const path = parsePath(error.path);
            return (
              <li key={`${error.path}:${error.message}`}>
                <button
                  type="button"
                  data-variant="secondary"
                  className={styles.problemLink}
                  onClick={() => onGoTo(path)}
                >
                  <span className={styles.place}>{describePlace(t, draft, path)}</span>{" "}
                  {sentence(problemText(error))}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {report?.ok && (
        <>
          {report.variants.map((variant) => (
            <VariantFigures key={variant.variant} figures={variant} name={variant.name} roleName={roleName} />
          ))}
          {report.events.length > 0 && (
            <div className={styles.tableWrap}>
              <table className={styles.figures} data-testid="event-figures">
                <caption>
                  {t("analysis.eventsCaption", {
                    variant: report.variants[0]?.name ?? t("analysis.defaultVariant"),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("analysis.event")}</th>
                    <th scope="col">{t("analysis.feasible")}</th>
                    <th scope="col">{t("analysis.zopa")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.events.map((change) => {
                    const base = report.variants[0];
                    const delta = (after: number | null, before: number | null | undefined) =>
                      after === null || before === null || before === undefined || after === before
                        ? ""
                        : ` (${after > before ? "+" : "−"}${format.number(Math.abs(after - before))})`;
                    return (
                      <tr key={change.event}>
                        <th scope="row">{change.title || change.event}</th>
                        <td>
                          {count(change.after.feasible)}
                          {delta(change.after.feasible, base?.feasible)}
                          {change.after.feasible === 0 && (
                            <span className={styles.collide}> {t("analysis.collide")}</span>
                          )}
                        </td>
                        <td>
                          {count(change.after.zopa)}
                          {delta(change.after.zopa, base?.zopa)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function VariantFigures({
  figures,
  name,
  roleName,
}: {
  figures: AnalysisFigures;
  name: string;
  roleName: (id: string) => string;
}) {
  const t = useTranslations("studio.analysis");
  const format = useFormatter();
  const count = useCount();
  const testId = (what: string) => `figure-${figures.variant}-${what}`;
  return (
    <div className={styles.variantFigures}>
      <h3>{name || figures.variant}</h3>
      <dl className={styles.facts}>
        <div>
          <dt>{t("packages")}</dt>
          <dd data-testid={testId("packages")}>{count(figures.packages)}</dd>
        </div>
        <div>
          <dt>{t("feasibleLong")}</dt>
          <dd data-testid={testId("feasible")}>{count(figures.feasible)}</dd>
        </div>
        <div>
          <dt>{t("zopaLong")}</dt>
          <dd data-testid={testId("zopa")}>{count(figures.zopa)}</dd>
        </div>
        <div>
          <dt>{t("pareto")}</dt>
          <dd data-testid={testId("pareto")}>{count(figures.paretoSize)}</dd>
        </div>
      </dl>
      {figures.nash ? (
        <p data-testid={testId("nash")}>
          {t.rich("nash", {
            utilities: Object.entries(figures.nash.utilities)
              .map(([role, utility]) => `${roleName(role)} ${format.number(utility, oneDecimal)}`)
              .join(" · "),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : (
        <p data-testid={testId("nash")}>
          {t.rich("nashNone", { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      )}
      {figures.feasible === 0 && figures.collisions.length > 0 && (
        <div data-testid={testId("collisions")}>
          <p className={styles.collide}>{t("noDeal")}</p>
          <ul>
            {figures.collisions.map((collision) => (
              <li key={collision.map((v) => v.rule).join("+")}>
                {collision
                  .map((v) => t("collisionLine", { role: roleName(v.role), title: v.title }))
                  .reduce((first, next) => (first ? t("collisionWith", { first, next }) : next), "")}
              </li>
            ))}
          </ul>
          {!figures.collisionsComplete && <p className={styles.hint}>{t("stoppedEarly")}</p>}
        </div>
      )}
    </div>
  );
}
