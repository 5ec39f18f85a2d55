"use client";
// Copies a text to the clipboard and says so; where the clipboard is not allowed, says how to copy
// by hand instead.
import { useId, useState } from "react";
import styles from "./entry.module.css";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const id = useId();
  const [said, setSaid] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setSaid("Copied.");
    } catch {
      setSaid("This browser did not allow copying: select the link and copy it with Ctrl+C (⌘C on a Mac).");
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
