"use client";
// The latest news flash across the top of the table until it is dismissed, with its source.
import type { TableView } from "@red-lines/shared/protocol";
import { Citations } from "./Citation.tsx";
import styles from "./table.module.css";
import { useSessionState } from "./useSessionState.ts";

export function NewsBanner({ view, storageKey }: { view: TableView; storageKey: string | null }) {
  const [dismissed, setDismissed] = useSessionState<string[]>(storageKey, []);
  const latest = view.news.at(-1);
  if (!latest || dismissed.includes(latest.event)) return null;
  return (
    <section className={styles.news} aria-label="News flash">
      <p className={styles.newsTitle}>News flash: {latest.title}</p>
      <p>{latest.flash}</p>
      {latest.sources.length > 0 && (
        <p className={styles.sourceLine}>
          Source: <Citations sources={latest.sources} documents={view.scenario.documents} />
        </p>
      )}
      <button
        type="button"
        className={styles.secondary}
        onClick={() => setDismissed((list) => [...list, latest.event])}
      >
        Dismiss news flash
      </button>
    </section>
  );
}
