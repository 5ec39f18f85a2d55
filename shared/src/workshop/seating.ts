// Where a student who joins a workshop sits: their choice where it is free, otherwise the table
// with the fewest people (so a class spreads evenly and bots fill the gaps), in turn order.
import type { HttpErrorBody } from "../protocol/serverErrors.ts";
import { listWords } from "../words.ts";

export type TableSeats = { number: number; taken: readonly string[] };
export type SeatChoice = { table?: number | undefined; role?: string | undefined };
export type Seating =
  | { ok: true; table: number; role: string }
  | ({ ok: false } & Extract<
      HttpErrorBody,
      { code: "seat-taken" | "no-such-table" | "no-such-role" | "workshop-full" }
    >);

export function chooseSeat(
  tables: readonly TableSeats[],
  roles: readonly { id: string; name: string }[],
  choice: SeatChoice = {},
): Seating {
  const roleName = (id: string) => roles.find((role) => role.id === id)?.name ?? id;
  if (choice.role !== undefined && !roles.some((role) => role.id === choice.role)) {
    return {
      ok: false,
      code: "no-such-role",
      values: { role: choice.role, roles: roles.map((role) => role.name) },
      message: `There is no seat "${choice.role}". The seats are ${listWords(roles.map((role) => role.name))}.`,
    };
  }
  if (choice.table !== undefined && !tables.some((table) => table.number === choice.table)) {
    return {
      ok: false,
      code: "no-such-table",
      reason: "number",
      values: { table: choice.table, tables: tables.length },
      message: `There is no table ${choice.table}; this workshop has tables 1 to ${tables.length}.`,
    };
  }
  const candidates = tables
    .filter((table) => choice.table === undefined || table.number === choice.table)
    .map((table) => ({
      table,
      free: roles
        .map((role) => role.id)
        .filter((id) => !table.taken.includes(id) && (choice.role ?? id) === id),
    }))
    .filter((candidate) => candidate.free.length > 0)
    .sort((a, b) => a.table.taken.length - b.table.taken.length || a.table.number - b.table.number);
  const best = candidates[0];
  const role = best?.free[0];
  if (best && role !== undefined) return { ok: true, table: best.table.number, role };
  if (choice.table !== undefined && choice.role !== undefined) {
    return {
      ok: false,
      code: "seat-taken",
      reason: "seat",
      values: { role: roleName(choice.role), table: choice.table },
      message: `${roleName(choice.role)} at table ${choice.table} is taken. Choose another seat, or let the workshop place you.`,
    };
  }
  if (choice.table !== undefined) {
    return {
      ok: false,
      code: "seat-taken",
      reason: "table",
      values: { table: choice.table },
      message: `Table ${choice.table} is full. Choose another table.`,
    };
  }
  if (choice.role !== undefined) {
    return {
      ok: false,
      code: "seat-taken",
      reason: "role",
      values: { role: roleName(choice.role) },
      message: `Every ${roleName(choice.role)} seat is taken. Choose another role, or let the workshop place you.`,
    };
  }
  return {
    ok: false,
    code: "workshop-full",
    message: "Every seat in this workshop is taken. Ask your instructor.",
  };
}
