// The facilitator's guide, rendered from its one source, docs/facilitator-guide.md, or its
// translation for the reader's language when there is one (server component). Linked from the
// instructor console, which passes its workshop for the way back.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "../../components/guide/Guide.module.css";
import { readGuide } from "../../components/guide/guideSource.ts";
import { Markdown } from "../../components/guide/Markdown.tsx";
import { parseMarkdown } from "../../components/guide/markdown.ts";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("entry.meta"), getTranslations("app")]);
  return { title: t("guide", { app: app("title") }) };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function GuidePage({
  searchParams,
}: {
  searchParams: Promise<{ workshop?: string | string[] }>;
}) {
  const { workshop } = await searchParams;
  const back = typeof workshop === "string" && uuid.test(workshop) ? `/instructor/${workshop}` : null;
  const t = await getTranslations("entry.guide");
  const locale = await getLocale();
  const guide = await readGuide(locale);
  const blocks = parseMarkdown(guide.text);
  return (
    <main id="main" className={`page ${styles.guide}`}>
      <nav aria-label={t("back")} className={styles.back}>
        {back ? (
          <Link href={back}>
            <span aria-hidden="true">← </span>
            {t("toConsole")}
          </Link>
        ) : (
          <Link href="/">
            <span aria-hidden="true">← </span>
            {t("home")}
          </Link>
        )}
      </nav>
      {/* The English guide, shown where the reader's language has no translation, is marked as English. */}
      <article lang={guide.locale === locale ? undefined : guide.locale}>
        <Markdown blocks={blocks} />
      </article>
    </main>
  );
}
