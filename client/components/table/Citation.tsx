// A source citation: the document's title and the section, linking to that section on the
// sources page (opened in a new tab so the live table stays where it is). The sources are in
// English: a reader of another language is told so.
import { useTranslations } from "next-intl";
import { sourceHref } from "../sources/citation.ts";
import type { Source } from "./derive.ts";
import styles from "./table.module.css";

export function Citation({
  source,
  documents,
}: {
  source: Source;
  documents: readonly { file: string; title: string }[];
}) {
  const t = useTranslations("table.citation");
  const title = documents.find((d) => d.file === source.file)?.title ?? source.file;
  return (
    <a className={styles.citation} href={sourceHref(source)} target="_blank" rel="noopener">
      {/* The section's name is the English source's own words, marked so (read in English). */}
      {t.rich("text", { title, section: source.section, en: (words) => <span lang="en">{words}</span> })}
      <span className="visually-hidden"> {t("newTab")}</span>
    </a>
  );
}

export function Citations({
  sources,
  documents,
}: {
  sources: readonly Source[];
  documents: readonly { file: string; title: string }[];
}) {
  return (
    <>
      {sources.map((source, index) => (
        <span key={`${source.file}#${source.section}`}>
          {index > 0 && "; "}
          <Citation source={source} documents={documents} />
        </span>
      ))}
    </>
  );
}
