// A table's debrief. The page only reads the address (`workshop` names the workshop whose
// instructor key this browser may hold); the key or the seat token live in the browser, so
// everything else happens in the client component.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DebriefScreen } from "../../../components/debrief/DebriefScreen.tsx";
import { PageMessages } from "../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("debrief.meta");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ tableId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DebriefPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const { workshop } = await searchParams;
  // The debrief shows the table's source citations and how its talks ended (table), and the
  // instructor's log downloads (console).
  return (
    <PageMessages areas={["debrief", "engine", "table", "console"]}>
      <DebriefScreen
        tableId={tableId}
        workshopId={typeof workshop === "string" && workshop !== "" ? workshop : null}
      />
    </PageMessages>
  );
}
