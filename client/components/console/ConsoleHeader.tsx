"use client";
// The top of the console: the join code large enough to read out, the connection's state, the
// projector's join screen, the class view, the facilitator's guide, and the whole workshop's log.
import type { ConnectionStatus } from "../../lib/liveRoom.ts";
import { connectionText } from "../../lib/liveRoom.ts";
import styles from "./Console.module.css";
import { LogDownloads } from "./LogDownloads.tsx";

const connectionIcon: Record<ConnectionStatus, string> = {
  connecting: "◌",
  open: "●",
  reconnecting: "◌",
  closed: "○",
  failed: "✕",
};

export function ConsoleHeader({
  workshopId,
  instructorKey,
  joinCode,
  status,
  tableCount,
}: {
  workshopId: string;
  instructorKey: string;
  joinCode: string | null;
  status: ConnectionStatus;
  tableCount: number;
}) {
  return (
    <header className={styles.header}>
      <div className={styles.titleBlock}>
        <p className={styles.connection} data-state={status} role="status" aria-live="polite">
          <span aria-hidden="true">{connectionIcon[status]}</span> {connectionText[status]}
        </p>
      </div>
      <div className={styles.codeBlock}>
        <p className={styles.codeLabel}>
          Join code{tableCount > 0 ? ` · ${tableCount} table${tableCount === 1 ? "" : "s"}` : ""}
        </p>
        <p className={styles.code} data-testid="join-code">
          {joinCode ?? "……"}
        </p>
      </div>
      <nav className={styles.links} aria-label="Workshop">
        <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}/join`}>
          Join screen for the projector
        </a>
        <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}/class`}>
          Class view
        </a>
        <a className={`button ${styles.secondary}`} href={`/guide?workshop=${workshopId}`}>
          Facilitator&apos;s guide
        </a>
        <LogDownloads workshopId={workshopId} instructorKey={instructorKey} whose="the workshop's" />
      </nav>
    </header>
  );
}
