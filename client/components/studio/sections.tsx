"use client";
// The studio's first sections: the scenario itself (titles, documents, clock, turn order), its
// roles, its issues and options, and each role's numbers (no-deal value, weights, scores).
import {
  addIssue,
  addOption,
  addRole,
  appendAt,
  type DraftPath,
  moveAt,
  removeAt,
  removeIssue,
  removeOption,
  removeRole,
  renameIssue,
  renameOption,
  renameRole,
  setAt,
} from "@red-lines/shared/studio";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useStudio } from "./context.tsx";
import { IdField, NumberField, Problems, SourcesField, TextField, TextList } from "./fields.tsx";
import styles from "./Studio.module.css";

/** One item of a list (a role, an issue, a red line…) with its heading and its actions. */
export function ItemCard({
  heading,
  children,
  onRemove,
  removeLabel,
  onMove,
}: {
  heading: string;
  children: ReactNode;
  onRemove?: () => void;
  removeLabel?: string;
  onMove?: (by: number) => void;
}) {
  const t = useTranslations("studio.item");
  return (
    <section className={styles.item} aria-label={heading}>
      <div className={styles.itemHead}>
        <h3>{heading}</h3>
        <div className={styles.actions}>
          {onMove && (
            <>
              <button
                type="button"
                data-variant="secondary"
                aria-label={t("moveUp", { name: heading })}
                onClick={() => onMove(-1)}
              >
                ↑
              </button>
              <button
                type="button"
                data-variant="secondary"
                aria-label={t("moveDown", { name: heading })}
                onClick={() => onMove(1)}
              >
                ↓
              </button>
            </>
          )}
          {onRemove && (
            <button type="button" data-variant="danger" onClick={onRemove}>
              {removeLabel ?? t("remove", { name: heading })}
            </button>
          )}
        </div>
      </div>
      {children}
    </section>
  );
}

export function ScenarioSection() {
  const t = useTranslations("studio");
  const { draft, change } = useStudio();
  const roleName = (id: string) => draft.roles.find((r) => r.id === id)?.name || id;
  return (
    <>
      <div className={styles.columns}>
        <IdField path={["id"]} label={t("scenario.id")} />
        <TextField path={["title"]} label={t("scenario.title")} />
      </div>
      <TextField path={["summary"]} label={t("scenario.summary")} multiline />
      <fieldset className={styles.group}>
        <legend>{t("scenario.documents")}</legend>
        <Problems path={["documents"]} />
        {draft.documents.map((doc, index) => (
          <ItemCard
            // biome-ignore lint/suspicious/noArrayIndexKey: a key from the file name would remount the card as it is typed.
            key={index}
            heading={doc.title || t("numbered.document", { n: index + 1 })}
            onRemove={() => change((d) => removeAt(d, ["documents", index]))}
          >
            <div className={styles.columns}>
              <TextField
                path={["documents", index, "file"]}
                label={t("scenario.documentFile", { n: index + 1 })}
              />
              <TextField
                path={["documents", index, "title"]}
                label={t("scenario.documentTitle", { n: index + 1 })}
              />
            </div>
          </ItemCard>
        ))}
        <button
          type="button"
          data-variant="secondary"
          onClick={() => change((d) => appendAt(d, ["documents"], { file: "", title: "" }))}
        >
          {t("scenario.addDocument")}
        </button>
      </fieldset>
      <div className={styles.columns}>
        <NumberField path={["clock", "rounds"]} label={t("scenario.rounds")} min={1} max={100} />
        <NumberField path={["clock", "turnSeconds"]} label={t("scenario.turnSeconds")} min={5} max={3600} />
      </div>
      <fieldset className={styles.group}>
        <legend>{t("scenario.turnOrder")}</legend>
        <Problems path={["turnOrder"]} />
        <ol className={styles.order}>
          {draft.turnOrder.map((role, index) => (
            <li key={role}>
              <span>{roleName(role)}</span>
              <button
                type="button"
                data-variant="secondary"
                aria-label={t("scenario.moveEarlier", { role: roleName(role) })}
                onClick={() => change((d) => moveAt(d, ["turnOrder", index], -1))}
              >
                ↑
              </button>
              <button
                type="button"
                data-variant="secondary"
                aria-label={t("scenario.moveLater", { role: roleName(role) })}
                onClick={() => change((d) => moveAt(d, ["turnOrder", index], 1))}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
    </>
  );
}

/** A role's capacities, in the file's order; each one's words are `roles.<capacity>`. */
const capacities = ["signatory", "guarantor", "convenor"] as const;

export function RolesSection() {
  const t = useTranslations("studio");
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>{t("roles.hint")}</p>
      <Problems path={["roles"]} />
      {draft.roles.map((role, index) => (
        <ItemCard
          key={role.id || index}
          heading={role.name || t("numbered.role", { n: index + 1 })}
          onRemove={draft.roles.length > 2 ? () => change((d) => removeRole(d, role.id)) : undefined}
          onMove={(by) => change((d) => moveAt(d, ["roles", index], by))}
        >
          <div className={styles.columns}>
            <TextField path={["roles", index, "name"]} label={t("roles.name")} />
            <IdField
              path={["roles", index, "id"]}
              label={t("roles.id")}
              onCommit={(from, to) => change((d) => renameRole(d, from, to))}
            />
          </div>
          <fieldset className={styles.checks}>
            <legend>{t("roles.capacities")}</legend>
            <Problems path={["roles", index, "capacities"]} />
            {capacities.map((capacity) => {
              const id = `cap-${index}-${capacity}`;
              const on = role.capacities?.includes(capacity) ?? false;
              return (
                <div key={capacity} className={styles.check}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={on}
                    onChange={(event) => {
                      const checked = event.target.checked;
                      change((d) =>
                        setAt(
                          d,
                          ["roles", index, "capacities"],
                          capacities.filter((c) => (c === capacity ? checked : role.capacities?.includes(c))),
                        ),
                      );
                    }}
                  />
                  <label htmlFor={id}>{t(`roles.${capacity}`)}</label>
                </div>
              );
            })}
          </fieldset>
          <TextField path={["roles", index, "publicStance"]} label={t("roles.publicStance")} multiline />
          <TextField
            path={["roles", index, "privateBrief", "summary"]}
            label={t("roles.privateBrief")}
            multiline
          />
          <TextList
            path={["roles", index, "privateBrief", "priorities"]}
            label={t("roles.priorities")}
            itemLabel={(n) => t("roles.priority", { n })}
            removeLabel={(n) => t("roles.removePriority", { n })}
            addLabel={t("roles.addPriority")}
          />
          <SourcesField path={["roles", index, "sources"]} />
        </ItemCard>
      ))}
      <button type="button" disabled={draft.roles.length >= 6} onClick={() => change((d) => addRole(d))}>
        {t("roles.add")}
      </button>
      {draft.roles.length >= 6 && <p className={styles.hint}>{t("roles.atMost")}</p>}
    </>
  );
}

export function IssuesSection() {
  const t = useTranslations("studio");
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>{t("issues.hint")}</p>
      <Problems path={["issues"]} />
      {draft.issues.map((issue, index) => (
        <ItemCard
          key={issue.id || index}
          heading={issue.name || t("numbered.issue", { n: index + 1 })}
          onRemove={() => change((d) => removeIssue(d, issue.id))}
          onMove={(by) => change((d) => moveAt(d, ["issues", index], by))}
        >
          <div className={styles.columns}>
            <TextField path={["issues", index, "name"]} label={t("roles.name")} />
            <IdField
              path={["issues", index, "id"]}
              label={t("roles.id")}
              onCommit={(from, to) => change((d) => renameIssue(d, from, to))}
            />
          </div>
          <TextField path={["issues", index, "description"]} label={t("issues.description")} multiline />
          <fieldset className={styles.group}>
            <legend>{t("issues.options")}</legend>
            <Problems path={["issues", index, "options"]} />
            {issue.options.map((option, o) => (
              <div className={styles.option} key={option.id || o}>
                <TextField
                  path={["issues", index, "options", o, "label"]}
                  label={t("numbered.option", { n: o + 1 })}
                />
                <IdField
                  path={["issues", index, "options", o, "id"]}
                  label={t("issues.optionId", { n: o + 1 })}
                  onCommit={(from, to) => change((d) => renameOption(d, issue.id, from, to))}
                />
                <button
                  type="button"
                  data-variant="danger"
                  aria-label={t("issues.removeOption", {
                    option: option.label || String(o + 1),
                    issue: issue.name || t("inline.issue", { n: index + 1 }),
                  })}
                  onClick={() => change((d) => removeOption(d, issue.id, option.id))}
                >
                  {t("fields.remove")}
                </button>
              </div>
            ))}
            <button
              type="button"
              data-variant="secondary"
              onClick={() => change((d) => addOption(d, issue.id))}
            >
              {t("issues.addOption", { issue: issue.name || t("inline.issue", { n: index + 1 }) })}
            </button>
          </fieldset>
          <SourcesField path={["issues", index, "sources"]} />
        </ItemCard>
      ))}
      <button type="button" onClick={() => change((d) => addIssue(d))}>
        {t("issues.add")}
      </button>
    </>
  );
}

/** Each role's private numbers: what no deal is worth, how much each issue weighs, each option's score. */
export function ScoresSection() {
  const t = useTranslations("studio");
  const { draft } = useStudio();
  return (
    <>
      <p className={styles.hint}>{t("scores.hint")}</p>
      {draft.roles.map((role, r) => (
        <RoleNumbers key={role.id || r} role={role.id} name={role.name || t("numbered.role", { n: r + 1 })} />
      ))}
    </>
  );
}

function RoleNumbers({ role, name }: { role: string; name: string }) {
  const t = useTranslations("studio");
  const format = useFormatter();
  const { draft } = useStudio();
  const base: DraftPath = ["utilities", role];
  const weights = draft.utilities[role]?.weights ?? {};
  const total = draft.issues.reduce((sum, issue) => sum + (Number(weights[issue.id]) || 0), 0);
  return (
    <ItemCard heading={name}>
      <Problems path={base} />
      <NumberField path={[...base, "batna"]} label={t("scores.batna", { role: name })} min={0} max={100} />
      <Problems path={[...base, "weights"]} />
      <Problems path={[...base, "scores"]} />
      <div className={styles.tableWrap}>
        <table className={styles.scores}>
          <caption>
            {t.rich("scores.caption", {
              role: name,
              total: format.number(Math.round(total * 100) / 100),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("scores.issue")}</th>
              <th scope="col">{t("scores.weight")}</th>
              <th scope="col">{t("scores.optionScores")}</th>
            </tr>
          </thead>
          <tbody>
            {draft.issues.map((issue, i) => (
              <tr key={issue.id || i}>
                <th scope="row">{issue.name || t("numbered.issue", { n: i + 1 })}</th>
                <td>
                  <NumberField
                    compact
                    path={[...base, "weights", issue.id]}
                    label={t("scores.weightOf", {
                      role: name,
                      issue: issue.name || t("inline.issue", { n: i + 1 }),
                    })}
                    min={0}
                  />
                </td>
                <td>
                  <div className={styles.optionScores}>
                    {issue.options.map((option, o) => (
                      <div key={option.id || o} className={styles.optionScore}>
                        <span aria-hidden="true">{option.label || t("numbered.option", { n: o + 1 })}</span>
                        <NumberField
                          compact
                          path={[...base, "scores", issue.id, option.id]}
                          label={t("scores.scoreOf", {
                            role: name,
                            option: option.label || t("inline.option", { n: o + 1 }),
                            issue: issue.name || t("inline.issue", { n: i + 1 }),
                          })}
                          min={0}
                          max={100}
                        />
                      </div>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ItemCard>
  );
}
