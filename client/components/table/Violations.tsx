// Red lines a package breaks, as sentences: "this would break “No legal cession…”: <why> — source
// <document>, <section>". Used for the live check while editing and for a version on the table.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
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
  /** What breaks them: the draft ("this would break") or accepting a version ("accepting it would break"). */
  lead: "draft" | "accept";
}) {
  const t = useTranslations("table.violation");
  return (
    <ul className={styles.violations}>
      {violations.map((v) => (
        <li key={v.rule}>
          <span aria-hidden="true">✖ </span>
          {t.rich(lead, {
            title: v.title,
            explanation: v.explanation,
            b: (text: ReactNode) => <strong>{text}</strong>,
          })}
          {v.sources.length > 0 && (
            <>
              {" "}
              {t.rich("source", {
                cites: () => <Citations sources={v.sources} documents={view.scenario.documents} />,
              })}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
