// The facilitator's guide, rendered from its one source, docs/facilitator-guide.md (server
// component). Linked from the instructor console, which passes its workshop for the way back.
import type { Metadata } from "next";
import Link from "next/link";
import styles from "../../components/guide/Guide.module.css";
import { readGuide } from "../../components/guide/guideSource.ts";
import { Markdown } from "../../components/guide/Markdown.tsx";
import { parseMarkdown } from "../../components/guide/markdown.ts";

export const metadata: Metadata = { title: "Facilitator's guide · Red Lines" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function GuidePage({
  searchParams,
}: {
  searchParams: Promise<{ workshop?: string | string[] }>;
}) {
  const { workshop } = await searchParams;
  const back = typeof workshop === "string" && uuid.test(workshop) ? `/instructor/${workshop}` : null;
  const blocks = parseMarkdown(await readGuide());
  return (
    <main id="main" className={`page ${styles.guide}`}>
      <nav aria-label="Back" className={styles.back}>
        {back ? (
          <Link href={back}>
            <span aria-hidden="true">← </span>Back to the console
          </Link>
        ) : (
          <Link href="/">
            <span aria-hidden="true">← </span>Home page
          </Link>
        )}
      </nav>
      <article>
        <Markdown blocks={blocks} />
      </article>
    </main>
  );
}
