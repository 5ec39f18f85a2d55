// The red-line story: every refusal (who, tabling or accepting what, which rule, its explanation
// and where it comes from), the red lines that collided and what the ZOPA would have been
// without them.
import { formatCount, listWords, possessive } from "@red-lines/shared/client";
import type { Counterfactual, Debrief, DebriefRule } from "@red-lines/shared/protocol";
import { Citations } from "../table/Citation.tsx";
import styles from "./Debrief.module.css";
import { type Labels, roleNameOf, roundText } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

export function RedLineStory({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  const { redLines } = debrief;
  const documents = labels?.documents ?? [];
  const name = (role: string) => roleNameOf(debrief, role);
  const removed = (c: Counterfactual) =>
    listWords(c.removed.map((r) => `${possessive(name(r.role))} “${r.title}”`));
  return (
    <section aria-labelledby="red-lines-heading" className={styles.section}>
      <h2 id="red-lines-heading">The red-line story</h2>
      <h3>Refusals</h3>
      {redLines.refusals.length === 0 ? (
        <p>No seat tried to table or accept a package past its own red lines.</p>
      ) : (
        <>
          <p>
            In all, {formatCount(redLines.refusals.length)}{" "}
            {redLines.refusals.length === 1 ? "refusal" : "refusals"}:{" "}
            {listWords(
              Object.entries(redLines.refusalsBySeat)
                .filter(([, n]) => n > 0)
                .map(([role, n]) => `${name(role)} ${n}`),
            )}
            .
          </p>
          <ol className={styles.story} data-testid="refusals">
            {redLines.refusals.map((refusal) => (
              <li key={`${refusal.at}-${refusal.seat}-${refusal.action}`}>
                <p className={styles.storyHead}>
                  <span className={styles.when}>{capitalise(roundText(refusal.round))}</span>{" "}
                  {name(refusal.seat)} tried to{" "}
                  {refusal.action === "accept"
                    ? `accept version ${refusal.version ?? "?"}`
                    : "table its draft"}
                  ; the server refused:
                </p>
                <RuleList rules={refusal.rules} documents={documents} debrief={debrief} />
              </li>
            ))}
          </ol>
        </>
      )}

      <h3>Red lines that collided</h3>
      {redLines.collisions.length === 0 ? (
        <p>
          None: at least one package kept every red line
          {debrief.analysis.end.zopa === null
            ? "."
            : `, and ${formatCount(debrief.analysis.end.zopa)} also beat every no-deal value.`}
        </p>
      ) : (
        <>
          <p>These sets of red lines could not all be kept at once:</p>
          <ul className={styles.story} data-testid="collisions">
            {redLines.collisions.map((collision) => (
              <li key={collision.map((r) => `${r.role}:${r.rule}`).join("+")}>
                <RuleList rules={collision} documents={documents} debrief={debrief} />
              </li>
            ))}
          </ul>
          {!redLines.collisionsComplete && (
            <p className={styles.note}>The search for collisions stopped at its limits: there may be more.</p>
          )}
          {redLines.withoutCollisions && (
            <p data-testid="without-collisions">
              Without {removed(redLines.withoutCollisions)}:{" "}
              {formatCount(redLines.withoutCollisions.feasible)} feasible packages
              {redLines.withoutCollisions.zopa === null
                ? ""
                : `, ${formatCount(redLines.withoutCollisions.zopa)} of them in the ZOPA`}
              .
            </p>
          )}
          {redLines.withoutEach.length > 0 && (
            <Scroller label="Red lines set aside">
              <table className={styles.figures}>
                <caption className={styles.caption}>One colliding red line set aside at a time</caption>
                <thead>
                  <tr>
                    <th scope="col">Set aside</th>
                    <th scope="col">Feasible packages</th>
                    <th scope="col">ZOPA</th>
                  </tr>
                </thead>
                <tbody>
                  {redLines.withoutEach.map((c) => (
                    <tr key={c.removed.map((r) => `${r.role}:${r.rule}`).join("+")}>
                      <th scope="row">{removed(c)}</th>
                      <td>{formatCount(c.feasible)}</td>
                      <td>{c.zopa === null ? "not counted" : formatCount(c.zopa)}</td>
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
  return (
    <ul className={styles.rules}>
      {rules.map((rule) => (
        <li key={`${rule.role}:${rule.rule}`}>
          <strong>
            {possessive(roleNameOf(debrief, rule.role))} red line “{rule.title}”
          </strong>
          {rule.explanation ? <>: {rule.explanation}</> : <> (its wording stays with that seat)</>}
          {rule.sources.length > 0 && (
            <span className={styles.source}>
              {" "}
              Source: <Citations sources={rule.sources} documents={documents} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
