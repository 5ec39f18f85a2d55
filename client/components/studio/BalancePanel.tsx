"use client";
// The balance check on demand: N seeded bot tables of the scenario as it stands, with progress,
// then how often bots agree, what each party came away with and how often red lines refused them.
import { type BotStyle, balanceLimits, botStyles, type Draft } from "@red-lines/shared/studio";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import styles from "./Studio.module.css";
import type { BalanceState } from "./useStudioEngine.ts";

/** Seconds and mean scores: one decimal. */
const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

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
  const t = useTranslations("studio.balance");
  const format = useFormatter();
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
      <h2 id={`${id}-heading`}>{t("heading")}</h2>
      <p className={styles.hint}>{t("hint")}</p>
      <form
        className={styles.balanceForm}
        onSubmit={(event) => {
          event.preventDefault();
          if (tablesOk && valid) run({ tables: count, seed, variant: chosenVariant, style });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-tables`}>{t("tables")}</label>
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
              {t("tablesRange", { min: balanceLimits.minTables, max: balanceLimits.maxTables })}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-variant`}>{t("variant")}</label>
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
          <label htmlFor={`${id}-style`}>{t("bots")}</label>
          <select
            id={`${id}-style`}
            value={style}
            onChange={(event) => setStyle(event.target.value as BotStyle)}
          >
            {botStyles.map((s) => (
              <option key={s} value={s}>
                {t(`style.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-seed`}>{t("seed")}</label>
          <input
            id={`${id}-seed`}
            type="text"
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
          />
        </div>
        <div className={styles.actions}>
          <button type="submit" disabled={!valid || !tablesOk || running}>
            {t("run")}
          </button>
          {running && (
            <button type="button" data-variant="secondary" onClick={cancel}>
              {t("stop")}
            </button>
          )}
        </div>
        {!valid && <p className={styles.hint}>{t("needsValid")}</p>}
      </form>
      {running && (
        <div>
          <label htmlFor={`${id}-progress`}>
            {t("progress", { done: balance.done, total: balance.total })}
          </label>
          <progress id={`${id}-progress`} max={balance.total} value={balance.done} />
        </div>
      )}
      {balance.state === "failed" && (
        <p className="error" role="alert">
          {balance.failure.reason === "invalid"
            ? t("invalid")
            : t("crashed", { detail: balance.failure.detail })}
        </p>
      )}
      {balance.state === "done" && (
        <div data-testid="balance-result" aria-live="polite">
          <p>
            {t.rich("result", {
              rate: format.number(Math.round(balance.report.agreementRate * 1000) / 1000, {
                style: "percent",
                maximumFractionDigits: 1,
              }),
              tables: balance.report.tables,
              rounds: balance.report.meanRounds,
              seconds: format.number(balance.elapsedMs / 1000, oneDecimal),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <table className={styles.figures}>
            <caption>{t("meanCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("party")}</th>
                <th scope="col">{t("meanScore")}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(balance.report.meanScore).map(([role, score]) => (
                <tr key={role}>
                  <th scope="row">{roleName(role)}</th>
                  <td>{format.number(score, oneDecimal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t.rich("refusals", {
              breaches: balance.report.redLineBreaches,
              other: balance.report.otherRefusals,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p>
            {t("outcomes", {
              list: Object.entries(balance.report.outcomes)
                .map(
                  ([key, n]) =>
                    `${draft.outcomes.find((o) => o.id === key)?.title || (key === "unfinished" ? t("unfinished") : key)} ${format.number(n)}`,
                )
                .join(" · "),
            })}
          </p>
        </div>
      )}
    </section>
  );
}
