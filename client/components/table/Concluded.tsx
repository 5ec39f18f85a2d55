// The end of the talks: how they ended and what that outcome means, the agreed package, and each
// party's score against its no-deal value.
import type { TableView } from "@red-lines/shared/protocol";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { optionLabel, points, seatName, signedPoints } from "./derive.ts";
import styles from "./table.module.css";
import type { Identity } from "./useIdentity.ts";
import { reasonSentence } from "./words.ts";

/** Where this reader finds the table's debrief: the instructor always, a seat once it is shared. */
export function debriefHref(tableId: string, identity: Identity | undefined): string | null {
  if (identity?.kind === "instructor") return `/debrief/${tableId}?workshop=${identity.workshopId}`;
  if (identity?.kind === "seat") return `/debrief/${tableId}`;
  return null;
}

export function Concluded({ view, debrief = null }: { view: TableView; debrief?: string | null }) {
  const outcome = view.outcome;
  if (!outcome) return null;
  return (
    <div className={styles.concluded}>
      <section aria-labelledby="outcome-heading" className="card">
        <p className={styles.label}>How the talks ended</p>
        <h2 id="outcome-heading" className={styles.outcomeName} tabIndex={-1}>
          Outcome: {outcome.title}
        </h2>
        <p>
          {reasonSentence(outcome.reason, {
            version: outcome.version,
            walkedOut: outcome.walkedOut ? seatName(view, outcome.walkedOut) : null,
            seats: view.seats.length,
          })}
        </p>
        <p>{outcome.description}</p>
        {debrief && (
          <p>
            <a className="button" href={debrief}>
              Open the debrief
            </a>{" "}
            {view.perspective === "instructor"
              ? "What deal was possible, how close the table came, and sharing it with the students."
              : "What deal was possible and how close you came, once your facilitator shares it."}
          </p>
        )}
      </section>
      {outcome.package && (
        <section aria-labelledby="package-heading" className="card">
          <h2 id="package-heading">
            The agreed package{outcome.version !== null && ` (version ${outcome.version})`}
          </h2>
          <dl className={styles.packageList}>
            {view.issues.map((issue) => (
              <div key={issue.id}>
                <dt>{issue.name}</dt>
                <dd>{optionLabel(view, issue.id, outcome.package?.[issue.id])}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="scores-outcome-heading" className="card">
        <h2 id="scores-outcome-heading">Each party's score against its no-deal value</h2>
        {!outcome.utilities && (
          <p>Without an agreement, every party is left with what no deal is worth to it.</p>
        )}
        <table className={styles.outcomeTable}>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">{outcome.utilities ? "Score of the agreement" : "Score"}</th>
              <th scope="col">No-deal value</th>
              <th scope="col">Better or worse than no deal</th>
            </tr>
          </thead>
          <tbody>
            {view.seats.map((seat) => {
              const batna = outcome.batnas[seat.role] ?? 0;
              const score = outcome.utilities?.[seat.role] ?? batna;
              const gain = score - batna;
              return (
                <tr key={seat.role}>
                  <th scope="row">
                    <RoleFlag role={seat.role} name={seat.name} /> {seatName(view, seat.role)}
                    {seat.role === view.me?.role && " (you)"}
                  </th>
                  <td>{points(score)}</td>
                  <td>{points(batna)}</td>
                  <td data-gain={gain > 0 ? "up" : gain < 0 ? "down" : "even"}>
                    {signedPoints(gain)} {gain > 0 ? "better" : gain < 0 ? "worse" : "the same"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
