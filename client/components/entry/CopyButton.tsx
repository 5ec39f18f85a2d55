"use client";
// Copies a text to the clipboard and says so; where the clipboard is not allowed, says how to copy
// by hand instead.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import styles from "./entry.module.css";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("entry.copy");
  const id = useId();
  const [said, setSaid] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t("done"));
    } catch {
      setSaid(t("refused"));
    }
  }

  return (
    <>
      <button type="button" className={styles.secondary} onClick={() => void copy()} aria-describedby={id}>
        {label}
      </button>
      <span id={id} className={styles.copied} aria-live="polite">
        {said}
      </span>
    </>
  );
}
