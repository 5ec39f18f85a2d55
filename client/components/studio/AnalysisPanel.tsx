"use client";
// Beside the editor: what the checks found (each problem a link to its field), and, once the
// scenario is valid, the analysis of every variant and what each event would change.
import type { AnalysisFigures, Draft } from "@red-lines/shared/studio";
import { sentence } from "./fields.tsx";
import { describePlace, parsePath } from "./places.ts";
import styles from "./Studio.module.css";
import type { Analysis } from "./useStudioEngine.ts";

const count = (n: number | null) => (n === null ? "too many to count" : n.toLocaleString("en"));

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
  const report = analysis?.report;
  const roleName = (id: string) => draft.roles.find((r) => r.id === id)?.name || id;
  const status = !report
    ? "Checking the scenario…"
    : report.ok
      ? `Valid. Analysed in ${analysis.elapsedMs.toLocaleString("en")} ms${busy ? "; checking your latest change…" : "."}`
      : `${report.errors.length} ${report.errors.length === 1 ? "problem" : "problems"} to fix${busy ? "; checking your latest change…" : "."}`;
  return (
    <section className={styles.panel} aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">Live analysis</h2>
      <p role="status" className={styles.panelStatus} data-testid="analysis-status">
        {status}
      </p>
      {report && !report.ok && (
        <ul className={styles.problemList} aria-label="Problems">
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
                  <span className={styles.place}>{describePlace(draft, path)}</span> {sentence(error.message)}
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
                  What each event would change in {report.variants[0]?.name ?? "the default variant"}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Feasible</th>
                    <th scope="col">ZOPA</th>
                  </tr>
                </thead>
                <tbody>
                  {report.events.map((change) => {
                    const base = report.variants[0];
                    const delta = (after: number | null, before: number | null | undefined) =>
                      after === null || before === null || before === undefined || after === before
                        ? ""
                        : ` (${after > before ? "+" : "−"}${Math.abs(after - before).toLocaleString("en")})`;
                    return (
                      <tr key={change.event}>
                        <th scope="row">{change.title || change.event}</th>
                        <td>
                          {count(change.after.feasible)}
                          {delta(change.after.feasible, base?.feasible)}
                          {change.after.feasible === 0 && (
                            <span className={styles.collide}> red lines collide</span>
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
  const testId = (what: string) => `figure-${figures.variant}-${what}`;
  return (
    <div className={styles.variantFigures}>
      <h3>{name || figures.variant}</h3>
      <dl className={styles.facts}>
        <div>
          <dt>Packages</dt>
          <dd data-testid={testId("packages")}>{count(figures.packages)}</dd>
        </div>
        <div>
          <dt>Feasible (every red line holds)</dt>
          <dd data-testid={testId("feasible")}>{count(figures.feasible)}</dd>
        </div>
        <div>
          <dt>Zone of agreement (beat every no-deal value)</dt>
          <dd data-testid={testId("zopa")}>{count(figures.zopa)}</dd>
        </div>
        <div>
          <dt>Pareto frontier</dt>
          <dd data-testid={testId("pareto")}>{count(figures.paretoSize)}</dd>
        </div>
      </dl>
      {figures.nash ? (
        <p data-testid={testId("nash")}>
          <strong>Nash point:</strong>{" "}
          {Object.entries(figures.nash.utilities)
            .map(([role, utility]) => `${roleName(role)} ${utility.toFixed(1)}`)
            .join(" · ")}
        </p>
      ) : (
        <p data-testid={testId("nash")}>
          <strong>Nash point:</strong> none, no package satisfies every red line.
        </p>
      )}
      {figures.feasible === 0 && figures.collisions.length > 0 && (
        <div data-testid={testId("collisions")}>
          <p className={styles.collide}>No deal is possible: these red lines collide.</p>
          <ul>
            {figures.collisions.map((collision) => (
              <li key={collision.map((v) => v.rule).join("+")}>
                {collision.map((v) => `${roleName(v.role)}'s “${v.title}”`).join(" with ")}
              </li>
            ))}
          </ul>
          {!figures.collisionsComplete && (
            <p className={styles.hint}>The search stopped early; there may be more.</p>
          )}
        </div>
      )}
    </div>
  );
}
