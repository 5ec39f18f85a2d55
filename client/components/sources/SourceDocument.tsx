// A seed document as the scenario cites it: the cited sections (each with its anchor and what
// cites it) and, when this server has the document installed, its text with those sections
// anchored; the one a link points at is highlighted (CSS :target).

import styles from "./SourceDocument.module.css";
import type { CitedDocument } from "./scenarioCitations.ts";
import type { Paragraph } from "./seedDocument.ts";

type Props = {
  document: CitedDocument;
  text: { paragraphs: Paragraph[]; unmatched: string[] } | null;
};

export function SourceDocument({ document, text }: Props) {
  const position = new Map(
    text?.paragraphs.flatMap((p) => p.anchors.map((slug) => [slug, p.position] as const)),
  );
  // In the document's order when its text is here, else in the scenario's.
  const sections = [...document.sections].sort(
    (a, b) => (position.get(a.slug) ?? Infinity) - (position.get(b.slug) ?? Infinity),
  );
  return (
    <>
      <section aria-labelledby="cited-heading" className="card">
        <h2 id="cited-heading">Sections the scenario cites</h2>
        <ul className={styles.sections}>
          {sections.map((s) => (
            <li key={s.slug} className={styles.section}>
              {position.has(s.slug) ? (
                <a href={`#${s.slug}`} className={styles.sectionName}>
                  {s.section}
                </a>
              ) : (
                <span id={s.slug} className={styles.sectionName}>
                  {s.section}
                </span>
              )}
              <span className="muted"> — cited by {s.citedBy.join(", ")}</span>
            </li>
          ))}
        </ul>
      </section>
      {text ? (
        <section aria-labelledby="text-heading" className="card">
          <h2 id="text-heading">The document</h2>
          <p className="muted">
            Shown as installed on this server, read-only. The cited sections are marked; the one your link
            points to is highlighted.
          </p>
          {text.unmatched.length > 0 && (
            <p className="muted">Not found in this copy of the text: {text.unmatched.join("; ")}.</p>
          )}
          <div className={styles.text}>
            {text.paragraphs.map((p) => (
              <Para key={p.position} paragraph={p} />
            ))}
          </div>
        </section>
      ) : (
        <section aria-labelledby="text-heading" className="card">
          <h2 id="text-heading">The document</h2>
          <p>
            This document is not installed on this server, so only its title and the sections the scenario
            cites are shown.
          </p>
        </section>
      )}
    </>
  );
}

function Para({ paragraph }: { paragraph: Paragraph }) {
  const [first, ...more] = paragraph.anchors;
  const cited = first !== undefined;
  return (
    <p id={first} className={styles.para} data-kind={paragraph.kind} data-cited={cited}>
      {more.map((slug) => (
        <span key={slug} id={slug} className={styles.extraAnchor} />
      ))}
      {cited && <span className={styles.citedMark}>Cited: </span>}
      {paragraph.text}
    </p>
  );
}
