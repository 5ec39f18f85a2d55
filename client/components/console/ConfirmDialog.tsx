"use client";
// Asks before an action that cannot be undone (ending talks, releasing a seat). Cancel has the
// focus first, so Enter alone never confirms.
import { useTranslations } from "next-intl";
import { useId } from "react";
import styles from "./Dialog.module.css";
import { ModalDialog } from "./ModalDialog.tsx";

export function ConfirmDialog({
  title,
  question,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("console");
  const questionId = useId();
  return (
    <ModalDialog title={title} onClose={onClose} role="alertdialog" closeButton={false}>
      {(close) => (
        <>
          <p id={questionId} className={styles.question}>
            {question}
          </p>
          <div className={styles.actions}>
            {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirmation. */}
            <button type="button" className={styles.secondary} onClick={close} autoFocus>
              {t("dialog.cancel")}
            </button>
            <button
              type="button"
              className={styles.danger}
              aria-describedby={questionId}
              onClick={() => {
                onConfirm();
                close();
              }}
            >
              {confirmLabel}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
