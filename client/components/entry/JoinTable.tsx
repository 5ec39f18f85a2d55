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
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { joinWorkshop } from "../../lib/api.ts";
import type { StoredSeat } from "../../lib/credentials.ts";
import { CodeEntry } from "./CodeEntry.tsx";
import { ContinueSeat } from "./ContinueSeat.tsx";
import styles from "./entry.module.css";
import { FieldError } from "./FieldError.tsx";
import { formChecks, prepareFormChecks } from "./formChecks.ts";
import { RoleStances } from "./RoleStances.tsx";
import { anySeat, isOver, parseSeatChoice, roleName, type SeatChoice, SeatPicker } from "./SeatPicker.tsx";
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
          ? `The talks at table ${chosen.table} just ended. Choose a seat at another table, or let the workshop place you.`
          : `${roleName(overview, chosen.role)} at table ${chosen.table} was just taken${
              seat?.name ? ` by ${seat.name}` : ""
            }. Choose another seat, or let the workshop place you.`),
    }));
  }, [overview, choice]);

  if (!checkedCode.ok) {
    return <CodeEntry problem={checkedCode.problem} name={name} />;
  }
  const lookupUnknown = seating.problem?.code === "unknown-code" ? seating.problem.message : null;
  if (unknownCode ?? lookupUnknown) {
    return <CodeEntry problem={unknownCode ?? lookupUnknown ?? ""} name={name} />;
  }

  async function arrive(seat: StoredSeat, replacing?: StoredSeat) {
    const kept = await credentials().catch(() => null);
    if (!kept) {
      setSubmitting(false);
      setErrors({ form: "The page could not keep your seat. Check your connection and try again." });
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
      setErrors({ form: "The server could not be reached. Check your connection and try again." });
      return;
    }
    const next: Errors = {};
    const parsedName = checks.displayNameSchema.safeParse(name);
    if (!parsedName.success) next.name = parsedName.error.issues[0]?.message ?? "Check your name.";
    const chosen = parseSeatChoice(choice);
    if (choice !== anySeat && !chosen) next.seat = "Choose a seat, or let the workshop place you.";
    setErrors(next);
    if (next.name || next.seat || !parsedName.success) {
      if (next.name) document.getElementById(nameId)?.focus();
      else document.querySelector<HTMLInputElement>('input[name="seat"]:not(:disabled)')?.focus();
      return;
    }
    setSubmitting(true);
    const result = await joinWorkshop({
      code,
      name: parsedName.data,
      ...(chosen ? { table: chosen.table, role: chosen.role } : {}),
    });
    if (result.ok) {
      // A seat held before keeps its own entry (its table page still finds it); the code now
      // leads to the new one.
      const { rejoined: _rejoined, ...seat } = result.value;
      await arrive({ joinCode: code, name: parsedName.data, ...seat });
      return;
    }
    setSubmitting(false);
    if (result.code === "unknown-code") {
      setUnknownCode(result.message);
      return;
    }
    if (seatCodes.has(result.code)) {
      setErrors({ seat: result.message });
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
    setErrors({ form: result.message });
  }

  const allOver = overview !== null && overview.tables.length > 0 && overview.tables.every(isOver);
  const storedTable = stored ? overview?.tables.find((table) => table.number === stored.table) : undefined;
  const storedOver = storedTable !== undefined && isOver(storedTable);

  return (
    <>
      <p className="lede">
        {overview ? overview.scenario.title : "Looking up the workshop…"}
        <span className={styles.codeTag}>
          {" "}
          · join code <strong>{code}</strong>
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
          {overview ? "The seat list could not be refreshed: " : "The seats could not be loaded: "}
          {seating.problem.message}
        </p>
      ) : null}
      {seating.problem && !overview && seating.problem.code !== "unknown-code" ? (
        <button type="button" onClick={() => void seating.refresh()} disabled={seating.loading}>
          {seating.loading ? "Trying again…" : "Try again"}
        </button>
      ) : null}
      {overview && !allOver ? (
        <>
          <section aria-labelledby="join-heading" className="card">
            <h2 id="join-heading">{stored ? "Or join as someone new" : "Take a seat"}</h2>
            <form onSubmit={join} onFocus={prepareFormChecks} noValidate aria-labelledby="join-heading">
              <div className="field">
                <label htmlFor={nameId}>Display name</label>
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
                  {seating.readAt
                    ? `Seats as of ${new Date(seating.readAt).toLocaleTimeString()}; refreshed every few seconds.`
                    : ""}
                </span>{" "}
                <button
                  type="button"
                  className={styles.secondary}
                  onClick={() => void seating.refresh()}
                  disabled={seating.loading}
                >
                  {seating.loading ? "Refreshing…" : "Refresh seats"}
                </button>
              </p>
              <button
                type="submit"
                disabled={submitting}
                aria-describedby={errors.form ? formErrorId : undefined}
              >
                {submitting ? "Joining…" : "Join the table"}
              </button>
              <FieldError id={formErrorId} message={errors.form} />
            </form>
          </section>
          <section aria-labelledby="roles-heading" className="card">
            <h2 id="roles-heading">What each party says in public</h2>
            <RoleStances roles={overview.roles} />
          </section>
        </>
      ) : null}
    </>
  );
}
