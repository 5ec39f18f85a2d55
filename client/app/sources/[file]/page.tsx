// A cited seed document: its title, the sections the scenario cites (anchored like the table's
// citation links) and, when installed on this server, the document itself. Server component;
// `file` must be one of the scenarios' documents, so no other path is ever read. The page's own
// words, the document's title and the names of what cites it are in the reader's language; the
// document is the English seed document (its sections too), and a reader of another language is
// told so.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { sectionSlug } from "../../../components/sources/citation.ts";
import { SourceDocument } from "../../../components/sources/SourceDocument.tsx";
import { citedDocument } from "../../../components/sources/scenarioCitations.ts";
import { anchoredParagraphs, readSeed } from "../../../components/sources/seedDocument.ts";

type Props = {
  params: Promise<{ file: string }>;
  searchParams: Promise<{ section?: string | string[] }>;
};

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { file } = await params;
  const document = citedDocument(decoded(file), await getLocale());
  const [t, app] = await Promise.all([getTranslations("entry.meta"), getTranslations("app")]);
  return {
    title: document ? `${document.title} · ${app("title")}` : t("unknownSource", { app: app("title") }),
  };
}

/** The section a citation link asks for (`?section=`), anchored even when no listed citer names it. */
function askedSection(value: string | string[] | undefined): { section: string; slug: string }[] {
  if (typeof value !== "string" || value.trim() === "" || value.length > 300) return [];
  return [{ section: value, slug: sectionSlug(value) }];
}

export default async function SourcePage({ params, searchParams }: Props) {
  const { file } = await params;
  const locale = await getLocale();
  const document = citedDocument(decoded(file), locale);
  if (!document) notFound();
  const t = await getTranslations("entry.sources");
  const raw = await readSeed(document.file);
  const asked = askedSection((await searchParams).section).filter(
    (a) => !document.sections.some((s) => s.slug === a.slug),
  );
  const anchored = raw === null ? null : anchoredParagraphs(raw, [...document.sections, ...asked]);
  // A section only the link asked for and the text lacks is not news to report.
  const text = anchored && {
    ...anchored,
    unmatched: anchored.unmatched.filter((u) => !asked.some((a) => a.section === u)),
  };
  return (
    <main id="main" className="page">
      <p className="muted">{t("kicker", { scenarios: document.scenarios.join(", ") })}</p>
      <h1 lang={document.titleLang}>{document.title}</h1>
      <p className="muted">{t("file", { file: document.file })}</p>
      {locale === "en" ? null : <p className="lede">{t("inEnglish")}</p>}
      <SourceDocument document={document} text={text} />
    </main>
  );
}
