// A seat's briefing: its public stance, private brief, red lines with their sources, and its own
// score table with its no-deal value. Everyone's public stances follow; the facilitator sees each
// seat's numbers. Readable on a phone: one column, one small table per issue.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { Citations } from "./Citation.tsx";
import { seatName } from "./derive.ts";
import { useTableFormat } from "./format.ts";
import styles from "./table.module.css";

type Me = NonNullable<TableView["me"]>;

export function Brief({ view }: { view: TableView }) {
  const t = useTranslations("table");
  const me = view.me;
  return (
    <div className={styles.brief}>
      {me && <OwnBrief view={view} me={me} />}
      {view.instructor && <SeatNumbers view={view} />}
      <section aria-labelledby="stances-heading" className="card">
        <h2 id="stances-heading">{t("brief.stancesHeading")}</h2>
        <ul className={styles.stances}>
          {view.seats.map((seat) => (
            <li key={seat.role}>
              <p className={styles.stanceName}>
                <RoleFlag role={seat.role} name={seat.name} /> {seat.name}
                {seat.role === me?.role && ` ${t("you")}`}
              </p>
              <p>{seat.publicStance}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function OwnBrief({ view, me }: { view: TableView; me: Me }) {
  const t = useTranslations("table");
  const seat = view.seats.find((s) => s.role === me.role);
  return (
    <>
      <section aria-labelledby="brief-heading" className="card">
        <h2 id="brief-heading">
          {t("brief.heading", { seat: seat ? seatName(view, seat.role) : me.role })}
          <span className={styles.privateTag}>{t("brief.private")}</span>
        </h2>
        <p className={styles.label}>{t("brief.yourStance")}</p>
        <p>{seat?.publicStance}</p>
        <p className={styles.label}>{t("brief.yourBrief")}</p>
        <p>{me.brief.summary}</p>
        {me.brief.variantNote && <p>{me.brief.variantNote}</p>}
        <p className={styles.label}>{t("brief.priorities")}</p>
        <ol>
          {me.brief.priorities.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="redlines-heading" className="card">
        <h2 id="redlines-heading">{t("brief.redLinesHeading")}</h2>
        <p className="muted">{t("brief.redLinesText")}</p>
        <ul className={styles.redLines}>
          {me.redLines.map((r) => (
            <li key={r.id}>
              <p>
                <span aria-hidden="true">✖ </span>
                <strong>{r.title}</strong>: {r.explanation}
              </p>
              <p className={styles.sourceLine}>
                {t("source")} <Citations sources={r.sources} documents={view.scenario.documents} />
              </p>
            </li>
          ))}
        </ul>
      </section>
      <ScoreTable view={view} me={me} />
    </>
  );
}

function ScoreTable({ view, me }: { view: TableView; me: Me }) {
  const t = useTranslations("table");
  const { points } = useTableFormat();
  return (
    <section aria-labelledby="scores-heading" className="card">
      <h2 id="scores-heading">{t("brief.scoresHeading")}</h2>
      <p>
        {t.rich("brief.scoresText", {
          batna: points(me.batna),
          changed: me.batna !== me.startingBatna ? "yes" : "no",
          start: points(me.startingBatna),
          b: (text: ReactNode) => <strong>{text}</strong>,
        })}
      </p>
      <div className={styles.scoreTables}>
        {view.issues.map((issue) => {
          const weight = me.weights[issue.id] ?? 0;
          const scores = me.scores[issue.id] ?? {};
          return (
            <table key={issue.id} className={styles.scoreTable}>
              <caption>
                {issue.name} <span className="muted">{t("brief.weight", { weight: points(weight) })}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("brief.option")}</th>
                  <th scope="col">{t("brief.score")}</th>
                  <th scope="col">{t("brief.points")}</th>
                </tr>
              </thead>
              <tbody>
                {issue.options.map((o) => {
                  const score = scores[o.id] ?? 0;
                  return (
                    <tr key={o.id}>
                      <th scope="row">{o.label}</th>
                      <td>{points(score)}</td>
                      <td>{points((weight * score) / 100)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        })}
      </div>
    </section>
  );
}

/** The facilitator's view of every seat's numbers on the draft and the version on the table. */
function SeatNumbers({ view }: { view: TableView }) {
  const t = useTranslations("table");
  const { points, signedPoints, quoted } = useTableFormat();
  const seats = view.instructor?.seats ?? [];
  return (
    <section aria-labelledby="numbers-heading" className="card">
      <h2 id="numbers-heading">{t("brief.numbers.heading")}</h2>
      <table className={styles.numbersTable}>
        <thead>
          <tr>
            <th scope="col">{t("brief.numbers.seat")}</th>
            <th scope="col">{t("brief.numbers.draft")}</th>
            <th scope="col">{t("brief.numbers.onTable")}</th>
            <th scope="col">{t("brief.numbers.noDeal")}</th>
            <th scope="col">{t("brief.numbers.broken")}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((s) => {
            const current = s.versions.find((v) => v.number === view.currentVersion);
            return (
              <tr key={s.role}>
                <th scope="row">{seatName(view, s.role)}</th>
                <td>{points(s.draft.utility)}</td>
                <td>{current ? `${points(current.utility)} (${signedPoints(current.gain)})` : "—"}</td>
                <td>{points(s.batna)}</td>
                <td>
                  {current && current.violations.length > 0
                    ? quoted(current.violations.map((v) => v.title))
                    : t("brief.numbers.none")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
