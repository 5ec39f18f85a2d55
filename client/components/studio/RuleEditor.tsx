"use client";
// The rule builder: a rule of the red-line language (and, for outcome classes, the no-deal test)
// as nested blocks an author picks from lists, never typed as JSON. Changing a block's kind wraps
// what was there ("not", "all of", "any of", "if") rather than throwing it away.
import { type DraftPath, getAt, setAt } from "@red-lines/shared/studio";
import { useTranslations } from "next-intl";
import { fieldId, useStudio } from "./context.tsx";
import { Problems, SelectField } from "./fields.tsx";
import styles from "./Studio.module.css";

/** The kinds of block, in the order offered; each one's words are `rule.kind.<kind>`. */
const kinds = ["in", "not", "all", "any", "implies", "belowNoDeal"] as const;
type Kind = (typeof kinds)[number];

function kindOf(rule: unknown): Kind | null {
  if (rule === null || typeof rule !== "object") return null;
  const key = Object.keys(rule)[0];
  return kinds.find((k) => k === key) ?? null;
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
  const t = useTranslations("studio");
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
  const offered = kinds.filter((k) => outcome || k !== "belowNoDeal");
  const selectId = `${fieldId(path)}-kind`;
  return (
    <div className={styles.ruleNode} data-depth={depth}>
      <label htmlFor={selectId}>{depth === 0 ? t("rule.rule") : t("rule.condition")}</label>
      <select
        id={selectId}
        value={kind ?? ""}
        onChange={(event) => {
          const to = event.target.value as Kind;
          change((d) => setAt(d, path, fresh(to)));
        }}
      >
        {!kind && <option value="">{t("fields.choose")}</option>}
        {offered.map((k) => (
          <option key={k} value={k}>
            {t(`rule.kind.${k}`)}
          </option>
        ))}
      </select>
      <Problems path={path} />
      {kind === "in" && <Membership path={[...path, "in"]} />}
      {kind === "belowNoDeal" && (
        <div className={styles.inline}>
          <SelectField
            path={[...path, "belowNoDeal", "role"]}
            label={t("rule.party")}
            options={draft.roles.map((r) => ({ value: r.id, label: r.name || r.id }))}
          />
          <SelectField
            path={[...path, "belowNoDeal", "at"]}
            label={t("rule.against")}
            options={[
              { value: "start", label: t("rule.atStart") },
              { value: "end", label: t("rule.atEnd") },
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
          <p className={styles.ruleWord}>{t("rule.if")}</p>
          <RuleNode path={[...path, "implies", 0]} outcome={outcome} depth={depth + 1} />
          <p className={styles.ruleWord}>{t("rule.then")}</p>
          <RuleNode path={[...path, "implies", 1]} outcome={outcome} depth={depth + 1} />
        </div>
      )}
    </div>
  );
}

function RuleList({ path, outcome, depth }: { path: DraftPath; outcome: boolean; depth: number }) {
  const t = useTranslations("studio.rule");
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
            aria-label={t("removeConditionLabel", { n: index + 1 })}
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
            {t("removeCondition")}
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
        {t("addCondition")}
      </button>
    </div>
  );
}

function Membership({ path }: { path: DraftPath }) {
  const t = useTranslations("studio.rule");
  const { draft, change } = useStudio();
  const node = getAt(draft, path) as { issue?: string; options?: string[] } | undefined;
  const issue = draft.issues.find((i) => i.id === node?.issue);
  const chosen = new Set(Array.isArray(node?.options) ? node.options : []);
  const legendId = `${fieldId(path)}-options`;
  return (
    <div className={styles.membership}>
      <SelectField
        path={[...path, "issue"]}
        label={t("issue")}
        options={draft.issues.map((i) => ({ value: i.id, label: i.name || i.id }))}
      />
      {issue && (
        <fieldset className={styles.checks} aria-describedby={undefined}>
          <legend id={legendId}>{t("options")}</legend>
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
