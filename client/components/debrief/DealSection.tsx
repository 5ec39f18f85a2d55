// The package the table ended with (the agreed one, else the last tabled) beside the Nash point,
// as a term sheet: every issue, ours and Nash's, differences marked in words. Then each party's
// score against its no-deal value (a table and a small bar chart) and how the package sits in
// the space of possible deals: distance to the frontier and to the Nash point, the ZOPA, the
// feasible set.
import { formatCount, formatGain, formatPoints, possessive } from "@red-lines/shared/client";
import type { Debrief } from "@red-lines/shared/protocol";
import styles from "./Debrief.module.css";
import { issueList, type Labels, optionText, roleLook, roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

export function DealSection({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  const { deal } = debrief;
  const end = debrief.analysis.end;
  const nash = end.nash;
  const heading = !deal
    ? "No package was tabled"
    : deal.source === "agreed"
      ? `The agreed package (version ${deal.version}) beside the Nash point`
      : `The last package tabled (version ${deal.version}, not agreed) beside the Nash point`;
  return (
    <section aria-labelledby="deal-heading" className={styles.section}>
      <h2 id="deal-heading">{heading}</h2>
      <TermSheet debrief={debrief} labels={labels} />
      {!nash && (
        <p>
          There is no Nash point: no package satisfied every red line and beat every no-deal value, so there
          was no deal to split.
        </p>
      )}
      {deal && deal.source === "last-tabled" && (
        <p>
          Without an agreement each party was left with its no-deal value; the figures below say what version{" "}
          {deal.version} would have been worth.
        </p>
      )}
      <Scores debrief={debrief} />
      <h3>Where it sits among the possible deals</h3>
      <dl className={styles.facts}>
        {deal && (
          <>
            <div>
              <dt>Distance to the Pareto frontier</dt>
              <dd data-testid="distance-frontier">
                {deal.distanceToFrontier === null
                  ? "not measured"
                  : `${formatPoints(deal.distanceToFrontier)} points`}
              </dd>
            </div>
            <div>
              <dt>Distance to the Nash point</dt>
              <dd data-testid="distance-nash">
                {deal.distanceToNash === null
                  ? "no Nash point"
                  : `${formatPoints(deal.distanceToNash)} points`}
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>Zone of possible agreement (ZOPA)</dt>
          <dd data-testid="zopa">
            {end.zopa === null ? "too many packages to count" : `${formatCount(end.zopa)} packages`}
          </dd>
        </div>
        <div>
          <dt>Feasible packages (every red line kept)</dt>
          <dd data-testid="feasible">
            {formatCount(end.feasible)} of {formatCount(end.packages)}
          </dd>
        </div>
        <div>
          <dt>Pareto frontier</dt>
          <dd>{end.paretoSize === null ? "too large to list" : `${formatCount(end.paretoSize)} packages`}</dd>
        </div>
      </dl>
      {deal && (
        <ul className={styles.verdicts}>
          <li>
            {deal.complete ? "Complete: every issue settled." : "Incomplete: some issues were left open."}
          </li>
          {deal.distanceToFrontier !== null && deal.distanceToFrontier < 0.05 && (
            <li>
              On the Pareto frontier: no package was better for one party without being worse for another.
            </li>
          )}
          <li>
            {deal.violations.length === 0
              ? "Keeps every red line in force at the end."
              : `Breaks ${deal.violations.length} red ${deal.violations.length === 1 ? "line" : "lines"} in force at the end: ${deal.violations
                  .map((v) => `${possessive(roleNameOf(debrief, v.role))} “${v.title}”`)
                  .join(", ")}.`}
          </li>
          <li>
            {deal.inZopa
              ? "Inside the ZOPA: better than no deal for every party."
              : "Outside the ZOPA: at least one party would have done as well or better without it."}
          </li>
          {deal.paretoImprovement && deal.paretoImprovement.distance >= 0.05 && (
            <li>
              Another package would have been at least as good for every party,{" "}
              {formatPoints(deal.paretoImprovement.distance)} points away (
              {debrief.roles
                .map((r) => `${r.name} ${formatPoints(deal.paretoImprovement?.utilities[r.id] ?? 0)}`)
                .join(", ")}
              ).
            </li>
          )}
        </ul>
      )}
      {debrief.analysis.start && (
        <p>
          Before the news changed the scenario: {formatCount(debrief.analysis.start.feasible)} feasible
          packages and{" "}
          {debrief.analysis.start.zopa === null
            ? "a ZOPA too large to count"
            : `${formatCount(debrief.analysis.start.zopa)} in the ZOPA`}
          . The figures above are with the news applied.
        </p>
      )}
    </section>
  );
}

function TermSheet({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  const { deal } = debrief;
  const nash = debrief.analysis.end.nash;
  const ours = deal?.package ?? null;
  const issues = issueList(labels, [ours ?? {}, nash?.package ?? {}]);
  if (!ours && !nash) return null;
  const differs = (issue: string) => ours !== null && nash !== null && ours[issue] !== nash.package[issue];
  const differing = issues.filter((issue) => differs(issue.id)).length;
  return (
    <>
      {ours && nash && (
        <p className={styles.lead} data-testid="differences">
          {differing === 0
            ? "It is the Nash point itself: the same option on every issue."
            : `It differs from the Nash point on ${differing} of ${issues.length} issues, marked “differs” below.`}
        </p>
      )}
      <Scroller label="Term sheet comparison">
        <table className={styles.sheet} data-testid="term-sheet">
          <caption className={styles.caption}>
            {ours && nash
              ? "Issue by issue: the table's package and the Nash point"
              : ours
                ? "Issue by issue: the table's package"
                : "Issue by issue: the Nash point"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              {ours && deal && (
                <th scope="col">
                  Your table{" "}
                  <span className={styles.sub}>
                    (version {deal.version}, {deal.source === "agreed" ? "agreed" : "last tabled"})
                  </span>
                </th>
              )}
              {nash && <th scope="col">Nash point</th>}
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => {
              const different = differs(issue.id);
              return (
                <tr key={issue.id} data-differs={different} data-issue={issue.id}>
                  <th scope="row">
                    {issue.name}
                    {different && <span className={styles.tag}>differs</span>}
                  </th>
                  {ours && (
                    <td data-testid={`ours-${issue.id}`} data-label="Your table">
                      {optionText(labels, issue.id, ours[issue.id])}
                    </td>
                  )}
                  {nash && (
                    <td data-testid={`nash-${issue.id}`} data-label="Nash point">
                      {optionText(labels, issue.id, nash.package[issue.id])}
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
    ? "Score (no deal)"
    : agreed
      ? "Score of the agreement"
      : `Score of version ${deal.version}`;
  const summary = rows
    .map((r) => `${r.role.name} ${formatPoints(r.score)} against ${formatPoints(r.noDeal)} without a deal`)
    .join("; ");
  return (
    <>
      <h3>Each party's score against its no-deal value</h3>
      <Scroller label="Scores">
        <table className={`${styles.figures} ${styles.stacking}`} data-testid="scores">
          <caption className={styles.caption}>Scores in points (0–100)</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">{scoreTitle}</th>
              <th scope="col">No-deal value</th>
              <th scope="col">Against no deal</th>
              {end.nash && <th scope="col">At the Nash point</th>}
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
                  {formatPoints(r.score)}
                </td>
                <td data-testid={`no-deal-${r.role.id}`} data-label="No-deal value">
                  {formatPoints(r.noDeal)}
                </td>
                <td data-label="Against no deal">
                  {formatGain(r.gain)}{" "}
                  {Math.round(r.gain * 10) > 0
                    ? "better"
                    : Math.round(r.gain * 10) < 0
                      ? "worse"
                      : "the same"}
                </td>
                {end.nash && (
                  <td data-testid={`nash-score-${r.role.id}`} data-label="At the Nash point">
                    {r.nash === null ? "—" : formatPoints(r.nash)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      <div className={styles.bars} role="img" aria-label={`Bar chart of each party's score: ${summary}.`}>
        <p className={styles.barLegend} aria-hidden="true">
          <span className={styles.barKey} /> score <span className={styles.markerKey} /> no-deal value
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
            <span className={styles.barValue}>{formatPoints(r.score)}</span>
          </div>
        ))}
      </div>
    </>
  );
}
