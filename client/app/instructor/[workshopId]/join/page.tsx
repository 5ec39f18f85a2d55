// The projector's join screen: the join code large enough for the back of the room, a QR code of the
// join link, and who has joined where, live from the instructor console's connection.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JoinScreen } from "../../../../components/entry/JoinScreen.tsx";
import { PageMessages } from "../../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("console"), getTranslations("app")]);
  return { title: t("pages.joinTitle", { app: app("title") }) };
}

export default async function JoinScreenPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return (
    <PageMessages areas={["entry", "engine", "table"]}>
      <JoinScreen workshopId={workshopId} />
    </PageMessages>
  );
}
