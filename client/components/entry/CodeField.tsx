// The join code field, as the landing page and the join page's "check the code" form ask for it.
import { useTranslations } from "next-intl";
import styles from "./entry.module.css";
import { FieldError } from "./FieldError.tsx";

export function CodeField({
  id,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null | undefined;
  hint?: string;
}) {
  const t = useTranslations("entry.codeField");
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{t("label")}</label>
      <input
        id={id}
        name="code"
        className={styles.codeInput}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="KTRM-49WX"
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
