// The class view of a workshop: every table side by side. The instructor key lives in the
// browser, so the figures are fetched by the client component.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClassScreen } from "../../../../components/debrief/ClassScreen.tsx";
import { PageMessages } from "../../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("console"), getTranslations("app")]);
  return { title: t("pages.classTitle", { app: app("title") }) };
}

export default async function ClassViewPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return (
    <PageMessages areas={["debrief", "engine"]}>
      <ClassScreen workshopId={workshopId} />
    </PageMessages>
  );
}
