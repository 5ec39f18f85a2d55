// The instructor console for one workshop. The key comes from the instructor link's fragment,
// which only the browser sees, so everything live happens in the client component.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import styles from "../../../components/console/Console.module.css";
import { InstructorConsole } from "../../../components/console/InstructorConsole.tsx";
import { PageMessages } from "../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("console"), getTranslations("app")]);
  return { title: t("pages.consoleTitle", { app: app("title") }) };
}

export default async function InstructorConsolePage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const t = await getTranslations("console");
  return (
    <main id="main" className={styles.page}>
      <h1 className={styles.h1}>{t("pages.console")}</h1>
      {/* "entry": the observer link's copy button (components/entry/CopyButton.tsx). */}
      <PageMessages areas={["console", "entry", "engine", "table"]}>
        <InstructorConsole workshopId={workshopId} />
      </PageMessages>
    </main>
  );
}
