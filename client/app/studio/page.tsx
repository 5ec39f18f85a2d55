// The scenario studio: course designers write and adapt scenarios in the browser, with the
// analysis live beside the form. The key is typed or taken from this browser, so everything
// happens in the client component; the page itself carries no scenario data.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import styles from "../../components/studio/Studio.module.css";
import { StudioApp } from "../../components/studio/StudioApp.tsx";
import { PageMessages } from "../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("studio.page");
  return { title: t("metaTitle") };
}

export default async function StudioPage() {
  const t = await getTranslations("studio.page");
  return (
    <main id="main" className={styles.page}>
      <h1>{t("title")}</h1>
      <p className={styles.lede}>{t("lede")}</p>
      <p className={styles.narrow}>{t("narrow")}</p>
      <PageMessages areas={["studio", "engine", "checks"]}>
        <StudioApp />
      </PageMessages>
    </main>
  );
}
