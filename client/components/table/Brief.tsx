// A seat's briefing: its public stance, private brief, red lines with their sources, and its own
// score table with its no-deal value. Everyone's public stances follow; the facilitator sees each
// seat's numbers. Readable on a phone: one column, one small table per issue.
import { quoted } from "@red-lines/shared/client";
import type { TableView } from "@red-lines/shared/protocol";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { Citations } from "./Citation.tsx";
import { points, seatName, signedPoints } from "./derive.ts";
import styles from "./table.module.css";

type Me = NonNullable<TableView["me"]>;

export function Brief({ view }: { view: TableView }) {
  const me = view.me;
  return (
    <div className={styles.brief}>
      {me && <OwnBrief view={view} me={me} />}
      {view.instructor && <SeatNumbers view={view} />}
      <section aria-labelledby="stances-heading" className="card">
        <h2 id="stances-heading">Public stances</h2>
        <ul className={styles.stances}>
          {view.seats.map((seat) => (
            <li key={seat.role}>
              <p className={styles.stanceName}>
                <RoleFlag role={seat.role} name={seat.name} /> {seat.name}
                {seat.role === me?.role && " (you)"}
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
  const seat = view.seats.find((s) => s.role === me.role);
  return (
    <>
      <section aria-labelledby="brief-heading" className="card">
        <h2 id="brief-heading">
          Your brief: {seat ? seatName(view, seat.role) : me.role}
          <span className={styles.privateTag}>private</span>
        </h2>
        <p className={styles.label}>Your public stance (everyone reads this)</p>
        <p>{seat?.publicStance}</p>
        <p className={styles.label}>Your private brief (only you read this)</p>
        <p>{me.brief.summary}</p>
        {me.brief.variantNote && <p>{me.brief.variantNote}</p>}
        <p className={styles.label}>Your priorities</p>
        <ol>
          {me.brief.priorities.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="redlines-heading" className="card">
        <h2 id="redlines-heading">Your red lines</h2>
        <p className="muted">
          The server will not let you table or accept a package that breaks one of these. Others do not see
          them.
        </p>
        <ul className={styles.redLines}>
          {me.redLines.map((r) => (
            <li key={r.id}>
              <p>
                <span aria-hidden="true">✖ </span>
                <strong>{r.title}</strong>: {r.explanation}
              </p>
              <p className={styles.sourceLine}>
                Source: <Citations sources={r.sources} documents={view.scenario.documents} />
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
  return (
    <section aria-labelledby="scores-heading" className="card">
      <h2 id="scores-heading">Your scores</h2>
      <p>
        A package is worth the sum of its options' points to you (0–100).{" "}
        <strong>No deal is worth {points(me.batna)}</strong>
        {me.batna !== me.startingBatna && ` (it started at ${points(me.startingBatna)}; the news changed it)`}
        : a package below that leaves you worse off than walking away.
      </p>
      <div className={styles.scoreTables}>
        {view.issues.map((issue) => {
          const weight = me.weights[issue.id] ?? 0;
          const scores = me.scores[issue.id] ?? {};
          return (
            <table key={issue.id} className={styles.scoreTable}>
              <caption>
                {issue.name} <span className="muted">— weight {points(weight)}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col">Score</th>
                  <th scope="col">Points</th>
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
  const seats = view.instructor?.seats ?? [];
  return (
    <section aria-labelledby="numbers-heading" className="card">
      <h2 id="numbers-heading">Every seat's numbers (facilitator only)</h2>
      <table className={styles.numbersTable}>
        <thead>
          <tr>
            <th scope="col">Seat</th>
            <th scope="col">Draft</th>
            <th scope="col">On the table</th>
            <th scope="col">No deal</th>
            <th scope="col">Red lines broken by the table</th>
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
                    : "none"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
