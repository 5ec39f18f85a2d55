// A table's session replayed: the page reads the address (the moment `at`, the perspective `as`,
// and `workshop` for the instructor key); the credentials live in the browser, so everything else
// happens in the client component.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReplayScreen } from "../../../components/replay/ReplayScreen.tsx";
import { PageMessages } from "../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("replay.meta");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ tableId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const text = (value: string | string[] | undefined) =>
  typeof value === "string" && value !== "" ? value : null;

export default async function ReplayPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const query = await searchParams;
  const at = text(query.at);
  const seq = at !== null && /^\d+$/.test(at) ? Number(at) : null;
  // The moment is drawn with the table screen's own read-only parts (table).
  return (
    <PageMessages areas={["replay", "engine", "table"]}>
      <ReplayScreen
        tableId={tableId}
        workshopId={text(query.workshop)}
        initialAt={seq}
        initialPerspective={text(query.as)}
      />
    </PageMessages>
  );
}
