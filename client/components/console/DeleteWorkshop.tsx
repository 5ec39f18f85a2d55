"use client";
import type { WorkshopDeleted } from "@red-lines/shared/protocol";
// The workshop's data at the foot of the console: what is kept, and deleting the workshop with
// everything of it, after a confirmation (Cancel has the focus first).
import { useState } from "react";
import { deleteWorkshop } from "../../lib/api.ts";
import { forgetInstructorKey } from "../../lib/credentials.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import styles from "./Controls.module.css";

export function DeleteWorkshop({
  workshopId,
  instructorKey,
  tableCount,
  onDeleted,
}: {
  workshopId: string;
  instructorKey: string;
  tableCount: number;
  onDeleted: (deleted: WorkshopDeleted["deleted"]) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const tables = `${tableCount} table${tableCount === 1 ? "" : "s"}`;

  async function remove() {
    setBusy(true);
    setProblem(null);
    const result = await deleteWorkshop(workshopId, instructorKey);
    setBusy(false);
    if (!result.ok) {
      setProblem(`The workshop was not deleted: ${result.message}`);
      return;
    }
    forgetInstructorKey(workshopId);
    onDeleted(result.value.deleted);
  }

  return (
    <section className={styles.bulk} aria-labelledby="workshop-data-heading">
      <h2 id="workshop-data-heading" className={styles.bulkTitle}>
        Students' data
      </h2>
      <div className={styles.group}>
        <p className={styles.hint}>
          This workshop keeps its students' names and messages, its logs and its settings until you delete it
          (or the server's retention period deletes it once its talks are over). To erase one student's name
          and messages only, open the controls of their table.
        </p>
        <button type="button" className={styles.danger} disabled={busy} onClick={() => setConfirming(true)}>
          {busy ? "Deleting…" : "Delete this workshop…"}
        </button>
        {problem && (
          <p className={styles.problem} role="alert">
            {problem}
          </p>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Delete this workshop?"
          question={`Its ${tables}, every seat, name, message and log, and its settings are deleted from the server now, and anyone still at its tables is disconnected. Download the logs first if you need them. This cannot be undone.`}
          confirmLabel="Delete the workshop"
          onConfirm={() => void remove()}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
