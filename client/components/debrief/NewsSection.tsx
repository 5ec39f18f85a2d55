// The news that landed during the talks and what each piece did to the space of deals: feasible
// packages, the ZOPA, the frontier and the Nash point, before and after.
import { formatCount, formatPoints } from "@red-lines/shared/client";
import type { Debrief, InjectedEvent } from "@red-lines/shared/protocol";
import styles from "./Debrief.module.css";
import { roundText } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

type Figures = InjectedEvent["before"];

function change(before: number | null, after: number | null): string {
  if (before === null || after === null) return "";
  if (after > before) return ` (up ${formatCount(after - before)})`;
  if (after < before) return ` (down ${formatCount(before - after)})`;
  return " (unchanged)";
}

export function NewsSection({ debrief }: { debrief: Debrief }) {
  const news = debrief.injectedEvents;
  const count = (n: number | null) => (n === null ? "not counted" : formatCount(n));
  const nash = (f: Figures) =>
    f.nash
      ? debrief.roles.map((r) => `${r.name} ${formatPoints(f.nash?.utilities[r.id] ?? 0)}`).join(", ")
      : "none";
  return (
    <section aria-labelledby="news-heading" className={styles.section}>
      <h2 id="news-heading">News during the talks</h2>
      {news.length === 0 ? (
        <p>No news landed: the scenario stayed as it was at the start.</p>
      ) : (
        <ol className={styles.story} data-testid="news">
          {news.map((item) => (
            <li key={`${item.event}-${item.at}`}>
              <h3 className={styles.storyTitle}>{item.title}</h3>
              <p className={styles.when}>
                {roundText(item.round)} ·{" "}
                {item.scheduled ? "landed on schedule" : "injected by the facilitator"}
              </p>
              {item.flash && <p>{item.flash}</p>}
              <Scroller label={`What ${item.title} changed`}>
                <table className={styles.figures}>
                  <caption className={styles.caption}>What “{item.title}” changed</caption>
                  <thead>
                    <tr>
                      <th scope="col">Figure</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">Feasible packages</th>
                      <td>{count(item.before.feasible)}</td>
                      <td>
                        {count(item.after.feasible)}
                        {change(item.before.feasible, item.after.feasible)}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">ZOPA</th>
                      <td>{count(item.before.zopa)}</td>
                      <td>
                        {count(item.after.zopa)}
                        {change(item.before.zopa, item.after.zopa)}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">Pareto frontier</th>
                      <td>{count(item.before.paretoSize)}</td>
                      <td>
                        {count(item.after.paretoSize)}
                        {change(item.before.paretoSize, item.after.paretoSize)}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">Nash point</th>
                      <td>{nash(item.before)}</td>
                      <td>{nash(item.after)}</td>
                    </tr>
                    <tr>
                      <th scope="row">No-deal values</th>
                      <td>
                        {debrief.roles
                          .map((r) => `${r.name} ${formatPoints(item.before.noDeal[r.id] ?? 0)}`)
                          .join(", ")}
                      </td>
                      <td>
                        {debrief.roles
                          .map((r) => `${r.name} ${formatPoints(item.after.noDeal[r.id] ?? 0)}`)
                          .join(", ")}
                      </td>
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
