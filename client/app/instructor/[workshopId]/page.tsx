// The instructor console for one workshop. The key comes from the instructor link's fragment,
// which only the browser sees, so everything live happens in the client component.
import type { Metadata } from "next";
import styles from "../../../components/console/Console.module.css";
import { InstructorConsole } from "../../../components/console/InstructorConsole.tsx";

export const metadata: Metadata = { title: "Instructor console · Red Lines" };

export default async function InstructorConsolePage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  return (
    <main id="main" className={styles.page}>
      <h1 className={styles.h1}>Instructor console</h1>
      <InstructorConsole workshopId={workshopId} />
    </main>
  );
}
