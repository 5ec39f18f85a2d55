// The projector's join screen: the join code large enough for the back of the room, a QR code of the
// join link, and who has joined where, live from the instructor console's connection.
import type { Metadata } from "next";
import { JoinScreen } from "../../../../components/entry/JoinScreen.tsx";

export const metadata: Metadata = { title: "Join screen · Red Lines" };

export default async function JoinScreenPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return <JoinScreen workshopId={workshopId} />;
}
