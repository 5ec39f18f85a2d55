"use client";
// The join page's body: the workshop's roles and free seats (kept fresh), a display name and a seat
// choice, and "continue as …" when this browser already holds a seat for the code. A seat joined or
// got back is stored in this browser and the student goes on to the table. Where the talks are
// over, the page says so and offers no seat there; a student who sat at such a table is pointed
// to its debrief. The join code comes checked from the page (on the server); the name is checked
// with the shared schema, which loads when the form is first focused (formChecks.ts); what this
// browser keeps (credentials.ts, checked with zod) loads once the page is up, as it is read then.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { joinWorkshop } from "../../lib/api.ts";
import type { StoredSeat } from "../../lib/credentials.ts";
import { usePersonName } from "../../lib/personName.ts";
import { CodeEntry } from "./CodeEntry.tsx";
import { ContinueSeat } from "./ContinueSeat.tsx";
import styles from "./entry.module.css";
import { FieldError } from "./FieldError.tsx";
import { formChecks, prepareFormChecks } from "./formChecks.ts";
import { RoleStances } from "./RoleStances.tsx";
import { anySeat, isOver, parseSeatChoice, roleName, type SeatChoice, SeatPicker } from "./SeatPicker.tsx";
import { useProblemText } from "./useProblemText.ts";
import { useSeating } from "./useSeating.ts";

type Errors = { name?: string; seat?: string; form?: string };

/** Nothing chosen: after the chosen seat was taken, the student chooses again. */
const noSeat = "";

const seatCodes = new Set(["seat-taken", "no-such-table", "no-such-role", "workshop-full", "talks-over"]);

/** The join code of the address, as the page checked it: its canonical form, or what is wrong. */
export type CheckedCode = { ok: true; code: string } | { ok: false; problem: string };

/** Shown only where the talks are over, once the seats are read: loaded then, not with the page. */
const TalksOver = dynamic(() => import("./TalksOver.tsx").then((module) => module.TalksOver));

/** What this browser keeps, checked as it is read: loaded once the page is up. */
const credentials = () => import("../../lib/credentials.ts");

export function JoinTable({ code: checkedCode, initialName }: { code: CheckedCode; initialName: string }) {
  const code = checkedCode.ok ? checkedCode.code : null;
  const t = useTranslations("entry");
  const problemText = useProblemText();
  const personName = usePersonName();
  const router = useRouter();
  const nameId = useId();
  const seatErrorId = useId();
  const formErrorId = useId();
  const seating = useSeating(code);
  const { overview } = seating;
  const [name, setName] = useState(initialName);
  const [choice, setChoice] = useState<SeatChoice>(anySeat);
  const [errors, setErrors] = useState<Errors>({});
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** A join is under way, from the click on (its checks may still be loading). */
  const joining = useRef(false);
  const [stored, setStored] = useState<StoredSeat | null>(null);

  // Local storage exists only in the browser: read it after the first render.
  useEffect(() => {
    let current = true;
    if (code === null) setStored(null);
    else
      void credentials()
        .then(({ seatForCode }) => {
          if (current) setStored(seatForCode(code));
        })
        .catch(() => {});
    return () => {
      current = false;
    };
  }, [code]);

  // A seat chosen here may be taken by someone else before this student joins.
  useEffect(() => {
    const chosen = parseSeatChoice(choice);
    if (!overview || !chosen) return;
    const table = overview.tables.find((candidate) => candidate.number === chosen.table);
    const seat = table?.seats.find((candidate) => candidate.role === chosen.role);
    const ended = table !== undefined && isOver(table);
    if (seat && !seat.taken && !ended) return;
    setChoice(noSeat);
    setErrors((previous) => ({
      ...previous,
      // Keep the server's sentence when a join was just refused for this seat.
      seat:
        previous.seat ??
        (ended
          ? t("joinPage.seatEnded", { table: chosen.table })
          : seat?.name
            ? t("joinPage.seatTakenBy", {
                role: roleName(overview, chosen.role),
                table: chosen.table,
                name: personName(seat.name),
              })
            : t("joinPage.seatTaken", { role: roleName(overview, chosen.role), table: chosen.table })),
    }));
  }, [overview, choice, t, personName]);

  if (!checkedCode.ok) {
    return <CodeEntry problem={checkedCode.problem} name={name} />;
  }
  const lookupUnknown = seating.problem?.code === "unknown-code" ? problemText(seating.problem) : null;
  if (unknownCode ?? lookupUnknown) {
    return <CodeEntry problem={unknownCode ?? lookupUnknown ?? ""} name={name} />;
  }

  async function arrive(seat: StoredSeat, replacing?: StoredSeat) {
    const kept = await credentials().catch(() => null);
    if (!kept) {
      setSubmitting(false);
      setErrors({ form: t("joinPage.notKept") });
      return;
    }
    if (replacing) kept.forgetSeat(replacing);
    kept.saveSeat(seat);
    router.push(`/table/${seat.tableId}`);
  }

  async function join(event: FormEvent) {
    event.preventDefault();
    if (code === null || submitting || joining.current) return;
    joining.current = true;
    try {
      await joinAs(code);
    } finally {
      joining.current = false;
    }
  }

  async function joinAs(code: string) {
    const checks = await formChecks().catch(() => null);
    if (!checks) {
      setErrors({ form: t("api.offline") });
      return;
    }
    const next: Errors = {};
    const checkedName = checks.checkDisplayName(name);
    if (!checkedName.ok) {
      next.name =
        checkedName.problem === "nameTooLong"
          ? t("checks.nameTooLong", { max: checkedName.max })
          : t("checks.nameRequired");
    }
    const chosen = parseSeatChoice(choice);
    if (choice !== anySeat && !chosen) next.seat = t("joinPage.chooseSeat");
    setErrors(next);
    if (next.name || next.seat || !checkedName.ok) {
      if (next.name) document.getElementById(nameId)?.focus();
      else document.querySelector<HTMLInputElement>('input[name="seat"]:not(:disabled)')?.focus();
      return;
    }
    setSubmitting(true);
    const result = await joinWorkshop({
      code,
      name: checkedName.name,
      ...(chosen ? { table: chosen.table, role: chosen.role } : {}),
    });
    if (result.ok) {
      // A seat held before keeps its own entry (its table page still finds it); the code now
      // leads to the new one.
      const { rejoined: _rejoined, ...seat } = result.value;
      await arrive({ joinCode: code, name: checkedName.name, ...seat });
      return;
    }
    setSubmitting(false);
    if (result.code === "unknown-code") {
      setUnknownCode(problemText(result));
      return;
    }
    if (seatCodes.has(result.code)) {
      setErrors({ seat: problemText(result) });
      void seating.refresh();
      return;
    }
    if (result.issues?.length) {
      const byField: Errors = {};
      for (const issue of result.issues) {
        const field =
          issue.path === "name" ? "name" : issue.path === "table" || issue.path === "role" ? "seat" : "form";
        byField[field] = byField[field] ? `${byField[field]} ${issue.message}` : issue.message;
      }
      setErrors(byField);
      return;
    }
    setErrors({ form: problemText(result) });
  }

  const allOver = overview !== null && overview.tables.length > 0 && overview.tables.every(isOver);
  const storedTable = stored ? overview?.tables.find((table) => table.number === stored.table) : undefined;
  const storedOver = storedTable !== undefined && isOver(storedTable);

  return (
    <>
      <p className="lede">
        {overview ? overview.scenario.title : t("joinPage.lookingUp")}
        <span className={styles.codeTag}>
          {" "}
          {t.rich("joinPage.codeTag", {
            code: checkedCode.code,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </span>
      </p>
      {overview && (allOver || (stored && storedOver)) ? (
        <TalksOver
          everyTable={allOver}
          tables={overview.tables.length}
          seat={stored && storedOver ? { ...stored, roleLabel: roleName(overview, stored.role) } : null}
        />
      ) : null}
      {stored && !storedOver && !allOver ? (
        <ContinueSeat
          seat={stored}
          roleLabel={roleName(overview, stored.role)}
          onArrive={(seat) => void arrive(seat, seat.tableId !== stored.tableId ? stored : undefined)}
          onUnknownCode={setUnknownCode}
        />
      ) : null}
      {seating.problem && seating.problem.code !== "unknown-code" ? (
        <p className="error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(overview ? "joinPage.refreshFailed" : "joinPage.loadFailed", {
            problem: problemText(seating.problem),
          })}
        </p>
      ) : null}
      {seating.problem && !overview && seating.problem.code !== "unknown-code" ? (
        <button type="button" onClick={() => void seating.refresh()} disabled={seating.loading}>
          {seating.loading ? t("joinPage.tryingAgain") : t("joinPage.tryAgain")}
        </button>
      ) : null}
      {overview && !allOver ? (
        <>
          <section aria-labelledby="join-heading" className="card">
            <h2 id="join-heading">{stored ? t("joinPage.joinAsNew") : t("joinPage.takeSeat")}</h2>
            <form onSubmit={join} onFocus={prepareFormChecks} noValidate aria-labelledby="join-heading">
              <div className="field">
                <label htmlFor={nameId}>{t("joinPage.name")}</label>
                <input
                  id={nameId}
                  name="name"
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                  autoComplete="nickname"
                  aria-describedby={errors.name ? `${nameId}-error` : undefined}
                  aria-invalid={errors.name ? true : undefined}
                />
                <FieldError id={`${nameId}-error`} message={errors.name} />
              </div>
              <SeatPicker
                overview={overview}
                choice={choice}
                onChoose={(next) => {
                  setChoice(next);
                  setErrors((previous) => ({ ...previous, seat: undefined }));
                }}
                error={errors.seat ?? null}
                errorId={seatErrorId}
              />
              <p className={styles.refreshLine}>
                <span className="muted">
                  {seating.readAt ? t("joinPage.readAt", { time: new Date(seating.readAt) }) : ""}
                </span>{" "}
                <button
                  type="button"
                  className={styles.secondary}
                  onClick={() => void seating.refresh()}
                  disabled={seating.loading}
                >
                  {seating.loading ? t("joinPage.refreshing") : t("joinPage.refresh")}
                </button>
              </p>
              <button
                type="submit"
                disabled={submitting}
                aria-describedby={errors.form ? formErrorId : undefined}
              >
                {submitting ? t("joinPage.joining") : t("joinPage.join")}
              </button>
              <FieldError id={formErrorId} message={errors.form} />
            </form>
          </section>
          <section aria-labelledby="roles-heading" className="card">
            <h2 id="roles-heading">{t("joinPage.stancesHeading")}</h2>
            <RoleStances roles={overview.roles} />
          </section>
        </>
      ) : null}
    </>
  );
}
