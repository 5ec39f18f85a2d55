// The scenario studio: course designers write and adapt scenarios in the browser, with the
// analysis live beside the form. The key is typed or taken from this browser, so everything
// happens in the client component; the page itself carries no scenario data.
import type { Metadata } from "next";
import styles from "../../components/studio/Studio.module.css";
import { StudioApp } from "../../components/studio/StudioApp.tsx";

export const metadata: Metadata = { title: "Scenario studio · Red Lines" };

export default function StudioPage() {
  return (
    <main id="main" className={styles.page}>
      <h1>Scenario studio</h1>
      <p className={styles.lede}>
        Write a scenario or adapt one: every change is checked as you type, with the zone of agreement, the
        Nash point and colliding red lines beside the form. Save it, and workshops can choose it.
      </p>
      <p className={styles.narrow}>
        The studio is made for a computer screen. On a phone it stacks into one column: you can read, check
        and save a scenario, but the score tables are easier to edit on a wider screen.
      </p>
      <StudioApp />
    </main>
  );
}
