"use client";
// "Continue as …": this browser already holds a seat for the code, so it asks for the same seat
// back with its token and goes on to the table.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { joinWorkshop } from "../../lib/api.ts";
import type { StoredSeat } from "../../lib/credentials.ts";
import styles from "./entry.module.css";
import { FieldError } from "./FieldError.tsx";
import { RoleFlag } from "./RoleFlag.tsx";
import { useProblemText } from "./useProblemText.ts";

export function ContinueSeat({
  seat,
  roleLabel,
  onArrive,
  onUnknownCode,
}: {
  seat: StoredSeat;
  roleLabel: string;
  onArrive: (seat: StoredSeat) => void;
  onUnknownCode: (message: string) => void;
}) {
  const t = useTranslations("entry");
  const problemText = useProblemText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = `continue-${seat.tableId}-error`;

  async function rejoin() {
    setBusy(true);
    setError(null);
    const result = await joinWorkshop({ code: seat.joinCode, name: seat.name, seatToken: seat.seatToken });
    if (result.ok) {
      const { rejoined: _rejoined, ...held } = result.value;
      onArrive({ joinCode: seat.joinCode, name: seat.name, ...held });
      return;
    }
    setBusy(false);
    if (result.code === "unknown-code") onUnknownCode(problemText(result));
    else setError(problemText(result));
  }

  return (
    <section className={`card ${styles.continue}`} aria-labelledby="continue-heading">
      <h2 id="continue-heading">{t("continueSeat.heading")}</h2>
      <p className={styles.roleName}>
        <RoleFlag role={seat.role} name={roleLabel} size="large" />
        {t("seat.line", { name: seat.name, role: roleLabel, table: seat.table })}
      </p>
      <button
        type="button"
        onClick={() => void rejoin()}
        disabled={busy}
        aria-describedby={error ? errorId : undefined}
      >
        {busy
          ? t("continueSeat.rejoining")
          : t("continueSeat.continue", { name: seat.name, role: roleLabel, table: seat.table })}
      </button>
      <FieldError id={errorId} message={error} />
    </section>
  );
}
