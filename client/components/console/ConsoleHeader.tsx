"use client";
// The top of the console: the join code large enough to read out, the connection's state, the
// projector's join screen, the class view, the facilitator's guide, and the whole workshop's log.
import { useTranslations } from "next-intl";
import type { ConnectionStatus } from "../../lib/liveRoom.ts";
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
  const t = useTranslations("console");
  return (
    <header className={styles.header}>
      <div className={styles.titleBlock}>
        <p className={styles.connection} data-state={status} role="status" aria-live="polite">
          <span aria-hidden="true">{connectionIcon[status]}</span> {t(`header.connection.${status}`)}
        </p>
      </div>
      <div className={styles.codeBlock}>
        <p className={styles.codeLabel}>{t("header.joinCode", { tables: tableCount })}</p>
        <p className={styles.code} data-testid="join-code">
          {joinCode ?? "……"}
        </p>
      </div>
      <nav className={styles.links} aria-label={t("header.nav")}>
        <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}/join`}>
          {t("header.joinScreen")}
        </a>
        <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}/class`}>
          {t("header.classView")}
        </a>
        <a className={`button ${styles.secondary}`} href={`/guide?workshop=${workshopId}`}>
          {t("header.guide")}
        </a>
        <LogDownloads workshopId={workshopId} instructorKey={instructorKey} whose="workshop" />
      </nav>
    </header>
  );
}
