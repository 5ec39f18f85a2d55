// A table's debrief. The page only reads the address (`workshop` names the workshop whose
// instructor key this browser may hold); the key or the seat token live in the browser, so
// everything else happens in the client component.
import type { Metadata } from "next";
import { DebriefScreen } from "../../../components/debrief/DebriefScreen.tsx";

export const metadata: Metadata = { title: "Debrief · Red Lines" };

type Props = {
  params: Promise<{ tableId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DebriefPage({ params, searchParams }: Props) {
  const { tableId } = await params;
  const { workshop } = await searchParams;
  return (
    <DebriefScreen
      tableId={tableId}
      workshopId={typeof workshop === "string" && workshop !== "" ? workshop : null}
    />
  );
}
