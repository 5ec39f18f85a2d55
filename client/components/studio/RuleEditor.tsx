"use client";
// The rule builder: a rule of the red-line language (and, for outcome classes, the no-deal test)
// as nested blocks an author picks from lists, never typed as JSON. Changing a block's kind wraps
// what was there ("not", "all of", "any of", "if") rather than throwing it away.
import { type DraftPath, getAt, setAt } from "@red-lines/shared/studio";
import { fieldId, useStudio } from "./context.tsx";
import { Problems, SelectField } from "./fields.tsx";
import styles from "./Studio.module.css";

type Kind = "in" | "not" | "all" | "any" | "implies" | "belowNoDeal";

const kindWords: Record<Kind, string> = {
  in: "The package picks one of these options",
  not: "Not…",
  all: "All of…",
  any: "Any of…",
  implies: "If… then…",
  belowNoDeal: "A party scores below its no-deal value",
};

function kindOf(rule: unknown): Kind | null {
  if (rule === null || typeof rule !== "object") return null;
  const key = Object.keys(rule)[0];
  return key && key in kindWords ? (key as Kind) : null;
}

export function RuleEditor({
  path,
  label,
  outcome = false,
}: {
  path: DraftPath;
  label: string;
  outcome?: boolean;
}) {
  return (
    <fieldset className={styles.rule}>
      <legend>{label}</legend>
      <RuleNode path={path} outcome={outcome} depth={0} />
    </fieldset>
  );
}

function RuleNode({ path, outcome, depth }: { path: DraftPath; outcome: boolean; depth: number }) {
  const { draft, change } = useStudio();
  const rule = getAt(draft, path);
  const kind = kindOf(rule);
  const firstIssue = draft.issues[0]?.id ?? "";
  const fresh = (to: Kind): unknown => {
    const here = kind ? rule : { in: { issue: firstIssue, options: [] } };
    switch (to) {
      case "in":
        return { in: { issue: firstIssue, options: [] } };
      case "belowNoDeal":
        return { belowNoDeal: { role: draft.roles[0]?.id ?? "", at: "start" } };
      case "not":
        return { not: here };
      case "all":
        return { all: [here] };
      case "any":
        return { any: [here] };
      case "implies":
        return { implies: [here, { in: { issue: firstIssue, options: [] } }] };
    }
  };
  const kinds = (Object.keys(kindWords) as Kind[]).filter((k) => outcome || k !== "belowNoDeal");
  const selectId = `${fieldId(path)}-kind`;
  return (
    <div className={styles.ruleNode} data-depth={depth}>
      <label htmlFor={selectId}>{depth === 0 ? "Rule" : "Condition"}</label>
      <select
        id={selectId}
        value={kind ?? ""}
        onChange={(event) => {
          const to = event.target.value as Kind;
          change((d) => setAt(d, path, fresh(to)));
        }}
      >
        {!kind && <option value="">Choose…</option>}
        {kinds.map((k) => (
          <option key={k} value={k}>
            {kindWords[k]}
          </option>
        ))}
      </select>
      <Problems path={path} />
      {kind === "in" && <Membership path={[...path, "in"]} />}
      {kind === "belowNoDeal" && (
        <div className={styles.inline}>
          <SelectField
            path={[...path, "belowNoDeal", "role"]}
            label="Party"
            options={draft.roles.map((r) => ({ value: r.id, label: r.name || r.id }))}
          />
          <SelectField
            path={[...path, "belowNoDeal", "at"]}
            label="Against its no-deal value"
            options={[
              { value: "start", label: "at the start of the talks" },
              { value: "end", label: "when the talks ended (after the news)" },
            ]}
          />
        </div>
      )}
      {kind === "not" && <RuleNode path={[...path, "not"]} outcome={outcome} depth={depth + 1} />}
      {(kind === "all" || kind === "any") && (
        <RuleList path={[...path, kind]} outcome={outcome} depth={depth} />
      )}
      {kind === "implies" && (
        <div className={styles.ruleChildren}>
          <p className={styles.ruleWord}>If</p>
          <RuleNode path={[...path, "implies", 0]} outcome={outcome} depth={depth + 1} />
          <p className={styles.ruleWord}>then</p>
          <RuleNode path={[...path, "implies", 1]} outcome={outcome} depth={depth + 1} />
        </div>
      )}
    </div>
  );
}

function RuleList({ path, outcome, depth }: { path: DraftPath; outcome: boolean; depth: number }) {
  const { draft, change } = useStudio();
  const value = getAt(draft, path);
  const items = Array.isArray(value) ? value : [];
  return (
    <div className={styles.ruleChildren}>
      {items.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions are edited in place.
        <div key={index} className={styles.ruleItem}>
          <RuleNode path={[...path, index]} outcome={outcome} depth={depth + 1} />
          <button
            type="button"
            data-variant="danger"
            aria-label={`Remove condition ${index + 1}`}
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
            Remove condition
          </button>
        </div>
      ))}
      <button
        type="button"
        data-variant="secondary"
        onClick={() =>
          change((d) => setAt(d, path, [...items, { in: { issue: draft.issues[0]?.id ?? "", options: [] } }]))
        }
      >
        Add a condition
      </button>
    </div>
  );
}

function Membership({ path }: { path: DraftPath }) {
  const { draft, change } = useStudio();
  const node = getAt(draft, path) as { issue?: string; options?: string[] } | undefined;
  const issue = draft.issues.find((i) => i.id === node?.issue);
  const chosen = new Set(Array.isArray(node?.options) ? node.options : []);
  const legendId = `${fieldId(path)}-options`;
  return (
    <div className={styles.membership}>
      <SelectField
        path={[...path, "issue"]}
        label="Issue"
        options={draft.issues.map((i) => ({ value: i.id, label: i.name || i.id }))}
      />
      {issue && (
        <fieldset className={styles.checks} aria-describedby={undefined}>
          <legend id={legendId}>Options</legend>
          <Problems path={[...path, "options"]} />
          {issue.options.map((option) => {
            const id = `${fieldId(path)}-${option.id}`;
            return (
              <div key={option.id} className={styles.check}>
                <input
                  id={id}
                  type="checkbox"
                  checked={chosen.has(option.id)}
                  onChange={(event) => {
                    const on = event.target.checked;
                    change((d) => {
                      const kept = issue.options
                        .map((o) => o.id)
                        .filter((o) => (o === option.id ? on : chosen.has(o)));
                      return setAt(d, [...path, "options"], kept);
                    });
                  }}
                />
                <label htmlFor={id}>{option.label || option.id}</label>
              </div>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
