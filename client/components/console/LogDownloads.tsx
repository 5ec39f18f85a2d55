"use client";
// Downloads a table's event log, or the whole workshop's, as CSV or JSON: fetched with the
// instructor key (it travels in a header, never in a link) and saved through an <a download>.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { downloadLog } from "../../lib/api.ts";
import { useServerErrorText } from "../../lib/serverErrors.ts";
import styles from "./Controls.module.css";

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function LogDownloads({
  workshopId,
  instructorKey,
  tableId,
  whose,
}: {
  workshopId: string;
  instructorKey: string;
  tableId?: string;
  /** Whose log, for the buttons' names: the workshop's, "this table's", or table 3's. */
  whose: "workshop" | "thisTable" | { table: number };
}) {
  const t = useTranslations("console");
  const serverText = useServerErrorText();
  const owner = typeof whose === "string" ? { whose, table: 0 } : { whose: "table", table: whose.table };
  const [busy, setBusy] = useState<"csv" | "json" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function download(format: "csv" | "json") {
    setBusy(format);
    setProblem(null);
    const result = await downloadLog(workshopId, instructorKey, format, tableId);
    setBusy(null);
    if (result.ok) save(result.value.blob, result.value.filename);
    else setProblem(t("logs.failed", { format: format.toUpperCase(), message: serverText.http(result) }));
  }

  return (
    <div className={styles.downloads}>
      {(["csv", "json"] as const).map((format) => (
        <button
          key={format}
          type="button"
          className={styles.secondary}
          disabled={busy !== null}
          onClick={() => void download(format)}
        >
          {busy === format
            ? t("logs.preparing")
            : t("logs.download", { ...owner, format: format.toUpperCase() })}
        </button>
      ))}
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
