// A table, live. The page only reads the address; the connection and everything on screen are
// the client component's (it needs this browser's stored seat or instructor key).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TableScreen } from "../../../components/table/TableScreen.tsx";
import { PageMessages } from "../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("table");
  return { title: t("meta.table") };
}

type Props = {
  params: Promise<{ tableId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TablePage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const { workshop, watch } = await searchParams;
  return (
    <PageMessages areas={["table", "engine"]}>
      <TableScreen
        tableId={tableId}
        workshopId={typeof workshop === "string" ? workshop : null}
        watchToken={typeof watch === "string" ? watch : null}
      />
    </PageMessages>
  );
}
