// Each party's own side of the talks: what it got, what no deal was worth to it, the most it could
// have had within everyone's red lines, and where it gave up most. A student's copy opens with
// their own ("Your side"); the instructor reads every side in one table.
import { formatGain, formatPoints } from "@red-lines/shared/client";
import type { Debrief, DebriefSide } from "@red-lines/shared/protocol";
import styles from "./Debrief.module.css";
import { type Labels, optionText, roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

function issueName(labels: Labels | null, issue: string): string | null {
  return labels?.issues.find((i) => i.id === issue)?.name ?? null;
}

/** Where a side gave most: the issue, then what it got there, told to "you" or of "it". */
function gaveMost(
  side: DebriefSide,
  labels: Labels | null,
  deal: Debrief["deal"],
  whose: "your" | "its",
): { issue: string; detail: string } {
  const most = side.gaveMost;
  if (!most) {
    return deal
      ? {
          issue: "Nowhere",
          detail: `${whose === "your" ? "You" : "It"} got ${whose} best option on every issue.`,
        }
      : { issue: "—", detail: "No package was tabled." };
  }
  const detail = `“${optionText(labels, most.issue, most.option)}”, ${formatPoints(most.lost)} points below ${whose} best option there.`;
  return { issue: issueName(labels, most.issue) ?? "One issue", detail };
}

export function YourSide({
  debrief,
  side,
  labels,
}: {
  debrief: Debrief;
  side: DebriefSide;
  labels: Labels | null;
}) {
  const deal = debrief.deal;
  const gain = side.got - side.noDeal;
  const short = side.best === null ? null : side.best - side.got;
  const most = gaveMost(side, labels, deal, "your");
  return (
    <section aria-labelledby="your-side-heading" className={`${styles.section} ${styles.side}`}>
      <h2 id="your-side-heading">Your side: {roleNameOf(debrief, side.role)}</h2>
      <dl className={styles.sideFacts} data-testid="your-side">
        <div>
          <dt>What you got</dt>
          <dd data-testid="side-got">{formatPoints(side.got)}</dd>
          <dd className={styles.sideNote}>
            {side.agreed
              ? `The agreement's score for you, ${formatGain(gain)} against no deal.`
              : "There was no agreement, so you were left with your no-deal value."}
          </dd>
        </div>
        <div>
          <dt>Your no-deal value</dt>
          <dd data-testid="side-no-deal">{formatPoints(side.noDeal)}</dd>
          <dd className={styles.sideNote}>What walking away was worth to you when the talks ended.</dd>
        </div>
        <div>
          <dt>The best you could have got</dt>
          <dd data-testid="side-best">{side.best === null ? "—" : formatPoints(side.best)}</dd>
          <dd className={styles.sideNote}>
            {side.best === null
              ? "No package kept everyone's red lines and beat every no-deal value: there was no better deal to find."
              : short !== null && short < 0.05
                ? "Within everyone's red lines, and better than no deal for all: you got the most possible."
                : `The most any package gave you within everyone's red lines while beating every party's no-deal value: ${formatPoints(short ?? 0)} more than you got.`}
          </dd>
        </div>
        <div>
          <dt>Where you gave most</dt>
          <dd data-testid="side-gave-most" className={styles.sideIssue}>
            {most.issue}
          </dd>
          <dd className={styles.sideNote}>
            {most.detail}{" "}
            {deal?.source === "agreed"
              ? "(In the agreed package.)"
              : deal
                ? "(In the last version tabled.)"
                : ""}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The instructor's copy: every side at once. */
export function EverySide({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  if (debrief.sides.length === 0) return null;
  return (
    <section aria-labelledby="sides-heading" className={styles.section}>
      <h2 id="sides-heading">Each side</h2>
      <p>
        What each party got, what no deal was worth to it, the most it could have had within everyone's red
        lines while beating every no-deal value, and where it gave up most. Each student sees only their own
        row.
      </p>
      <Scroller label="Each side">
        <table className={`${styles.figures} ${styles.stacking}`} data-testid="every-side">
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Got</th>
              <th scope="col">No deal</th>
              <th scope="col">Best possible</th>
              <th scope="col">Gave most on</th>
            </tr>
          </thead>
          <tbody>
            {debrief.sides.map((side) => {
              const most = gaveMost(side, labels, debrief.deal, "its");
              return (
                <tr key={side.role}>
                  <th scope="row">{roleNameOf(debrief, side.role)}</th>
                  <td data-label="Got">{formatPoints(side.got)}</td>
                  <td data-label="No deal">{formatPoints(side.noDeal)}</td>
                  <td data-label="Best possible">{side.best === null ? "—" : formatPoints(side.best)}</td>
                  <td data-label="Gave most on">
                    <strong>{most.issue}</strong>: {most.detail}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroller>
    </section>
  );
}
