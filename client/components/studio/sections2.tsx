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
  return (
    <>
      <div className={styles.columns}>
        <TextField path={[...path, "title"]} label="Title (what people read)" />
        <IdField path={[...path, "id"]} label="Id" />
      </div>
      <RuleEditor path={[...path, "rule"]} label="The rule: a package must satisfy it" />
      <TextField
        path={[...path, "explanation"]}
        label="Explanation shown when a package breaks it"
        multiline
      />
      <SourcesField path={[...path, "sources"]} />
    </>
  );
}

/** The red lines each role holds, under `path` (the scenario's, or a variant's). */
function RedLinesByRole({ path }: { path: DraftPath }) {
  const { draft, change } = useStudio();
  const byRole = (getAt(draft, path) ?? {}) as Record<string, { title?: string }[]>;
  return (
    <>
      <Problems path={path} />
      {draft.roles.map((role, r) => {
        const lines = Array.isArray(byRole[role.id]) ? byRole[role.id] : [];
        const name = role.name || `Role ${r + 1}`;
        return (
          <fieldset key={role.id || r} className={styles.group}>
            <legend>{name}</legend>
            {(lines ?? []).map((line, i) => (
              <ItemCard
                // biome-ignore lint/suspicious/noArrayIndexKey: a key from the title would remount the card as it is typed.
                key={i}
                heading={line?.title || `${name}'s red line ${i + 1}`}
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
              Add a red line for {name}
            </button>
          </fieldset>
        );
      })}
    </>
  );
}

export function RedLinesSection() {
  return (
    <>
      <p className={styles.hint}>
        A red line is a rule the server enforces: its role can neither table nor accept a package that breaks
        it. These hold in every variant; a variant may add more.
      </p>
      <RedLinesByRole path={["redLines"]} />
    </>
  );
}

export function VariantsSection() {
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>
        A workshop plays one variant. Its red lines add to the ones held in every variant.
      </p>
      <SelectField
        path={["defaultVariant"]}
        label="Default variant"
        options={draft.variants.map((v) => ({ value: v.id, label: v.name || v.id }))}
      />
      <Problems path={["variants"]} />
      {draft.variants.map((variant, index) => (
        <ItemCard
          key={variant.id || index}
          heading={variant.name || `Variant ${index + 1}`}
          onRemove={
            draft.variants.length > 1 ? () => change((d) => removeAt(d, ["variants", index])) : undefined
          }
        >
          <div className={styles.columns}>
            <TextField path={["variants", index, "name"]} label="Name" />
            <IdField path={["variants", index, "id"]} label="Id" />
          </div>
          <TextField path={["variants", index, "description"]} label="Description" multiline />
          <SourcesField path={["variants", index, "sources"]} />
          <h4>Brief notes for this variant</h4>
          {draft.roles.map((role, r) => (
            <TextField
              key={role.id || r}
              path={["variants", index, "briefNotes", role.id]}
              label={`Note in ${role.name || `role ${r + 1}`}'s brief (optional)`}
              multiline
              optional
            />
          ))}
          <h4>Red lines of this variant</h4>
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
        Add a variant
      </button>
    </>
  );
}

const effectKinds = [
  { value: "batna", label: "Change a party's no-deal value" },
  { value: "score", label: "Change a party's score of an option" },
  { value: "weight", label: "Change how much an issue weighs for a party" },
  { value: "addRedLine", label: "Give a party a new red line" },
  { value: "removeRedLine", label: "Lift one of a party's red lines" },
  { value: "setVariant", label: "Move a party to another variant" },
] as const;

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
  const { draft, change } = useStudio();
  const effect = (getAt(draft, path) ?? {}) as { kind?: string; role?: string; issue?: string };
  const roles = draft.roles.map((r) => ({ value: r.id, label: r.name || r.id }));
  const issue = draft.issues.find((i) => i.id === effect.issue);
  const kindId = `${path.join("-")}-kind`;
  return (
    <>
      <div className="field">
        <label htmlFor={kindId}>What it does</label>
        <select
          id={kindId}
          value={effect.kind ?? ""}
          onChange={(event) => {
            const kind = event.target.value;
            change((d) => setAt(d, path, freshEffect(kind, d)));
          }}
        >
          {effectKinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <Problems path={path} />
      <div className={styles.columns}>
        {effect.kind !== "addRedLine" && (
          <SelectField path={[...path, "role"]} label="Party" options={roles} />
        )}
        {(effect.kind === "score" || effect.kind === "weight") && (
          <SelectField
            path={[...path, "issue"]}
            label="Issue"
            options={draft.issues.map((i) => ({ value: i.id, label: i.name || i.id }))}
          />
        )}
        {effect.kind === "score" && (
          <SelectField
            path={[...path, "option"]}
            label="Option"
            options={(issue?.options ?? []).map((o) => ({ value: o.id, label: o.label || o.id }))}
          />
        )}
        {(effect.kind === "batna" || effect.kind === "score" || effect.kind === "weight") && (
          <NumberField path={[...path, "delta"]} label="By (points, + or −)" />
        )}
        {effect.kind === "removeRedLine" && (
          <SelectField
            path={[...path, "redLine"]}
            label="Red line"
            options={allRedLineIds(draft).map((id) => ({ value: id, label: redLineTitle(draft, id) }))}
          />
        )}
        {effect.kind === "setVariant" && (
          <SelectField
            path={[...path, "variant"]}
            label="Variant"
            options={draft.variants.map((v) => ({ value: v.id, label: v.name || v.id }))}
          />
        )}
      </div>
      {effect.kind === "addRedLine" && (
        <>
          <SelectField path={[...path, "role"]} label="Party" options={roles} />
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
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>
        News the facilitator injects (or that lands by itself at the start of a round): every seat reads the
        flash, and the numbers or red lines change.
      </p>
      {draft.events.map((event, index) => (
        <ItemCard
          key={event.id || index}
          heading={event.title || `Event ${index + 1}`}
          onRemove={() => change((d) => removeAt(d, ["events", index]))}
        >
          <div className={styles.columns}>
            <TextField path={["events", index, "title"]} label="Title" />
            <IdField path={["events", index, "id"]} label="Id" />
          </div>
          <TextField path={["events", index, "flash"]} label="News flash (every seat reads it)" multiline />
          <NumberField
            path={["events", index, "atRound"]}
            label="Lands by itself at the start of round (leave empty: only when the facilitator injects it)"
            min={1}
            optional
          />
          <fieldset className={styles.group}>
            <legend>Effects</legend>
            <Problems path={["events", index, "effects"]} />
            {event.effects.map((_, f) => (
              <ItemCard
                // biome-ignore lint/suspicious/noArrayIndexKey: effects are edited in place.
                key={f}
                heading={`Effect ${f + 1}`}
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
              Add an effect
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
        Add an event
      </button>
    </>
  );
}

const endingWords: Record<(typeof conclusionReasons)[number], string> = {
  agreement: "An agreement",
  "rounds-exhausted": "The rounds run out",
  "walk-out": "A party walks out",
  "ended-by-instructor": "The facilitator ends the talks",
};

export function OutcomesSection() {
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>
        How the debrief names the way the talks ended. Every ending belongs to exactly one class; agreement
        classes may split agreements with a rule, and the check says which case two classes share or none
        covers.
      </p>
      <Problems path={["outcomes"]} />
      {draft.outcomes.map((outcome, index) => (
        <ItemCard
          key={outcome.id || index}
          heading={outcome.title || `Outcome class ${index + 1}`}
          onRemove={() => change((d) => removeAt(d, ["outcomes", index]))}
        >
          <div className={styles.columns}>
            <TextField path={["outcomes", index, "title"]} label="Title" />
            <IdField path={["outcomes", index, "id"]} label="Id" />
          </div>
          <TextField
            path={["outcomes", index, "description"]}
            label="What it means (one paragraph)"
            multiline
          />
          <TextField
            path={["outcomes", index, "phrase"]}
            label="How a sentence names it (optional)"
            placeholder="e.g. a fragile ceasefire"
            optional
          />
          <fieldset className={styles.checks}>
            <legend>Endings it covers</legend>
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
                  <label htmlFor={id}>{endingWords[ending]}</label>
                </div>
              );
            })}
          </fieldset>
          {outcome.when !== undefined ? (
            <>
              <RuleEditor path={["outcomes", index, "when"]} label="Which agreements" outcome />
              <button
                type="button"
                data-variant="secondary"
                onClick={() => change((d) => removeAt(d, ["outcomes", index, "when"]))}
              >
                Every agreement (remove the rule)
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
                Only some agreements (add a rule)
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
        Add an outcome class
      </button>
    </>
  );
}
