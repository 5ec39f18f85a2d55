"use client";
// The studio's form fields, each bound to a path of the scenario file: it reads its value there,
// writes it back through the one change function, and shows the checks' problems at that path
// beside itself (announced with the field, marked invalid).
import { type DraftPath, getAt, removeAt, setAt } from "@red-lines/shared/studio";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useState } from "react";
import { fieldId, problemsAt, useStudio } from "./context.tsx";
import styles from "./Studio.module.css";

/** The problems the checks found at a path, as sentences beside a field or a group. */
export function Problems({ path, id }: { path: DraftPath; id?: string }) {
  const { problems } = useStudio();
  const found = problemsAt(problems, path);
  if (found.length === 0) return null;
  return (
    <ul className={styles.problems} id={id}>
      {found.map((problem) => (
        <li key={problem}>{sentence(problem)}</li>
      ))}
    </ul>
  );
}

/** "must not be empty" → "Must not be empty." */
export function sentence(text: string): string {
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function useFieldProblems(path: DraftPath) {
  const { problems } = useStudio();
  const found = problemsAt(problems, path);
  const id = fieldId(path);
  return {
    id,
    invalid: found.length > 0,
    describedBy: found.length > 0 ? `${id}-problems` : undefined,
    problems: found.length > 0 ? <Problems path={path} id={`${id}-problems`} /> : null,
  };
}

export function TextField({
  path,
  label,
  multiline = false,
  hint,
  placeholder,
  optional = false,
}: {
  path: DraftPath;
  label: string;
  multiline?: boolean;
  hint?: ReactNode;
  placeholder?: string;
  /** Left empty, the key is removed from the file rather than kept as an empty text. */
  optional?: boolean;
}) {
  const { draft, change } = useStudio();
  const value = getAt(draft, path);
  const field = useFieldProblems(path);
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = {
    id: field.id,
    value: typeof value === "string" ? value : "",
    "aria-invalid": field.invalid || undefined,
    "aria-describedby": [hintId, field.describedBy].filter(Boolean).join(" ") || undefined,
    placeholder,
    onChange: (event: { target: { value: string } }) => {
      const next = event.target.value;
      change((d) => (optional && next.trim() === "" ? removeAt(d, path) : setAt(d, path, next)));
    },
  };
  return (
    <div className={styles.field}>
      <label htmlFor={field.id}>{label}</label>
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      {field.problems}
    </div>
  );
}

/** A number; what cannot be read as one is kept as typed, so the checks can say so. */
export function NumberField({
  path,
  label,
  min,
  max,
  step = 1,
  compact = false,
  optional = false,
}: {
  path: DraftPath;
  label: string;
  min?: number;
  max?: number;
  step?: number;
  /** In a table: the label is read by screen readers only. */
  compact?: boolean;
  /** Left empty, the key is removed from the file. */
  optional?: boolean;
}) {
  const { draft, change } = useStudio();
  const value = getAt(draft, path);
  const field = useFieldProblems(path);
  return (
    <div className={compact ? styles.compactField : styles.field}>
      <label htmlFor={field.id} className={compact ? "visually-hidden" : undefined}>
        {label}
      </label>
      <input
        id={field.id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={
          typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" ? value : ""
        }
        aria-invalid={field.invalid || undefined}
        aria-describedby={field.describedBy}
        onChange={(event) => {
          const raw = event.target.value;
          const parsed = Number(raw);
          change((d) =>
            optional && raw.trim() === ""
              ? removeAt(d, path)
              : setAt(d, path, raw.trim() !== "" && Number.isFinite(parsed) ? parsed : raw),
          );
        }}
      />
      {field.problems}
    </div>
  );
}

/**
 * An id people rarely need to see: kebab-case, permanent once played. Committed when the field is
 * left, so a rename can carry every reference along at once.
 */
export function IdField({
  path,
  label,
  onCommit,
}: {
  path: DraftPath;
  label: string;
  /** A rename that carries references along; default: the id alone changes. */
  onCommit?: (from: string, to: string) => void;
}) {
  const t = useTranslations("studio.fields");
  const { draft, change } = useStudio();
  const value = getAt(draft, path);
  const current = typeof value === "string" ? value : "";
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const field = useFieldProblems(path);
  const hintId = `${field.id}-hint`;
  const commit = () => {
    if (text === current) return;
    if (onCommit) onCommit(current, text);
    else change((d) => setAt(d, path, text));
  };
  return (
    <div className={styles.field}>
      <label htmlFor={field.id}>{label}</label>
      <p className={styles.hint} id={hintId}>
        {t("idHint")}
      </p>
      <input
        id={field.id}
        type="text"
        value={text}
        spellCheck={false}
        aria-invalid={field.invalid || undefined}
        aria-describedby={[hintId, field.describedBy].filter(Boolean).join(" ")}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
      />
      {field.problems}
    </div>
  );
}

export function SelectField({
  path,
  label,
  options,
  empty,
}: {
  path: DraftPath;
  label: string;
  options: { value: string; label: string }[];
  /** Offered when nothing is chosen yet. */
  empty?: string;
}) {
  const t = useTranslations("studio.fields");
  const { draft, change } = useStudio();
  const value = getAt(draft, path);
  const field = useFieldProblems(path);
  const current = typeof value === "string" ? value : "";
  return (
    <div className={styles.field}>
      <label htmlFor={field.id}>{label}</label>
      <select
        id={field.id}
        value={current}
        aria-invalid={field.invalid || undefined}
        aria-describedby={field.describedBy}
        onChange={(event) => {
          const next = event.target.value;
          change((d) => setAt(d, path, next));
        }}
      >
        {(current === "" || !options.some((o) => o.value === current)) && (
          <option value={current}>
            {current === "" ? (empty ?? t("choose")) : t("notFound", { value: current })}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {field.problems}
    </div>
  );
}

/** A list of short texts (e.g. a brief's priorities), one field each. */
export function TextList({
  path,
  label,
  itemLabel,
  removeLabel,
  addLabel,
}: {
  path: DraftPath;
  label: string;
  /** The label of the nth text ("Priority 2"), and of the button that removes it. */
  itemLabel: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
}) {
  const t = useTranslations("studio.fields");
  const { draft, change } = useStudio();
  const value = getAt(draft, path);
  const items = Array.isArray(value) ? value : [];
  return (
    <fieldset className={styles.group}>
      <legend>{label}</legend>
      <Problems path={path} />
      {items.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the items are texts edited in place.
        <div className={styles.inline} key={index}>
          <TextField path={[...path, index]} label={itemLabel(index + 1)} />
          <button
            type="button"
            data-variant="danger"
            aria-label={removeLabel(index + 1)}
            onClick={() =>
              change((d) =>
                setAt(
                  d,
                  path,
                  items.filter((__, i) => i !== index),
                ),
              )
            }
          >
            {t("remove")}
          </button>
        </div>
      ))}
      <button
        type="button"
        data-variant="secondary"
        onClick={() => change((d) => setAt(d, path, [...items, ""]))}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}

/** Where a part comes from: one of the scenario's documents and a section heading in it. */
export function SourcesField({ path }: { path: DraftPath }) {
  const t = useTranslations("studio.fields");
  const { draft, change } = useStudio();
  const value = getAt(draft, path);
  const sources = Array.isArray(value) ? (value as { file?: string; section?: string }[]) : [];
  const documents = draft.documents.map((d) => ({ value: d.file, label: d.title || d.file }));
  return (
    <fieldset className={styles.group}>
      <legend>{t("sources")}</legend>
      <Problems path={path} />
      {sources.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sources are edited in place.
        <div className={styles.inline} key={index}>
          <SelectField
            path={[...path, index, "file"]}
            label={t("sourceDocument", { n: index + 1 })}
            options={documents}
          />
          <TextField path={[...path, index, "section"]} label={t("sourceSection", { n: index + 1 })} />
          <button
            type="button"
            data-variant="danger"
            aria-label={t("removeSource", { n: index + 1 })}
            onClick={() =>
              change((d) =>
                setAt(
                  d,
                  path,
                  sources.filter((__, i) => i !== index),
                ),
              )
            }
          >
            {t("remove")}
          </button>
        </div>
      ))}
      <button
        type="button"
        data-variant="secondary"
        onClick={() =>
          change((d) => setAt(d, path, [...sources, { file: draft.documents[0]?.file ?? "", section: "" }]))
        }
      >
        {t("addSource")}
      </button>
    </fieldset>
  );
}
