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
                aria-label={`Move ${heading} up`}
                onClick={() => onMove(-1)}
              >
                ↑
              </button>
              <button
                type="button"
                data-variant="secondary"
                aria-label={`Move ${heading} down`}
                onClick={() => onMove(1)}
              >
                ↓
              </button>
            </>
          )}
          {onRemove && (
            <button type="button" data-variant="danger" onClick={onRemove}>
              {removeLabel ?? `Remove ${heading}`}
            </button>
          )}
        </div>
      </div>
      {children}
    </section>
  );
}

export function ScenarioSection() {
  const { draft, change } = useStudio();
  const roleName = (id: string) => draft.roles.find((r) => r.id === id)?.name || id;
  return (
    <>
      <div className={styles.columns}>
        <IdField path={["id"]} label="Scenario id" />
        <TextField path={["title"]} label="Title" />
      </div>
      <TextField path={["summary"]} label="Summary (everyone reads it)" multiline />
      <fieldset className={styles.group}>
        <legend>Documents the scenario cites</legend>
        <Problems path={["documents"]} />
        {draft.documents.map((doc, index) => (
          <ItemCard
            // biome-ignore lint/suspicious/noArrayIndexKey: a key from the file name would remount the card as it is typed.
            key={index}
            heading={doc.title || `Document ${index + 1}`}
            onRemove={() => change((d) => removeAt(d, ["documents", index]))}
          >
            <div className={styles.columns}>
              <TextField path={["documents", index, "file"]} label={`File name of document ${index + 1}`} />
              <TextField path={["documents", index, "title"]} label={`Title of document ${index + 1}`} />
            </div>
          </ItemCard>
        ))}
        <button
          type="button"
          data-variant="secondary"
          onClick={() => change((d) => appendAt(d, ["documents"], { file: "", title: "" }))}
        >
          Add a document
        </button>
      </fieldset>
      <div className={styles.columns}>
        <NumberField path={["clock", "rounds"]} label="Rounds" min={1} max={100} />
        <NumberField path={["clock", "turnSeconds"]} label="Seconds per turn" min={5} max={3600} />
      </div>
      <fieldset className={styles.group}>
        <legend>Turn order</legend>
        <Problems path={["turnOrder"]} />
        <ol className={styles.order}>
          {draft.turnOrder.map((role, index) => (
            <li key={role}>
              <span>{roleName(role)}</span>
              <button
                type="button"
                data-variant="secondary"
                aria-label={`Move ${roleName(role)} earlier`}
                onClick={() => change((d) => moveAt(d, ["turnOrder", index], -1))}
              >
                ↑
              </button>
              <button
                type="button"
                data-variant="secondary"
                aria-label={`Move ${roleName(role)} later`}
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

const capacities = [
  { value: "signatory", label: "Signatory (signs the package)" },
  { value: "guarantor", label: "Guarantor" },
  { value: "convenor", label: "Convenor" },
] as const;

export function RolesSection() {
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>
        Each role is a seat at the table: 2 to 6. Its public stance is read by everyone; its brief by that
        seat and the facilitator only.
      </p>
      <Problems path={["roles"]} />
      {draft.roles.map((role, index) => (
        <ItemCard
          key={role.id || index}
          heading={role.name || `Role ${index + 1}`}
          onRemove={draft.roles.length > 2 ? () => change((d) => removeRole(d, role.id)) : undefined}
          onMove={(by) => change((d) => moveAt(d, ["roles", index], by))}
        >
          <div className={styles.columns}>
            <TextField path={["roles", index, "name"]} label="Name" />
            <IdField
              path={["roles", index, "id"]}
              label="Id"
              onCommit={(from, to) => change((d) => renameRole(d, from, to))}
            />
          </div>
          <fieldset className={styles.checks}>
            <legend>Capacities</legend>
            <Problems path={["roles", index, "capacities"]} />
            {capacities.map((capacity) => {
              const id = `cap-${index}-${capacity.value}`;
              const on = role.capacities?.includes(capacity.value) ?? false;
              return (
                <div key={capacity.value} className={styles.check}>
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
                          capacities
                            .map((c) => c.value)
                            .filter((c) => (c === capacity.value ? checked : role.capacities?.includes(c))),
                        ),
                      );
                    }}
                  />
                  <label htmlFor={id}>{capacity.label}</label>
                </div>
              );
            })}
          </fieldset>
          <TextField
            path={["roles", index, "publicStance"]}
            label="Public stance (everyone reads it)"
            multiline
          />
          <TextField
            path={["roles", index, "privateBrief", "summary"]}
            label="Private brief (this seat only)"
            multiline
          />
          <TextList
            path={["roles", index, "privateBrief", "priorities"]}
            label="Priorities in the brief"
            itemLabel="Priority"
          />
          <SourcesField path={["roles", index, "sources"]} />
        </ItemCard>
      ))}
      <button type="button" disabled={draft.roles.length >= 6} onClick={() => change((d) => addRole(d))}>
        Add a role
      </button>
      {draft.roles.length >= 6 && <p className={styles.hint}>A scenario has at most six roles.</p>}
    </>
  );
}

export function IssuesSection() {
  const { draft, change } = useStudio();
  return (
    <>
      <p className={styles.hint}>
        A package picks one option of every issue. Each issue needs 2 to 30 options.
      </p>
      <Problems path={["issues"]} />
      {draft.issues.map((issue, index) => (
        <ItemCard
          key={issue.id || index}
          heading={issue.name || `Issue ${index + 1}`}
          onRemove={() => change((d) => removeIssue(d, issue.id))}
          onMove={(by) => change((d) => moveAt(d, ["issues", index], by))}
        >
          <div className={styles.columns}>
            <TextField path={["issues", index, "name"]} label="Name" />
            <IdField
              path={["issues", index, "id"]}
              label="Id"
              onCommit={(from, to) => change((d) => renameIssue(d, from, to))}
            />
          </div>
          <TextField path={["issues", index, "description"]} label="Description" multiline />
          <fieldset className={styles.group}>
            <legend>Options</legend>
            <Problems path={["issues", index, "options"]} />
            {issue.options.map((option, o) => (
              <div className={styles.option} key={option.id || o}>
                <TextField path={["issues", index, "options", o, "label"]} label={`Option ${o + 1}`} />
                <IdField
                  path={["issues", index, "options", o, "id"]}
                  label={`Id of option ${o + 1}`}
                  onCommit={(from, to) => change((d) => renameOption(d, issue.id, from, to))}
                />
                <button
                  type="button"
                  data-variant="danger"
                  aria-label={`Remove option ${option.label || o + 1} of ${issue.name || `issue ${index + 1}`}`}
                  onClick={() => change((d) => removeOption(d, issue.id, option.id))}
                >
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              data-variant="secondary"
              onClick={() => change((d) => addOption(d, issue.id))}
            >
              Add an option to {issue.name || `issue ${index + 1}`}
            </button>
          </fieldset>
          <SourcesField path={["issues", index, "sources"]} />
        </ItemCard>
      ))}
      <button type="button" onClick={() => change((d) => addIssue(d))}>
        Add an issue
      </button>
    </>
  );
}

/** Each role's private numbers: what no deal is worth, how much each issue weighs, each option's score. */
export function ScoresSection() {
  const { draft } = useStudio();
  return (
    <>
      <p className={styles.hint}>
        A role's score of a package is the sum over issues of weight × the option's score ÷ 100, from 0 to
        100. Weights sum to 100. A package is worth taking for a role when it scores above the role's no-deal
        value.
      </p>
      {draft.roles.map((role, r) => (
        <RoleNumbers key={role.id || r} role={role.id} name={role.name || `Role ${r + 1}`} />
      ))}
    </>
  );
}

function RoleNumbers({ role, name }: { role: string; name: string }) {
  const { draft } = useStudio();
  const base: DraftPath = ["utilities", role];
  const weights = draft.utilities[role]?.weights ?? {};
  const total = draft.issues.reduce((sum, issue) => sum + (Number(weights[issue.id]) || 0), 0);
  return (
    <ItemCard heading={name}>
      <Problems path={base} />
      <NumberField path={[...base, "batna"]} label={`${name}: no-deal value (0–100)`} min={0} max={100} />
      <Problems path={[...base, "weights"]} />
      <Problems path={[...base, "scores"]} />
      <div className={styles.tableWrap}>
        <table className={styles.scores}>
          <caption>
            {name}'s weights and scores · weights sum to <strong>{Math.round(total * 100) / 100}</strong>
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Weight</th>
              <th scope="col">Scores of its options (0–100)</th>
            </tr>
          </thead>
          <tbody>
            {draft.issues.map((issue, i) => (
              <tr key={issue.id || i}>
                <th scope="row">{issue.name || `Issue ${i + 1}`}</th>
                <td>
                  <NumberField
                    compact
                    path={[...base, "weights", issue.id]}
                    label={`${name}: weight of ${issue.name || `issue ${i + 1}`}`}
                    min={0}
                  />
                </td>
                <td>
                  <div className={styles.optionScores}>
                    {issue.options.map((option, o) => (
                      <div key={option.id || o} className={styles.optionScore}>
                        <span aria-hidden="true">{option.label || `Option ${o + 1}`}</span>
                        <NumberField
                          compact
                          path={[...base, "scores", issue.id, option.id]}
                          label={`${name}: score of ${option.label || `option ${o + 1}`} (${issue.name || `issue ${i + 1}`})`}
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
