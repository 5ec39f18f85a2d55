"use client";
// The studio's rule-bearing sections: red lines (each role's, in every variant), variants, events
// with their effects, and the outcome classes the debrief names.
import {
  appendAt,
  conclusionReasons,
  type DraftPath,
  everyRedLine,
  freshId,
  getAt,
  removeAt,
  setAt,
} from "@red-lines/shared/studio";
import { useTranslations } from "next-intl";
import { useStudio } from "./context.tsx";
import { IdField, NumberField, Problems, SelectField, SourcesField, TextField } from "./fields.tsx";
import { RuleEditor } from "./RuleEditor.tsx";
import styles from "./Studio.module.css";
import { ItemCard } from "./sections.tsx";

/** The ids of every red line of the draft (a draft being written may hold gaps). */
function allRedLineIds(draft: ReturnType<typeof useStudio>["draft"]): string[] {
  return everyRedLine(draft).map((r) => r?.id ?? "");
}

function newRedLine(draft: ReturnType<typeof useStudio>["draft"]) {
  return {
    id: freshId("red-line", allRedLineIds(draft)),
    title: "",
    rule: { in: { issue: draft.issues[0]?.id ?? "", options: [] } },
    explanation: "",
    sources: [],
  };
}

/** One red line's fields. */
export function RedLineFields({ path }: { path: DraftPath }) {
  const t = useTranslations("studio");
  return (
    <>
      <div className={styles.columns}>
        <TextField path={[...path, "title"]} label={t("redLines.title")} />
        <IdField path={[...path, "id"]} label={t("roles.id")} />
      </div>
      <RuleEditor path={[...path, "rule"]} label={t("redLines.rule")} />
      <TextField path={[...path, "explanation"]} label={t("redLines.explanation")} multiline />
      <SourcesField path={[...path, "sources"]} />
    </>
  );
}

/** The red lines each role holds, under `path` (the scenario's, or a variant's). */
function RedLinesByRole({ path }: { path: DraftPath }) {
  const t = useTranslations("studio");
  const { draft, change } = useStudio();
  const byRole = (getAt(draft, path) ?? {}) as Record<string, { title?: string }[]>;
  return (
    <>
      <Problems path={path} />
      {draft.roles.map((role, r) => {
        const lines = Array.isArray(byRole[role.id]) ? byRole[role.id] : [];
        const name = role.name || t("numbered.role", { n: r + 1 });
        return (
          <fieldset key={role.id || r} className={styles.group}>
            <legend>{name}</legend>
            {(lines ?? []).map((line, i) => (
              <ItemCard
                // biome-ignore lint/suspicious/noArrayIndexKey: a key from the title would remount the card as it is typed.
                key={i}
                heading={line?.title || t("redLines.numbered", { role: name, n: i + 1 })}
                onRemove={() => change((d) => removeAt(d, [...path, role.id, i]))}
              >
                <RedLineFields path={[...path, role.id, i]} />
              </ItemCard>
            ))}
            <button
              type="button"
              data-variant="secondary"
              onClick={() => change((d) => appendAt(d, [...path, role.id], newRedLine(d)))}
            >
              {t("redLines.add", { role: name })}
            </button>
          </fieldset>
        );
      })}
    </>
  );
}

export function RedLinesSection() {
  const t = useTranslations("studio");
  return (
    <>
      <p className={styles.hint}>{t("redLines.hint")}</p>
      <RedLinesByRole path={["redLines"]} />
    </>
  );
}

export function VariantsSection() {
  const t = useTranslations("studio");
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>{t("variants.hint")}</p>
      <SelectField
        path={["defaultVariant"]}
        label={t("variants.default")}
        options={draft.variants.map((v) => ({ value: v.id, label: v.name || v.id }))}
      />
      <Problems path={["variants"]} />
      {draft.variants.map((variant, index) => (
        <ItemCard
          key={variant.id || index}
          heading={variant.name || t("numbered.variant", { n: index + 1 })}
          onRemove={
            draft.variants.length > 1 ? () => change((d) => removeAt(d, ["variants", index])) : undefined
          }
        >
          <div className={styles.columns}>
            <TextField path={["variants", index, "name"]} label={t("roles.name")} />
            <IdField path={["variants", index, "id"]} label={t("roles.id")} />
          </div>
          <TextField path={["variants", index, "description"]} label={t("issues.description")} multiline />
          <SourcesField path={["variants", index, "sources"]} />
          <h4>{t("variants.briefNotes")}</h4>
          {draft.roles.map((role, r) => (
            <TextField
              key={role.id || r}
              path={["variants", index, "briefNotes", role.id]}
              label={t("variants.note", { role: role.name || t("inline.role", { n: r + 1 }) })}
              multiline
              optional
            />
          ))}
          <h4>{t("variants.redLines")}</h4>
          <RedLinesByRole path={["variants", index, "redLines"]} />
        </ItemCard>
      ))}
      <button
        type="button"
        onClick={() =>
          change((d) =>
            appendAt(d, ["variants"], {
              id: freshId(
                "variant",
                d.variants.map((v) => v.id),
              ),
              name: "",
              description: "",
              redLines: {},
              sources: [],
            }),
          )
        }
      >
        {t("variants.add")}
      </button>
    </>
  );
}

/** What an event's effect may do; each one's words are `effects.<kind>`. */
const effectKinds = ["batna", "score", "weight", "addRedLine", "removeRedLine", "setVariant"] as const;

function freshEffect(kind: string, draft: ReturnType<typeof useStudio>["draft"]): unknown {
  const role = draft.roles[0]?.id ?? "";
  const issue = draft.issues[0];
  switch (kind) {
    case "score":
      return { kind, role, issue: issue?.id ?? "", option: issue?.options[0]?.id ?? "", delta: 10 };
    case "weight":
      return { kind, role, issue: issue?.id ?? "", delta: 10 };
    case "addRedLine":
      return { kind, role, redLine: newRedLine(draft) };
    case "removeRedLine":
      return { kind, role, redLine: "" };
    case "setVariant":
      return { kind, role, variant: draft.variants[0]?.id ?? "" };
    default:
      return { kind: "batna", role, delta: -10 };
  }
}

function EffectFields({ path }: { path: DraftPath }) {
  const t = useTranslations("studio.effects");
  const { draft, change } = useStudio();
  const effect = (getAt(draft, path) ?? {}) as { kind?: string; role?: string; issue?: string };
  const roles = draft.roles.map((r) => ({ value: r.id, label: r.name || r.id }));
  const issue = draft.issues.find((i) => i.id === effect.issue);
  const kindId = `${path.join("-")}-kind`;
  return (
    <>
      <div className="field">
        <label htmlFor={kindId}>{t("kind")}</label>
        <select
          id={kindId}
          value={effect.kind ?? ""}
          onChange={(event) => {
            const kind = event.target.value;
            change((d) => setAt(d, path, freshEffect(kind, d)));
          }}
        >
          {effectKinds.map((k) => (
            <option key={k} value={k}>
              {t(k)}
            </option>
          ))}
        </select>
      </div>
      <Problems path={path} />
      <div className={styles.columns}>
        {effect.kind !== "addRedLine" && (
          <SelectField path={[...path, "role"]} label={t("party")} options={roles} />
        )}
        {(effect.kind === "score" || effect.kind === "weight") && (
          <SelectField
            path={[...path, "issue"]}
            label={t("issue")}
            options={draft.issues.map((i) => ({ value: i.id, label: i.name || i.id }))}
          />
        )}
        {effect.kind === "score" && (
          <SelectField
            path={[...path, "option"]}
            label={t("option")}
            options={(issue?.options ?? []).map((o) => ({ value: o.id, label: o.label || o.id }))}
          />
        )}
        {(effect.kind === "batna" || effect.kind === "score" || effect.kind === "weight") && (
          <NumberField path={[...path, "delta"]} label={t("delta")} />
        )}
        {effect.kind === "removeRedLine" && (
          <SelectField
            path={[...path, "redLine"]}
            label={t("redLine")}
            options={allRedLineIds(draft).map((id) => ({ value: id, label: redLineTitle(draft, id) }))}
          />
        )}
        {effect.kind === "setVariant" && (
          <SelectField
            path={[...path, "variant"]}
            label={t("variant")}
            options={draft.variants.map((v) => ({ value: v.id, label: v.name || v.id }))}
          />
        )}
      </div>
      {effect.kind === "addRedLine" && (
        <>
          <SelectField path={[...path, "role"]} label={t("party")} options={roles} />
          <RedLineFields path={[...path, "redLine"]} />
        </>
      )}
    </>
  );
}

function redLineTitle(draft: ReturnType<typeof useStudio>["draft"], id: string): string {
  return everyRedLine(draft).find((r) => r?.id === id)?.title || id;
}

export function EventsSection() {
  const t = useTranslations("studio");
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>{t("events.hint")}</p>
      {draft.events.map((event, index) => (
        <ItemCard
          key={event.id || index}
          heading={event.title || t("numbered.event", { n: index + 1 })}
          onRemove={() => change((d) => removeAt(d, ["events", index]))}
        >
          <div className={styles.columns}>
            <TextField path={["events", index, "title"]} label={t("scenario.title")} />
            <IdField path={["events", index, "id"]} label={t("roles.id")} />
          </div>
          <TextField path={["events", index, "flash"]} label={t("events.flash")} multiline />
          <NumberField path={["events", index, "atRound"]} label={t("events.atRound")} min={1} optional />
          <fieldset className={styles.group}>
            <legend>{t("events.effects")}</legend>
            <Problems path={["events", index, "effects"]} />
            {event.effects.map((_, f) => (
              <ItemCard
                // biome-ignore lint/suspicious/noArrayIndexKey: effects are edited in place.
                key={f}
                heading={t("numbered.effect", { n: f + 1 })}
                onRemove={() => change((d) => removeAt(d, ["events", index, "effects", f]))}
              >
                <EffectFields path={["events", index, "effects", f]} />
              </ItemCard>
            ))}
            <button
              type="button"
              data-variant="secondary"
              onClick={() =>
                change((d) => appendAt(d, ["events", index, "effects"], freshEffect("batna", d)))
              }
            >
              {t("events.addEffect")}
            </button>
          </fieldset>
          <SourcesField path={["events", index, "sources"]} />
        </ItemCard>
      ))}
      <button
        type="button"
        onClick={() =>
          change((d) =>
            appendAt(d, ["events"], {
              id: freshId(
                "event",
                d.events.map((e) => e.id),
              ),
              title: "",
              flash: "",
              effects: [freshEffect("batna", d)],
              sources: [],
            }),
          )
        }
      >
        {t("events.add")}
      </button>
    </>
  );
}

export function OutcomesSection() {
  const t = useTranslations("studio");
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>{t("outcomes.hint")}</p>
      <Problems path={["outcomes"]} />
      {draft.outcomes.map((outcome, index) => (
        <ItemCard
          key={outcome.id || index}
          heading={outcome.title || t("numbered.outcome", { n: index + 1 })}
          onRemove={() => change((d) => removeAt(d, ["outcomes", index]))}
        >
          <div className={styles.columns}>
            <TextField path={["outcomes", index, "title"]} label={t("scenario.title")} />
            <IdField path={["outcomes", index, "id"]} label={t("roles.id")} />
          </div>
          <TextField path={["outcomes", index, "description"]} label={t("outcomes.description")} multiline />
          <TextField
            path={["outcomes", index, "phrase"]}
            label={t("outcomes.phrase")}
            placeholder={t("outcomes.phrasePlaceholder")}
            optional
          />
          <fieldset className={styles.checks}>
            <legend>{t("outcomes.endings")}</legend>
            <Problems path={["outcomes", index, "endings"]} />
            {conclusionReasons.map((ending) => {
              const id = `ending-${index}-${ending}`;
              const on = outcome.endings?.includes(ending) ?? false;
              return (
                <div key={ending} className={styles.check}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={on}
                    onChange={(e) => {
                      const checked = e.target.checked;
                      change((d) =>
                        setAt(
                          d,
                          ["outcomes", index, "endings"],
                          conclusionReasons.filter((r) =>
                            r === ending ? checked : outcome.endings?.includes(r),
                          ),
                        ),
                      );
                    }}
                  />
                  <label htmlFor={id}>{t(`outcomes.ending.${ending}`)}</label>
                </div>
              );
            })}
          </fieldset>
          {outcome.when !== undefined ? (
            <>
              <RuleEditor path={["outcomes", index, "when"]} label={t("outcomes.which")} outcome />
              <button
                type="button"
                data-variant="secondary"
                onClick={() => change((d) => removeAt(d, ["outcomes", index, "when"]))}
              >
                {t("outcomes.every")}
              </button>
            </>
          ) : (
            outcome.endings?.length === 1 &&
            outcome.endings[0] === "agreement" && (
              <button
                type="button"
                data-variant="secondary"
                onClick={() =>
                  change((d) =>
                    setAt(d, ["outcomes", index, "when"], {
                      in: { issue: d.issues[0]?.id ?? "", options: [] },
                    }),
                  )
                }
              >
                {t("outcomes.some")}
              </button>
            )
          )}
          <SourcesField path={["outcomes", index, "sources"]} />
        </ItemCard>
      ))}
      <button
        type="button"
        onClick={() =>
          change((d) =>
            appendAt(d, ["outcomes"], {
              id: freshId(
                "outcome",
                d.outcomes.map((o) => o.id),
              ),
              title: "",
              description: "",
              endings: ["agreement"],
              sources: [],
            }),
          )
        }
      >
        {t("outcomes.add")}
      </button>
    </>
  );
}
