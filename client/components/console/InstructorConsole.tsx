"use client";
// The instructor console: reads the key from the instructor link (or this browser's storage),
// connects to the workshop's console room, and lays out the header, every table's tile, the
// commands for several tables, and the alerts.
import type { WorkshopDeleted } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { takeKeyFromFragment } from "../../lib/credentials.ts";
import { useServerErrorText } from "../../lib/serverErrors.ts";
import { useConsole } from "../../lib/useConsole.ts";
import { AlertFeed } from "./AlertFeed.tsx";
import { BulkControls } from "./BulkControls.tsx";
import styles from "./Console.module.css";
import { ConsoleHeader } from "./ConsoleHeader.tsx";
import { DeleteWorkshop } from "./DeleteWorkshop.tsx";
import { KeyPrompt } from "./KeyPrompt.tsx";
import { TableControls } from "./TableControls.tsx";
import { TableTile } from "./TableTile.tsx";
import { useCommandAnswers } from "./useCommandAnswers.ts";
import { useNow } from "./useNow.ts";

export function InstructorConsole({ workshopId }: { workshopId: string }) {
  const t = useTranslations("console");
  // undefined: not read yet (the fragment is only visible in the browser).
  const [key, setKey] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    setKey(takeKeyFromFragment(workshopId));
  }, [workshopId]);

  if (key === undefined) {
    return (
      <p className={styles.waiting} role="status">
        {t("desk.reading")}
      </p>
    );
  }
  if (key === null) return <KeyPrompt workshopId={workshopId} reason="missing" onKey={setKey} />;
  return <ConsoleView key={key} workshopId={workshopId} instructorKey={key} onKey={setKey} />;
}

function ConsoleView({
  workshopId,
  instructorKey,
  onKey,
}: {
  workshopId: string;
  instructorKey: string;
  onKey: (key: string) => void;
}) {
  const [deleted, setDeleted] = useState<WorkshopDeleted["deleted"] | null>(null);
  if (deleted) return <WorkshopGone deleted={deleted} />;
  return (
    <ConsoleDesk workshopId={workshopId} instructorKey={instructorKey} onKey={onKey} onDeleted={setDeleted} />
  );
}

/** What is left once the instructor deleted the workshop: a sentence saying what went. */
function WorkshopGone({ deleted }: { deleted: WorkshopDeleted["deleted"] }) {
  const t = useTranslations("console");
  return (
    <section className={styles.waiting} role="status" aria-labelledby="deleted-heading">
      <h2 id="deleted-heading">{t("desk.deletedHeading")}</h2>
      <p>{t("desk.deleted", { tables: deleted.tables, seats: deleted.seats, events: deleted.events })}</p>
      <p>
        <a href="/">{t("desk.home")}</a>
      </p>
    </section>
  );
}

function ConsoleDesk({
  workshopId,
  instructorKey,
  onKey,
  onDeleted,
}: {
  workshopId: string;
  instructorKey: string;
  onKey: (key: string) => void;
  onDeleted: (deleted: WorkshopDeleted["deleted"]) => void;
}) {
  const t = useTranslations("console");
  const serverText = useServerErrorText();
  const desk = useConsole(workshopId, instructorKey);
  const now = useNow(1_000);
  const numbers = desk.tables.map((tile) => tile.number);
  const { answers, execute } = useCommandAnswers(desk.run, numbers, t);
  const [controlsFor, setControlsFor] = useState<string | null>(null);
  const controlled = desk.tables.find((tile) => tile.tableId === controlsFor);
  const ready = desk.joinCode !== null;

  return (
    <>
      <ConsoleHeader
        workshopId={workshopId}
        instructorKey={instructorKey}
        joinCode={desk.joinCode}
        status={desk.status}
        tableCount={desk.tables.length}
      />

      {desk.problem && (
        <p className={`error ${styles.problem}`} role="alert">
          {desk.problem}
        </p>
      )}
      {(desk.status === "closed" || desk.status === "failed") && (
        <p className={styles.problem}>
          <button type="button" onClick={() => window.location.reload()}>
            {desk.status === "closed" ? t("desk.reconnect") : t("desk.tryAgain")}
          </button>
        </p>
      )}
      {desk.status === "failed" && <KeyPrompt workshopId={workshopId} reason="refused" onKey={onKey} />}
      {desk.notice && (
        <p className={`error ${styles.problem}`} role="alert">
          {t("desk.refused", { message: serverText.room(desk.notice) })}
        </p>
      )}

      {ready && (
        <>
          <BulkControls tables={desk.tables} events={desk.events} execute={execute} />
          <div className={styles.layout}>
            <section className={styles.tables} aria-labelledby="tables-heading">
              <h2 id="tables-heading" className={styles.sectionTitle}>
                {t("desk.tables")}
              </h2>
              <div className={styles.grid}>
                {desk.tables.map((tile) => (
                  <TableTile
                    key={tile.tableId}
                    tile={tile}
                    events={desk.events}
                    alertCount={desk.alerts.filter((alert) => alert.tableId === tile.tableId).length}
                    answer={answers.get(tile.number)}
                    busy={answers.get(tile.number)?.kind === "pending"}
                    now={now}
                    workshopId={workshopId}
                    onStep={(command, label) => void execute([tile.number], { type: command }, label)}
                    onOpenControls={() => setControlsFor(tile.tableId)}
                  />
                ))}
              </div>
            </section>
            <AlertFeed alerts={desk.alerts} tableNumbers={numbers} ready={ready} />
          </div>
          <DeleteWorkshop
            workshopId={workshopId}
            instructorKey={instructorKey}
            tableCount={desk.tables.length}
            onDeleted={onDeleted}
          />
        </>
      )}

      {controlled && (
        <TableControls
          tile={controlled}
          events={desk.events}
          answer={answers.get(controlled.number)}
          execute={execute}
          workshopId={workshopId}
          instructorKey={instructorKey}
          watchToken={desk.watchToken}
          onClose={() => setControlsFor(null)}
        />
      )}
    </>
  );
}
