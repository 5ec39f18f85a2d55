"use client";
// What only the instructor gets on a debrief: sharing it with the table's students (and, apart,
// revealing the private channels and every party's red lines to them), the replay and the class view, and the downloads:
// the table's log as JSON or CSV and its tabled versions as CSV. Never printed.
import type { DebriefSharing } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useServerErrorText } from "../../lib/serverErrors.ts";
import { LogDownloads } from "../console/LogDownloads.tsx";
import styles from "./Debrief.module.css";
import { fetchFile, saveFile } from "./download.ts";

export function InstructorControls({
  workshopId,
  tableId,
  instructorKey,
  sharing,
  onShare,
}: {
  workshopId: string;
  tableId: string;
  instructorKey: string;
  sharing: DebriefSharing;
  /** Sends the choice; resolves to a sentence when it failed, null when it went through. */
  onShare: (sharing: DebriefSharing) => Promise<string | null>;
}) {
  const t = useTranslations("debrief");
  const serverText = useServerErrorText();
  const [busy, setBusy] = useState(false);
  // The choice as just made, shown at once while it is saved; dropped (back to the saved one) after.
  const [pending, setPending] = useState<DebriefSharing | null>(null);
  const shown = pending ?? sharing;
  const [problem, setProblem] = useState<string | null>(null);
  const [versions, setVersions] = useState<{ busy: boolean; problem: string | null }>({
    busy: false,
    problem: null,
  });

  async function change(next: DebriefSharing) {
    setBusy(true);
    setPending(next);
    setProblem(null);
    const failed = await onShare(next);
    setPending(null);
    setBusy(false);
    if (failed) setProblem(t("instructor.notSaved", { problem: failed }));
  }

  async function downloadVersions() {
    setVersions({ busy: true, problem: null });
    const file = await fetchFile(
      `/api/workshops/${workshopId}/tables/${tableId}/versions.csv`,
      instructorKey,
      "red-lines-versions.csv",
    );
    if (file.ok) {
      saveFile(file.blob, file.filename);
      setVersions({ busy: false, problem: null });
    } else {
      const problem =
        file.error && file.status !== null
          ? serverText.http({ status: file.status, ...file.error })
          : file.status === null
            ? t("instructor.unreachable")
            : t("instructor.serverAnswered", { status: file.status });
      setVersions({ busy: false, problem: t("instructor.versionsFailed", { problem }) });
    }
  }

  const state = !sharing.shared
    ? t("instructor.notShared")
    : [
        t("instructor.shared"),
        sharing.revealChannels ? t("instructor.channelsIncluded") : t("instructor.channelsHidden"),
        sharing.revealRedLines ? t("instructor.redLinesShown") : t("instructor.redLinesOwn"),
      ].join(" ");

  return (
    <section
      id="instructor-controls"
      aria-labelledby="controls-heading"
      className={`${styles.section} ${styles.noPrint}`}
      data-testid="instructor-controls"
    >
      <h2 id="controls-heading">{t("instructor.heading")}</h2>
      <fieldset className={styles.sharing}>
        <legend>{t("instructor.sharing")}</legend>
        <SharingChoice
          label={t("instructor.share")}
          checked={shown.shared}
          disabled={busy}
          onChange={(shared) => void change({ ...shown, shared })}
        />
        <SharingChoice
          label={t("instructor.revealChannels")}
          note={t("instructor.revealChannelsNote")}
          checked={shown.revealChannels}
          disabled={busy}
          onChange={(revealChannels) => void change({ ...shown, revealChannels })}
        />
        <SharingChoice
          label={t("instructor.revealRedLines")}
          note={t("instructor.revealRedLinesNote")}
          checked={shown.revealRedLines}
          disabled={busy}
          onChange={(revealRedLines) => void change({ ...shown, revealRedLines })}
        />
        <p className={styles.state} role="status" data-testid="sharing-state">
          {busy ? t("instructor.saving") : state}
        </p>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </fieldset>

      <h3>{t("instructor.lookAgain")}</h3>
      <p className={styles.actions}>
        <a className={`button ${styles.secondary}`} href={`/replay/${tableId}?workshop=${workshopId}`}>
          {t("instructor.replay")}
        </a>
        <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}/class`}>
          {t("instructor.classView")}
        </a>
        <a className={`button ${styles.secondary}`} href={`/instructor/${workshopId}`}>
          {t("words.backToConsole")}
        </a>
      </p>

      <h3>{t("instructor.downloads")}</h3>
      <LogDownloads
        workshopId={workshopId}
        instructorKey={instructorKey}
        tableId={tableId}
        whose="thisTable"
      />
      <p className={styles.actions}>
        <button
          type="button"
          className={styles.secondary}
          disabled={versions.busy}
          onClick={() => void downloadVersions()}
        >
          {versions.busy ? t("instructor.preparing") : t("instructor.downloadVersions")}
        </button>
      </p>
      {versions.problem && (
        <p className="error" role="alert">
          {versions.problem}
        </p>
      )}
    </section>
  );
}

/** One sharing choice: a labelled checkbox, with the note that explains it when there is one. */
function SharingChoice({
  label,
  note,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  note?: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <>
      <p className={styles.check}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={note ? `${id}-note` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </p>
      {note && (
        <p id={`${id}-note`} className={styles.note}>
          {note}
        </p>
      )}
    </>
  );
}
