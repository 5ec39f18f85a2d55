// The news that landed during the talks and what each piece did to the space of deals: feasible
// packages, the ZOPA, the frontier and the Nash point, before and after.
import type { Debrief, InjectedEvent } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import styles from "./Debrief.module.css";
import { useFigures } from "./figures.ts";
import { Scroller } from "./Scroller.tsx";

type Before = InjectedEvent["before"];

export function NewsSection({ debrief }: { debrief: Debrief }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  const news = debrief.injectedEvents;
  const count = (n: number | null) => (n === null ? t("words.notCounted") : figures.count(n));
  /** " (up 12)", " (down 3)", " (unchanged)"; nothing when either figure was not counted. */
  const change = (before: number | null, after: number | null) =>
    before === null || after === null
      ? ""
      : ` ${t("news.change", {
          direction: after > before ? "up" : after < before ? "down" : "same",
          by: Math.abs(after - before),
        })}`;
  const scores = (utilities: Record<string, number>) =>
    debrief.roles
      .map((r) => t("words.scoreItem", { role: r.name, points: figures.points(utilities[r.id] ?? 0) }))
      .join(t("words.separator"));
  const nash = (f: Before) => (f.nash ? scores(f.nash.utilities) : t("news.noNash"));
  return (
    <section aria-labelledby="news-heading" className={styles.section}>
      <h2 id="news-heading">{t("news.heading")}</h2>
      {news.length === 0 ? (
        <p>{t("news.none")}</p>
      ) : (
        <ol className={styles.story} data-testid="news">
          {news.map((item) => (
            <li key={`${item.event}-${item.at}`}>
              <h3 className={styles.storyTitle}>{item.title}</h3>
              <p className={styles.when}>
                {item.round === null ? t("words.beforeRounds") : t("words.round", { round: item.round })} ·{" "}
                {item.scheduled ? t("news.scheduled") : t("news.injected")}
              </p>
              {item.flash && <p>{item.flash}</p>}
              <Scroller label={t("news.changedLabel", { title: item.title })}>
                <table className={styles.figures}>
                  <caption className={styles.caption}>
                    {t("news.changedCaption", { title: item.title })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("news.columnFigure")}</th>
                      <th scope="col">{t("news.columnBefore")}</th>
                      <th scope="col">{t("news.columnAfter")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">{t("words.feasiblePackages")}</th>
                      <td>{count(item.before.feasible)}</td>
                      <td>
                        {count(item.after.feasible)}
                        {change(item.before.feasible, item.after.feasible)}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">{t("words.zopa")}</th>
                      <td>{count(item.before.zopa)}</td>
                      <td>
                        {count(item.after.zopa)}
                        {change(item.before.zopa, item.after.zopa)}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">{t("words.paretoFrontier")}</th>
                      <td>{count(item.before.paretoSize)}</td>
                      <td>
                        {count(item.after.paretoSize)}
                        {change(item.before.paretoSize, item.after.paretoSize)}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">{t("words.nashPoint")}</th>
                      <td>{nash(item.before)}</td>
                      <td>{nash(item.after)}</td>
                    </tr>
                    <tr>
                      <th scope="row">{t("words.noDealValues")}</th>
                      <td>{scores(item.before.noDeal)}</td>
                      <td>{scores(item.after.noDeal)}</td>
                    </tr>
                  </tbody>
                </table>
              </Scroller>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
