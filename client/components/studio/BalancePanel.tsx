"use client";
// The balance check on demand: N seeded bot tables of the scenario as it stands, with progress,
// then how often bots agree, what each party came away with and how often red lines refused them.
import { type BotStyle, balanceLimits, botStyles, type Draft } from "@red-lines/shared/studio";
import { useId, useState } from "react";
import styles from "./Studio.module.css";
import type { BalanceState } from "./useStudioEngine.ts";

const styleWords: Record<BotStyle, string> = {
  boulware: "Firm (concede late)",
  linear: "Steady (concede evenly)",
  conceder: "Flexible (concede early)",
};

export function BalancePanel({
  draft,
  valid,
  balance,
  run,
  cancel,
}: {
  draft: Draft;
  valid: boolean;
  balance: BalanceState;
  run: (request: { tables: number; seed: string; variant: string; style: BotStyle }) => void;
  cancel: () => void;
}) {
  const [tables, setTables] = useState("100");
  const [variant, setVariant] = useState("");
  const [style, setStyle] = useState<BotStyle>("boulware");
  const [seed, setSeed] = useState("red-lines");
  const id = useId();
  const count = Number(tables);
  const tablesOk =
    Number.isInteger(count) && count >= balanceLimits.minTables && count <= balanceLimits.maxTables;
  const chosenVariant = draft.variants.some((v) => v.id === variant) ? variant : draft.defaultVariant;
  const roleName = (role: string) => draft.roles.find((r) => r.id === role)?.name || role;
  const running = balance.state === "running";
  return (
    <section className={styles.panel} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Balance check</h2>
      <p className={styles.hint}>Bots play seeded tables of the scenario as it stands now.</p>
      <form
        className={styles.balanceForm}
        onSubmit={(event) => {
          event.preventDefault();
          if (tablesOk && valid) run({ tables: count, seed, variant: chosenVariant, style });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-tables`}>Tables</label>
          <input
            id={`${id}-tables`}
            type="number"
            min={balanceLimits.minTables}
            max={balanceLimits.maxTables}
            value={tables}
            aria-invalid={!tablesOk || undefined}
            aria-describedby={tablesOk ? undefined : `${id}-tables-problem`}
            onChange={(event) => setTables(event.target.value)}
          />
          {!tablesOk && (
            <p className="error" id={`${id}-tables-problem`}>
              From {balanceLimits.minTables} to {balanceLimits.maxTables.toLocaleString("en")} tables.
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-variant`}>Variant</label>
          <select
            id={`${id}-variant`}
            value={chosenVariant}
            onChange={(event) => setVariant(event.target.value)}
          >
            {draft.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name || v.id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-style`}>Bots</label>
          <select
            id={`${id}-style`}
            value={style}
            onChange={(event) => setStyle(event.target.value as BotStyle)}
          >
            {botStyles.map((s) => (
              <option key={s} value={s}>
                {styleWords[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-seed`}>Seed</label>
          <input
            id={`${id}-seed`}
            type="text"
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
          />
        </div>
        <div className={styles.actions}>
          <button type="submit" disabled={!valid || !tablesOk || running}>
            Run the balance check
          </button>
          {running && (
            <button type="button" data-variant="secondary" onClick={cancel}>
              Stop
            </button>
          )}
        </div>
        {!valid && (
          <p className={styles.hint}>Fix the scenario's problems first: bots play only a valid scenario.</p>
        )}
      </form>
      {running && (
        <div>
          <label htmlFor={`${id}-progress`}>
            {balance.done.toLocaleString("en")} of {balance.total.toLocaleString("en")} tables played
          </label>
          <progress id={`${id}-progress`} max={balance.total} value={balance.done} />
        </div>
      )}
      {balance.state === "failed" && (
        <p className="error" role="alert">
          {balance.message}
        </p>
      )}
      {balance.state === "done" && (
        <div data-testid="balance-result" aria-live="polite">
          <p>
            <strong>Agreement in {Math.round(balance.report.agreementRate * 1000) / 10}%</strong> of{" "}
            {balance.report.tables.toLocaleString("en")} tables, after {balance.report.meanRounds} rounds on
            average ({(balance.elapsedMs / 1000).toFixed(1)} s).
          </p>
          <table className={styles.figures}>
            <caption>Mean score per party (its agreement's score, or its no-deal value without one)</caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Mean score</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(balance.report.meanScore).map(([role, score]) => (
                <tr key={role}>
                  <th scope="row">{roleName(role)}</th>
                  <td>{score.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Red-line refusals: <strong>{balance.report.redLineBreaches.toLocaleString("en")}</strong>; other
            refusals: {balance.report.otherRefusals.toLocaleString("en")}.
          </p>
          <p>
            Outcomes:{" "}
            {Object.entries(balance.report.outcomes)
              .map(
                ([key, n]) =>
                  `${draft.outcomes.find((o) => o.id === key)?.title || (key === "unfinished" ? "Unfinished" : key)} ${n}`,
              )
              .join(" · ")}
          </p>
        </div>
      )}
    </section>
  );
}
