// A seed document as the scenario cites it: the cited sections (each with its anchor and what
// cites it) and, when this server has the document installed, its text with those sections
// anchored; the one a link points at is highlighted (CSS :target). The page's own words are in the
// reader's language; the document and its section names are the English seed document's.
import { useLocale, useTranslations } from "next-intl";
import styles from "./SourceDocument.module.css";
import type { CitedDocument, Citer } from "./scenarioCitations.ts";
import type { Paragraph } from "./seedDocument.ts";

type Props = {
  document: CitedDocument;
  text: { paragraphs: Paragraph[]; unmatched: string[] } | null;
};

export function SourceDocument({ document, text }: Props) {
  const t = useTranslations("entry.sources");
  const locale = useLocale();
  const citer = (c: Citer) =>
    c.kind === "red-lines" ? t("redLines", { count: c.count }) : t(c.kind, { name: c.name });
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
        <h2 id="cited-heading">{t("citedHeading")}</h2>
        <ul className={styles.sections}>
          {sections.map((s) => (
            <li key={s.slug} className={styles.section}>
              {position.has(s.slug) ? (
                <a href={`#${s.slug}`} className={styles.sectionName} lang="en">
                  {s.section}
                </a>
              ) : (
                <span id={s.slug} className={styles.sectionName} lang="en">
                  {s.section}
                </span>
              )}
              <span className="muted">{t("citedBy", { citers: s.citers.map(citer).join(", ") })}</span>
            </li>
          ))}
        </ul>
      </section>
      {text ? (
        <section aria-labelledby="text-heading" className="card">
          <h2 id="text-heading">{t("textHeading")}</h2>
          <p className="muted">{t("shown")}</p>
          {text.unmatched.length > 0 && (
            <p className="muted">{t("unmatched", { sections: text.unmatched.join("; ") })}</p>
          )}
          <div className={styles.text} lang="en">
            {text.paragraphs.map((p) => (
              <Para key={p.position} paragraph={p} citedMark={{ text: t("cited"), lang: locale }} />
            ))}
          </div>
        </section>
      ) : (
        <section aria-labelledby="text-heading" className="card">
          <h2 id="text-heading">{t("textHeading")}</h2>
          <p>{t("notInstalled")}</p>
        </section>
      )}
    </>
  );
}

/** A paragraph of the English document; its "Cited" mark is in the reader's language. */
function Para({ paragraph, citedMark }: { paragraph: Paragraph; citedMark: { text: string; lang: string } }) {
  const [first, ...more] = paragraph.anchors;
  const cited = first !== undefined;
  return (
    <p id={first} className={styles.para} data-kind={paragraph.kind} data-cited={cited}>
      {more.map((slug) => (
        <span key={slug} id={slug} className={styles.extraAnchor} />
      ))}
      {cited && (
        <span className={styles.citedMark} lang={citedMark.lang}>
          {citedMark.text}
        </span>
      )}
      {paragraph.text}
    </p>
  );
}
