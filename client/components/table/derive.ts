// What the table screen reads off a view beyond its fields: names, who last changed each issue,
// what changed between versions, and how an option would sit with the seat's own red lines (the
// shared engine's check, on the rules the seat's own view carries).
import { checkRedLines } from "@red-lines/shared/client";
import type { TableView } from "@red-lines/shared/protocol";

export type Issue = TableView["issues"][number];
export type Version = TableView["versions"][number];
export type Violation = NonNullable<TableView["me"]>["draft"]["violations"][number];
export type Source = Violation["sources"][number];

/** "Europe" rather than "Europe (EU with UK, France, Germany, Poland)". */
function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, "");
}

export function seatName(view: TableView, role: string): string {
  const seat = view.seats.find((s) => s.role === role);
  return seat ? shortName(seat.name) : role;
}

/** An option's label as people read it; null when the issue is open (no option chosen). */
export function optionLabel(view: TableView, issueId: string, optionId: string | undefined): string | null {
  if (optionId === undefined) return null;
  const issue = view.issues.find((i) => i.id === issueId);
  return issue?.options.find((o) => o.id === optionId)?.label ?? optionId;
}

export function currentVersion(view: TableView): Version | null {
  return view.versions.find((v) => v.number === view.currentVersion) ?? null;
}

export type LastChange = { seat: string; version: number | null };

/**
 * Who last changed an issue's option: the seat on turn when its untabled draft differs from the
 * text on the table (the draft starts each turn from the current version and only that seat may
 * edit it), otherwise whoever tabled the version where the option last changed. Null: never set.
 */
export function lastChanges(view: TableView): Record<string, LastChange | null> {
  const current = currentVersion(view);
  const result: Record<string, LastChange | null> = {};
  for (const issue of view.issues) {
    const onTable = current?.package[issue.id];
    if (view.turn && view.phase === "negotiating" && view.draft[issue.id] !== onTable) {
      result[issue.id] = { seat: view.turn.seat, version: null };
      continue;
    }
    let last: LastChange | null = null;
    let before: string | undefined;
    for (const version of view.versions) {
      const now = version.package[issue.id];
      if (now !== before)
        last = now === undefined ? null : { seat: version.tabledBy, version: version.number };
      before = now;
    }
    result[issue.id] = last;
  }
  return result;
}

export type Change = { issue: string; from: string | undefined; to: string | undefined };

/** The issues whose option differs between two packages, in the table's issue order. */
export function changesBetween(
  view: TableView,
  from: Record<string, string>,
  to: Record<string, string>,
): Change[] {
  return view.issues.flatMap((issue) =>
    from[issue.id] === to[issue.id] ? [] : [{ issue: issue.id, from: from[issue.id], to: to[issue.id] }],
  );
}

/** The previous version's package (empty before the first). */
export function previousPackage(view: TableView, number: number): Record<string, string> {
  return view.versions.find((v) => v.number === number - 1)?.package ?? {};
}

/**
 * The red lines of the seat's own that choosing `option` for `issue` would break, the rest of the
 * draft as it is: those broken with the option and not without it. Titles, as people read them.
 */
export function optionViolations(view: TableView, issueId: string, option: string | undefined): string[] {
  const me = view.me;
  if (!me) return [];
  const model = { issues: view.issues, redLines: { [me.role]: me.redLines } };
  const { [issueId]: _, ...rest } = view.draft;
  const without = new Set(checkRedLines(model, me.role, rest).map((v) => v.rule));
  if (option === undefined) return [];
  return checkRedLines(model, me.role, { ...rest, [issueId]: option })
    .filter((v) => !without.has(v.rule))
    .map((v) => v.title);
}

/** One of the seat's own red lines by id, as people read it; null when this view does not carry it. */
export function ownRedLineTitle(view: TableView, id: string): string | null {
  return view.me?.redLines.find((r) => r.id === id)?.title ?? null;
}

/** "4:05"; never negative. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
