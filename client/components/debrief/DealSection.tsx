// The package the table ended with (the agreed one, else the last tabled) beside the Nash point,
// as a term sheet: every issue, ours and Nash's, differences marked in words. Then each party's
// score against its no-deal value (a table and a small bar chart) and how the package sits in
// the space of possible deals: distance to the frontier and to the Nash point, the ZOPA, the
// feasible set.
import type { Debrief } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import styles from "./Debrief.module.css";
import { useFigures } from "./figures.ts";
import { issueList, type Labels, optionText, roleLook, roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

export function DealSection({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  const { deal } = debrief;
  const end = debrief.analysis.end;
  const nash = end.nash;
  const heading = !deal
    ? t("deal.headingNone")
    : deal.source === "agreed"
      ? t("deal.headingAgreed", { version: deal.version })
      : t("deal.headingLast", { version: deal.version });
  const pointsValue = (x: number) => t("words.pointsValue", { points: figures.points(x) });
  return (
    <section aria-labelledby="deal-heading" className={styles.section}>
      <h2 id="deal-heading">{heading}</h2>
      <TermSheet debrief={debrief} labels={labels} />
      {!nash && <p>{t("deal.noNash")}</p>}
      {deal && deal.source === "last-tabled" && <p>{t("deal.lastTabledNote", { version: deal.version })}</p>}
      <Scores debrief={debrief} />
      <h3>{t("deal.whereHeading")}</h3>
      <dl className={styles.facts}>
        {deal && (
          <>
            <div>
              <dt>{t("deal.distanceFrontier")}</dt>
              <dd data-testid="distance-frontier">
                {deal.distanceToFrontier === null
                  ? t("deal.notMeasured")
                  : pointsValue(deal.distanceToFrontier)}
              </dd>
            </div>
            <div>
              <dt>{t("deal.distanceNash")}</dt>
              <dd data-testid="distance-nash">
                {deal.distanceToNash === null ? t("deal.noNashPoint") : pointsValue(deal.distanceToNash)}
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>{t("deal.zopa")}</dt>
          <dd data-testid="zopa">
            {end.zopa === null ? t("deal.zopaTooMany") : t("words.packages", { count: end.zopa })}
          </dd>
        </div>
        <div>
          <dt>{t("deal.feasible")}</dt>
          <dd data-testid="feasible">
            {t("deal.feasibleValue", { feasible: end.feasible, total: end.packages })}
          </dd>
        </div>
        <div>
          <dt>{t("words.paretoFrontier")}</dt>
          <dd>
            {end.paretoSize === null
              ? t("deal.paretoTooLarge")
              : t("words.packages", { count: end.paretoSize })}
          </dd>
        </div>
      </dl>
      {deal && (
        <ul className={styles.verdicts}>
          <li>{deal.complete ? t("deal.complete") : t("deal.incomplete")}</li>
          {deal.distanceToFrontier !== null && deal.distanceToFrontier < 0.05 && (
            <li>{t("deal.onFrontier")}</li>
          )}
          <li>
            {deal.violations.length === 0
              ? t("deal.keepsRedLines")
              : t("deal.breaksRedLines", {
                  count: deal.violations.length,
                  lines: deal.violations
                    .map((v) =>
                      t("words.ruleOf", {
                        whose: figures.whose(roleNameOf(debrief, v.role)),
                        title: v.title,
                      }),
                    )
                    .join(t("words.separator")),
                })}
          </li>
          <li>{deal.inZopa ? t("deal.inZopa") : t("deal.outsideZopa")}</li>
          {deal.paretoImprovement && deal.paretoImprovement.distance >= 0.05 && (
            <li>
              {t("deal.improvement", {
                distance: figures.points(deal.paretoImprovement.distance),
                scores: debrief.roles
                  .map((r) =>
                    t("words.scoreItem", {
                      role: r.name,
                      points: figures.points(deal.paretoImprovement?.utilities[r.id] ?? 0),
                    }),
                  )
                  .join(t("words.separator")),
              })}
            </li>
          )}
        </ul>
      )}
      {debrief.analysis.start && (
        <p>
          {debrief.analysis.start.zopa === null
            ? t("deal.beforeNewsUncounted", { feasible: debrief.analysis.start.feasible })
            : t("deal.beforeNews", {
                feasible: debrief.analysis.start.feasible,
                zopa: debrief.analysis.start.zopa,
              })}
        </p>
      )}
    </section>
  );
}

function TermSheet({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  const t = useTranslations("debrief");
  const { deal } = debrief;
  const nash = debrief.analysis.end.nash;
  const ours = deal?.package ?? null;
  const issues = issueList(labels, [ours ?? {}, nash?.package ?? {}]);
  if (!ours && !nash) return null;
  const differs = (issue: string) => ours !== null && nash !== null && ours[issue] !== nash.package[issue];
  const differing = issues.filter((issue) => differs(issue.id)).length;
  const option = (issue: string, id: string | undefined) => optionText(labels, issue, id) ?? t("words.open");
  return (
    <>
      {ours && nash && (
        <p className={styles.lead} data-testid="differences">
          {differing === 0 ? t("deal.sameAsNash") : t("deal.differs", { differing, total: issues.length })}
        </p>
      )}
      <Scroller label={t("deal.sheetLabel")}>
        <table className={styles.sheet} data-testid="term-sheet">
          <caption className={styles.caption}>
            {ours && nash ? t("deal.captionBoth") : ours ? t("deal.captionOurs") : t("deal.captionNash")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("deal.columnIssue")}</th>
              {ours && deal && (
                <th scope="col">
                  {t("deal.yourTable")}{" "}
                  <span className={styles.sub}>
                    {t("deal.yourVersion", { version: deal.version, source: deal.source })}
                  </span>
                </th>
              )}
              {nash && <th scope="col">{t("words.nashPoint")}</th>}
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => {
              const different = differs(issue.id);
              return (
                <tr key={issue.id} data-differs={different} data-issue={issue.id}>
                  <th scope="row">
                    {issue.name}
                    {different && <span className={styles.tag}>{t("deal.differsTag")}</span>}
                  </th>
                  {ours && (
                    <td data-testid={`ours-${issue.id}`} data-label={t("deal.yourTable")}>
                      {option(issue.id, ours[issue.id])}
                    </td>
                  )}
                  {nash && (
                    <td data-testid={`nash-${issue.id}`} data-label={t("words.nashPoint")}>
                      {option(issue.id, nash.package[issue.id])}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroller>
    </>
  );
}

function Scores({ debrief }: { debrief: Debrief }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  const { deal } = debrief;
  const end = debrief.analysis.end;
  const agreed = deal?.source === "agreed";
  const rows = debrief.roles.map((role) => {
    const party = deal?.parties.find((p) => p.role === role.id);
    const noDeal = party?.noDeal ?? end.noDeal[role.id] ?? 0;
    const score = party?.utility ?? noDeal;
    return { role, score, noDeal, gain: score - noDeal, nash: end.nash?.utilities[role.id] ?? null };
  });
  const scoreTitle = !deal
    ? t("deal.scoreNoDeal")
    : agreed
      ? t("deal.scoreAgreement")
      : t("deal.scoreVersion", { version: deal.version });
  const summary = rows
    .map((r) =>
      t("deal.scoreSummary", {
        role: r.role.name,
        score: figures.points(r.score),
        noDeal: figures.points(r.noDeal),
      }),
    )
    .join("; ");
  return (
    <>
      <h3>{t("deal.scoresHeading")}</h3>
      <Scroller label={t("deal.scoresLabel")}>
        <table className={`${styles.figures} ${styles.stacking}`} data-testid="scores">
          <caption className={styles.caption}>{t("deal.scoresCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("words.party")}</th>
              <th scope="col">{scoreTitle}</th>
              <th scope="col">{t("words.noDealValue")}</th>
              <th scope="col">{t("deal.againstNoDeal")}</th>
              {end.nash && <th scope="col">{t("deal.atNash")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.role.id} data-role={r.role.id}>
                <th scope="row">
                  <span aria-hidden="true" style={{ color: roleLook(debrief, r.role.id).color }}>
                    {roleLook(debrief, r.role.id).symbol}
                  </span>{" "}
                  {r.role.name}
                </th>
                <td data-testid={`score-${r.role.id}`} data-label={scoreTitle}>
                  {figures.points(r.score)}
                </td>
                <td data-testid={`no-deal-${r.role.id}`} data-label={t("words.noDealValue")}>
                  {figures.points(r.noDeal)}
                </td>
                <td data-label={t("deal.againstNoDeal")}>
                  {figures.gain(r.gain)}{" "}
                  {t("deal.comparison", {
                    direction:
                      Math.round(r.gain * 10) > 0 ? "better" : Math.round(r.gain * 10) < 0 ? "worse" : "same",
                  })}
                </td>
                {end.nash && (
                  <td data-testid={`nash-score-${r.role.id}`} data-label={t("deal.atNash")}>
                    {r.nash === null ? "—" : figures.points(r.nash)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      <div className={styles.bars} role="img" aria-label={t("deal.barChart", { summary })}>
        <p className={styles.barLegend} aria-hidden="true">
          <span className={styles.barKey} /> {t("deal.legendScore")} <span className={styles.markerKey} />{" "}
          {t("deal.legendNoDeal")}
        </p>
        {rows.map((r) => (
          <div key={r.role.id} className={styles.barRow} aria-hidden="true">
            <span className={styles.barName}>{r.role.name}</span>
            <span className={styles.track}>
              <span
                className={styles.bar}
                style={{
                  width: `${Math.max(0, Math.min(100, r.score))}%`,
                  background: roleLook(debrief, r.role.id).color,
                }}
              />
              <span className={styles.marker} style={{ left: `${Math.max(0, Math.min(100, r.noDeal))}%` }} />
            </span>
            <span className={styles.barValue}>{figures.points(r.score)}</span>
          </div>
        ))}
      </div>
    </>
  );
}
