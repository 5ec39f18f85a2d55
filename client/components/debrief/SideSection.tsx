// Each party's own side of the talks: what it got, what no deal was worth to it, the most it could
// have had within everyone's red lines, and where it gave up most. A student's copy opens with
// their own ("Your side"); the instructor reads every side in one table.
import type { Debrief, DebriefSide } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import styles from "./Debrief.module.css";
import { type Figures, useFigures } from "./figures.ts";
import { type Labels, optionText, roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

type Translate = ReturnType<typeof useTranslations<"debrief">>;

function issueName(labels: Labels | null, issue: string): string | null {
  return labels?.issues.find((i) => i.id === issue)?.name ?? null;
}

/** Where a side gave most: the issue, then what it got there, told to "you" or of "it". */
function gaveMost(
  side: DebriefSide,
  labels: Labels | null,
  deal: Debrief["deal"],
  whose: "your" | "its",
  t: Translate,
  figures: Figures,
): { issue: string; detail: string } {
  const most = side.gaveMost;
  if (!most) {
    return deal
      ? { issue: t("side.nowhere"), detail: t("side.bestEverywhere", { whose }) }
      : { issue: "—", detail: t("side.noneTabled") };
  }
  const detail = t("side.gaveDetail", {
    option: optionText(labels, most.issue, most.option) ?? t("words.open"),
    points: figures.points(most.lost),
    whose,
  });
  return { issue: issueName(labels, most.issue) ?? t("side.oneIssue"), detail };
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
  const t = useTranslations("debrief");
  const figures = useFigures();
  const deal = debrief.deal;
  const gain = side.got - side.noDeal;
  const short = side.best === null ? null : side.best - side.got;
  const most = gaveMost(side, labels, deal, "your", t, figures);
  return (
    <section aria-labelledby="your-side-heading" className={`${styles.section} ${styles.side}`}>
      <h2 id="your-side-heading">{t("side.yourHeading", { role: roleNameOf(debrief, side.role) })}</h2>
      <dl className={styles.sideFacts} data-testid="your-side">
        <div>
          <dt>{t("side.got")}</dt>
          <dd data-testid="side-got">{figures.points(side.got)}</dd>
          <dd className={styles.sideNote}>
            {side.agreed ? t("side.gotAgreed", { gain: figures.gain(gain) }) : t("side.gotNone")}
          </dd>
        </div>
        <div>
          <dt>{t("side.noDeal")}</dt>
          <dd data-testid="side-no-deal">{figures.points(side.noDeal)}</dd>
          <dd className={styles.sideNote}>{t("side.noDealNote")}</dd>
        </div>
        <div>
          <dt>{t("side.best")}</dt>
          <dd data-testid="side-best">{side.best === null ? "—" : figures.points(side.best)}</dd>
          <dd className={styles.sideNote}>
            {side.best === null
              ? t("side.bestNone")
              : short !== null && short < 0.05
                ? t("side.bestReached")
                : t("side.bestShort", { points: figures.points(short ?? 0) })}
          </dd>
        </div>
        <div>
          <dt>{t("side.gaveMost")}</dt>
          <dd data-testid="side-gave-most" className={styles.sideIssue}>
            {most.issue}
          </dd>
          <dd className={styles.sideNote}>
            {most.detail} {deal?.source === "agreed" ? t("side.inAgreed") : deal ? t("side.inLast") : ""}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The instructor's copy: every side at once. */
export function EverySide({ debrief, labels }: { debrief: Debrief; labels: Labels | null }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  if (debrief.sides.length === 0) return null;
  return (
    <section aria-labelledby="sides-heading" className={styles.section}>
      <h2 id="sides-heading">{t("side.everyHeading")}</h2>
      <p>{t("side.everyIntro")}</p>
      <Scroller label={t("side.everyHeading")}>
        <table className={`${styles.figures} ${styles.stacking}`} data-testid="every-side">
          <thead>
            <tr>
              <th scope="col">{t("words.party")}</th>
              <th scope="col">{t("side.columnGot")}</th>
              <th scope="col">{t("side.columnNoDeal")}</th>
              <th scope="col">{t("side.columnBest")}</th>
              <th scope="col">{t("side.columnGaveMost")}</th>
            </tr>
          </thead>
          <tbody>
            {debrief.sides.map((side) => {
              const most = gaveMost(side, labels, debrief.deal, "its", t, figures);
              return (
                <tr key={side.role}>
                  <th scope="row">{roleNameOf(debrief, side.role)}</th>
                  <td data-label={t("side.columnGot")}>{figures.points(side.got)}</td>
                  <td data-label={t("side.columnNoDeal")}>{figures.points(side.noDeal)}</td>
                  <td data-label={t("side.columnBest")}>
                    {side.best === null ? "—" : figures.points(side.best)}
                  </td>
                  <td data-label={t("side.columnGaveMost")}>
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
