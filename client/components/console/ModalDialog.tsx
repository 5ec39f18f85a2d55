"use client";
// A native modal <dialog>: the page behind it is inert (focus stays inside), Esc closes it, and
// focus goes back to whatever opened it.
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useId, useRef } from "react";
import styles from "./Dialog.module.css";

export function ModalDialog({
  title,
  onClose,
  children,
  role,
  closeButton = true,
}: {
  title: string;
  /** Called once the dialog has closed (Esc, the close button, or `close()` from inside). */
  onClose: () => void;
  children: (close: () => void, ids: { title: string }) => ReactNode;
  role?: "alertdialog";
  /** A "Close" button in the heading (confirmations have their own Cancel instead). */
  closeButton?: boolean;
}) {
  const t = useTranslations("console");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const closed = () => {
      if (opener?.isConnected) opener.focus();
      onCloseRef.current();
    };
    dialog.addEventListener("close", closed);
    dialog.showModal();
    return () => dialog.removeEventListener("close", closed);
  }, []);

  const close = () => ref.current?.close();

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} role={role}>
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        {closeButton && (
          <button type="button" className={styles.close} onClick={close}>
            {t("dialog.close")}
          </button>
        )}
      </div>
      {children(close, { title: titleId })}
    </dialog>
  );
}
