"use client";
// The instructor's set-up form: scenario (with its sources), variant, tables, rounds, turn clock,
// bot fill. Checked with the shared request schema as the instructor types, so a bad value gets
// the same sentence the server would give; then sent, and the server's answer shown per field.
// Once created, the workshop is kept in this browser and the address becomes
// /workshop/new?created=<id>, so a reload or going Back to it shows the workshop again, never a
// blank form that invites a duplicate.
import {
  type CreatedWorkshop,
  type WorkshopRequest,
  workshopRequestSchema,
} from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { createWorkshop } from "../../lib/api.ts";
import { createdWorkshop, saveCreatedWorkshop } from "../../lib/workshopsHere.ts";
import { CreatedPanel } from "./CreatedPanel.tsx";
import styles from "./entry.module.css";
import { FieldError } from "./FieldError.tsx";
import { choiceLabel, type ScenarioChoice } from "./scenarioChoice.ts";
import { useProblemText } from "./useProblemText.ts";
import { typedText, useTypedBeforeHydration } from "./useTypedBeforeHydration.ts";

/** The address of the set-up page showing a workshop created in this browser. */
export function createdAddress(workshopId: string): string {
  return `/workshop/new?created=${encodeURIComponent(workshopId)}`;
}

type Field = "scenarioId" | "variant" | "tables" | "rounds" | "turnSeconds" | "botFill";
type Errors = Partial<Record<Field | "form", string>>;
const fields: readonly Field[] = ["scenarioId", "variant", "tables", "rounds", "turnSeconds", "botFill"];

/** What a number box holds, as the schema should see it: empty is "not a number", not zero. */
function asNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The fields the form says the shared schema's refusal of in its own words (entry.json `checks`). */
const checked = ["scenarioId", "scenarioVersion", "tables", "rounds", "turnSeconds", "botFill"] as const;
type Checked = (typeof checked)[number];
const isChecked = (path: string): path is Checked => (checked as readonly string[]).includes(path);

function errorsFrom(issues: readonly { path: string; message: string }[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = fields.find((candidate) => candidate === issue.path) ?? "form";
    errors[field] = errors[field] ? `${errors[field]} ${issue.message}` : issue.message;
  }
  return errors;
}

export function WorkshopForm({
  scenarios,
  createdId,
}: {
  scenarios: ScenarioChoice[];
  /** The workshop the address names as created here (`?created=`), as the server read it. */
  createdId?: string | undefined;
}) {
  const t = useTranslations("entry");
  const problemText = useProblemText();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const first = scenarios[0];
  const [scenarioId, setScenarioId] = useState(first?.id ?? "");
  const [variant, setVariant] = useState(first?.defaultVariant ?? "");
  const [tables, setTables] = useState("1");
  const [rounds, setRounds] = useState(String(first?.clock.rounds ?? ""));
  const [turnSeconds, setTurnSeconds] = useState(String(first?.clock.turnSeconds ?? ""));
  const [botFill, setBotFill] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<CreatedWorkshop | null>(null);
  // The address names a created workshop: this browser's storage says which, once it can be read.
  const [restoring, setRestoring] = useState(createdId !== undefined);
  const [notHere, setNotHere] = useState(false);
  const scenario = scenarios.find((candidate) => candidate.id === scenarioId);

  // Read before the first paint, so going Back never flashes the blank form. The address is read
  // here too: a page restored from the router's cache may have been rendered without it.
  useLayoutEffect(() => {
    const named = new URLSearchParams(window.location.search).get("created");
    if (named) {
      const stored = createdWorkshop(named);
      if (stored) setCreated(stored.created);
      else setNotHere(true);
    }
    setRestoring(false);
  }, []);

  useTypedBeforeHydration(form, (typed) => {
    const chosen = typedText(typed, "scenarioId");
    if (chosen !== null && chosen !== scenarioId) chooseScenario(chosen);
    const typedVariant = typedText(typed, "variant");
    if (typedVariant !== null) setVariant(typedVariant);
    setTables(typedText(typed, "tables") ?? tables);
    setRounds(typedText(typed, "rounds") ?? rounds);
    setTurnSeconds(typedText(typed, "turnSeconds") ?? turnSeconds);
    setBotFill(typed.has("botFill"));
  });

  const fieldId = (field: Field | "form") => `${id}-${field}`;
  const errorId = (field: Field | "form") => `${id}-${field}-error`;

  function request(overrides: Partial<Record<Field, string | boolean>> = {}): WorkshopRequest {
    const value = { scenarioId, variant, tables, rounds, turnSeconds, botFill, ...overrides };
    // A stored scenario's version as offered here: a later save in the studio does not change it.
    const version = scenarios.find((candidate) => candidate.id === value.scenarioId)?.version ?? null;
    return {
      scenarioId: String(value.scenarioId),
      ...(version === null ? {} : { scenarioVersion: version }),
      variant: String(value.variant),
      tables: asNumber(String(value.tables)),
      rounds: asNumber(String(value.rounds)),
      turnSeconds: asNumber(String(value.turnSeconds)),
      botFill: value.botFill === true,
    };
  }

  function validate(candidate: WorkshopRequest): Errors {
    const parsed = workshopRequestSchema.safeParse(candidate);
    if (parsed.success) return {};
    return errorsFrom(
      parsed.error.issues.map((issue) => {
        const path = issue.path.join(".");
        return { path, message: isChecked(path) ? t(`checks.${path}`) : issue.message };
      }),
    );
  }

  /** Re-checks one field as it changes or loses focus; other fields keep what they showed. */
  function check(field: Field, overrides: Partial<Record<Field, string | boolean>> = {}) {
    const found = validate(request(overrides));
    setErrors((previous) => ({ ...previous, [field]: found[field], form: undefined }));
  }

  function chooseScenario(next: string) {
    const chosen = scenarios.find((candidate) => candidate.id === next);
    setScenarioId(next);
    if (chosen) {
      setVariant(chosen.defaultVariant);
      setRounds(String(chosen.clock.rounds));
      setTurnSeconds(String(chosen.clock.turnSeconds));
    }
    setErrors({});
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const body = request();
    const found = validate(body);
    setErrors(found);
    const firstBad = fields.find((field) => found[field]);
    if (firstBad) {
      document.getElementById(fieldId(firstBad))?.focus();
      return;
    }
    setSubmitting(true);
    const result = await createWorkshop(body);
    setSubmitting(false);
    if (result.ok) {
      saveCreatedWorkshop({
        created: result.value,
        createdAt: Date.now(),
        scenarioTitle: scenario ? label(scenario) : "",
        variantName:
          scenario?.variants.find((candidate) => candidate.id === result.value.settings.variant)?.name ?? "",
      });
      // This history entry now shows the workshop: Back and reload come back to it, not to a form.
      window.history.replaceState(null, "", createdAddress(result.value.workshopId));
      setNotHere(false);
      setCreated(result.value);
      return;
    }
    setErrors(result.issues?.length ? errorsFrom(result.issues) : { form: problemText(result) });
  }

  function label(choice: ScenarioChoice): string {
    return choiceLabel(choice, (values) => t("workshopForm.versioned", values));
  }

  if (created) return <CreatedPanel created={created} scenarios={scenarios} />;
  if (restoring) {
    return (
      <p className="card" role="status">
        {t("workshopForm.opening")}
      </p>
    );
  }

  const numberField = (
    field: "tables" | "rounds" | "turnSeconds",
    label: string,
    value: string,
    set: (next: string) => void,
    hint: string,
    limits: { min: number; max: number },
  ) => (
    <div className={`field ${styles.numberField}`}>
      <label htmlFor={fieldId(field)}>{label}</label>
      <input
        id={fieldId(field)}
        name={field}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        value={value}
        onChange={(event) => {
          set(event.target.value);
          if (errors[field]) check(field, { [field]: event.target.value });
        }}
        onBlur={(event) => check(field, { [field]: event.target.value })}
        aria-describedby={`${fieldId(field)}-hint${errors[field] ? ` ${errorId(field)}` : ""}`}
        aria-invalid={errors[field] ? true : undefined}
      />
      <p id={`${fieldId(field)}-hint`} className={styles.hint}>
        {hint}
      </p>
      <FieldError id={errorId(field)} message={errors[field]} />
    </div>
  );

  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={t("workshopForm.label")}>
      {notHere ? (
        <p className="card" role="status">
          {t("workshopForm.notHere")}
        </p>
      ) : null}
      <section className="card" aria-labelledby={`${id}-scenario-heading`}>
        <h2 id={`${id}-scenario-heading`}>{t("workshopForm.scenario")}</h2>
        <div className="field">
          <label htmlFor={fieldId("scenarioId")}>{t("workshopForm.scenario")}</label>
          <select
            id={fieldId("scenarioId")}
            name="scenarioId"
            className={styles.select}
            value={scenarioId}
            onChange={(event) => chooseScenario(event.target.value)}
            aria-describedby={errors.scenarioId ? errorId("scenarioId") : undefined}
            aria-invalid={errors.scenarioId ? true : undefined}
          >
            {scenarios.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {label(candidate)}
              </option>
            ))}
          </select>
          <FieldError id={errorId("scenarioId")} message={errors.scenarioId} />
        </div>
        {scenario ? (
          <>
            <p>{scenario.summary}</p>
            <p>
              {t.rich("workshopForm.seats", {
                seats: scenario.seats.join(", "),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <h3 className={styles.subheading}>{t("workshopForm.sources")}</h3>
            <ul className={styles.documents}>
              {scenario.documents.map((document) => (
                <li key={document.file}>{document.title}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {scenario ? (
        <section className="card" aria-labelledby={`${id}-variant-heading`}>
          <h2 id={`${id}-variant-heading`}>{t("workshopForm.variant")}</h2>
          <fieldset
            className={styles.plainFieldset}
            aria-describedby={errors.variant ? errorId("variant") : undefined}
          >
            <legend className="visually-hidden">{t("workshopForm.variant")}</legend>
            {scenario.variants.map((candidate, index) => (
              <label key={candidate.id} className={styles.variant}>
                <input
                  type="radio"
                  name="variant"
                  id={index === 0 ? fieldId("variant") : undefined}
                  value={candidate.id}
                  checked={variant === candidate.id}
                  onChange={() => {
                    setVariant(candidate.id);
                    setErrors((previous) => ({ ...previous, variant: undefined }));
                  }}
                  aria-describedby={`${fieldId("variant")}-${candidate.id}`}
                />
                <span>
                  <span className={styles.variantName}>
                    {candidate.name}
                    {candidate.id === scenario.defaultVariant ? t("workshopForm.default") : ""}
                  </span>
                  <span id={`${fieldId("variant")}-${candidate.id}`} className={styles.variantText}>
                    {candidate.description}
                  </span>
                </span>
              </label>
            ))}
            <FieldError id={errorId("variant")} message={errors.variant} />
          </fieldset>
        </section>
      ) : null}

      <section className="card" aria-labelledby={`${id}-clock-heading`}>
        <h2 id={`${id}-clock-heading`}>{t("workshopForm.clockHeading")}</h2>
        <div className={styles.numbers}>
          {numberField(
            "tables",
            t("workshopForm.tables"),
            tables,
            setTables,
            scenario
              ? t("workshopForm.tablesHint", { count: scenario.seats.length })
              : t("workshopForm.tablesHintUnknown"),
            { min: 1, max: 30 },
          )}
          {numberField(
            "rounds",
            t("workshopForm.rounds"),
            rounds,
            setRounds,
            t("workshopForm.roundsHint", { suggested: String(scenario?.clock.rounds ?? "—") }),
            { min: 1, max: 100 },
          )}
          {numberField(
            "turnSeconds",
            t("workshopForm.turnSeconds"),
            turnSeconds,
            setTurnSeconds,
            t("workshopForm.turnSecondsHint", { suggested: String(scenario?.clock.turnSeconds ?? "—") }),
            { min: 5, max: 3600 },
          )}
        </div>
        <div className={styles.checkbox}>
          <input
            id={fieldId("botFill")}
            name="botFill"
            type="checkbox"
            checked={botFill}
            onChange={(event) => {
              setBotFill(event.target.checked);
              check("botFill", { botFill: event.target.checked });
            }}
            aria-describedby={`${fieldId("botFill")}-hint${errors.botFill ? ` ${errorId("botFill")}` : ""}`}
          />
          <div>
            <label htmlFor={fieldId("botFill")}>{t("workshopForm.botFill")}</label>
            <p id={`${fieldId("botFill")}-hint`} className={styles.hint}>
              {t("workshopForm.botFillHint")}
            </p>
            <FieldError id={errorId("botFill")} message={errors.botFill} />
          </div>
        </div>
      </section>

      <button
        type="submit"
        disabled={submitting}
        aria-describedby={errors.form ? errorId("form") : undefined}
      >
        {submitting ? t("workshopForm.creating") : t("workshopForm.create")}
      </button>
      <FieldError id={errorId("form")} message={errors.form} />
    </form>
  );
}
