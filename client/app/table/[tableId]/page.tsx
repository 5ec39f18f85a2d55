// A table, live. The page only reads the address; the connection and everything on screen are
// the client component's (it needs this browser's stored seat or instructor key).
import type { Metadata } from "next";
import { TableScreen } from "../../../components/table/TableScreen.tsx";

export const metadata: Metadata = { title: "Table · Red Lines" };

type Props = {
  params: Promise<{ tableId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TablePage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const { workshop, watch } = await searchParams;
  return (
    <TableScreen
      tableId={tableId}
      workshopId={typeof workshop === "string" ? workshop : null}
      watchToken={typeof watch === "string" ? watch : null}
    />
  );
}
