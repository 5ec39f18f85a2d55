// Red lines a package breaks, as sentences: "this would break “No legal cession…”: <why> — source
// <document>, <section>". Used for the live check while editing and for a version on the table.
import type { TableView } from "@red-lines/shared/protocol";
import { Citations } from "./Citation.tsx";
import type { Violation } from "./derive.ts";
import styles from "./table.module.css";

export function ViolationList({
  view,
  violations,
  lead,
}: {
  view: TableView;
  violations: readonly Violation[];
  /** e.g. "this would break", "accepting it would break". */
  lead: string;
}) {
  return (
    <ul className={styles.violations}>
      {violations.map((v) => (
        <li key={v.rule}>
          <span aria-hidden="true">✖ </span>
          {lead} <strong>“{v.title}”</strong>: {v.explanation}
          {v.sources.length > 0 && (
            <>
              {" "}
              — source <Citations sources={v.sources} documents={view.scenario.documents} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
