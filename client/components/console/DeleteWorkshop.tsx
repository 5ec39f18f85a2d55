"use client";
import type { WorkshopDeleted } from "@red-lines/shared/protocol";
// The workshop's data at the foot of the console: what is kept, and deleting the workshop with
// everything of it, after a confirmation (Cancel has the focus first).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteWorkshop } from "../../lib/api.ts";
import { forgetInstructorKey } from "../../lib/credentials.ts";
import { useServerErrorText } from "../../lib/serverErrors.ts";
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
  const t = useTranslations("console");
  const serverText = useServerErrorText();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setProblem(null);
    const result = await deleteWorkshop(workshopId, instructorKey);
    setBusy(false);
    if (!result.ok) {
      setProblem(t("deleteWorkshop.failed", { message: serverText.http(result) }));
      return;
    }
    forgetInstructorKey(workshopId);
    onDeleted(result.value.deleted);
  }

  return (
    <section className={styles.bulk} aria-labelledby="workshop-data-heading">
      <h2 id="workshop-data-heading" className={styles.bulkTitle}>
        {t("deleteWorkshop.heading")}
      </h2>
      <div className={styles.group}>
        <p className={styles.hint}>{t("deleteWorkshop.hint")}</p>
        <button type="button" className={styles.danger} disabled={busy} onClick={() => setConfirming(true)}>
          {busy ? t("deleteWorkshop.deleting") : t("deleteWorkshop.delete")}
        </button>
        {problem && (
          <p className={styles.problem} role="alert">
            {problem}
          </p>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t("deleteWorkshop.confirmTitle")}
          question={t("deleteWorkshop.confirmQuestion", { tables: tableCount })}
          confirmLabel={t("deleteWorkshop.confirm")}
          onConfirm={() => void remove()}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
