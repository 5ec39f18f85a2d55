// The class view of a workshop: every table side by side. The instructor key lives in the
// browser, so the figures are fetched by the client component.
import type { Metadata } from "next";
import { ClassScreen } from "../../../../components/debrief/ClassScreen.tsx";

export const metadata: Metadata = { title: "Class view · Red Lines" };

export default async function ClassViewPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return <ClassScreen workshopId={workshopId} />;
}
