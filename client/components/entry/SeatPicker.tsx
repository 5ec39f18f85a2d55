// Which seat to take: any free seat (the workshop balances the tables) or one chosen by table and
// role. Taken seats stay listed, disabled, with who sits there; a table whose talks are over
// offers no seats and says so.
import type { SeatingOverview } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { usePersonName } from "../../lib/personName.ts";
import styles from "./entry.module.css";
import { FieldError } from "./FieldError.tsx";
import { RoleFlag } from "./RoleFlag.tsx";

/** "auto", or "<table>:<role>". */
export type SeatChoice = string;
export const anySeat = "auto";

export function seatValue(table: number, role: string): SeatChoice {
  return `${table}:${role}`;
}

export function parseSeatChoice(choice: SeatChoice): { table: number; role: string } | null {
  const match = /^(\d+):(.+)$/.exec(choice);
  return match?.[1] && match[2] ? { table: Number(match[1]), role: match[2] } : null;
}

export function roleName(overview: SeatingOverview | null, role: string): string {
  return overview?.roles.find((candidate) => candidate.id === role)?.name ?? role;
}

/** The talks at this table are over: it takes nobody new. */
export function isOver(table: SeatingOverview["tables"][number]): boolean {
  return table.progress === "over";
}

export function SeatPicker({
  overview,
  choice,
  onChoose,
  error,
  errorId,
}: {
  overview: SeatingOverview;
  choice: SeatChoice;
  onChoose: (choice: SeatChoice) => void;
  error: string | null;
  errorId: string;
}) {
  const t = useTranslations("entry.seatPicker");
  const personName = usePersonName();
  const freeSeats = overview.tables
    .filter((table) => !isOver(table))
    .reduce((sum, table) => sum + table.seats.filter((seat) => !seat.taken).length, 0);
  const over = overview.tables.filter(isOver).map((table) => table.number);
  return (
    <fieldset className={styles.seatPicker} aria-describedby={error ? errorId : undefined}>
      <legend>{t("legend")}</legend>
      <p className={styles.hint}>
        {t("free", { count: freeSeats })}{" "}
        {over.length === 1 ? `${t("overOne", { table: over[0] ?? 0 })} ` : ""}
        {over.length > 1
          ? // "tables 1 and 3", "tables 1, 2 and 4": the last after "and", the others by commas.
            `${t("overMany", { tables: over.slice(0, -1).join(", "), last: over.at(-1) ?? 0 })} `
          : ""}
        {t.rich("readStances", { link: (chunks) => <a href="#roles-heading">{chunks}</a> })}
      </p>
      <label className={styles.option} data-kind="any">
        <input
          type="radio"
          name="seat"
          value={anySeat}
          checked={choice === anySeat}
          onChange={() => onChoose(anySeat)}
          disabled={freeSeats === 0}
        />
        <span>{t("anySeat")}</span>
      </label>
      <div className={styles.tables}>
        {overview.tables.map((table) => {
          if (isOver(table)) {
            return (
              <div key={table.number} className={styles.table} data-over="true">
                <p className={styles.tableOver}>
                  {t.rich("tableOver", {
                    table: table.number,
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </p>
              </div>
            );
          }
          const free = table.seats.filter((seat) => !seat.taken).length;
          return (
            <fieldset key={table.number} className={styles.table}>
              <legend>
                {t("table", { table: table.number })}{" "}
                <span className={styles.tableFree}>
                  {t("tableFree", { free, seats: table.seats.length })}
                </span>
              </legend>
              <ul className={styles.seatList}>
                {table.seats.map((seat) => {
                  const value = seatValue(table.number, seat.role);
                  const name = roleName(overview, seat.role);
                  return (
                    <li key={seat.role}>
                      <label className={styles.option} data-taken={seat.taken ? "true" : undefined}>
                        <input
                          type="radio"
                          name="seat"
                          value={value}
                          checked={choice === value}
                          onChange={() => onChoose(value)}
                          disabled={seat.taken}
                        />
                        <RoleFlag role={seat.role} name={name} />
                        <span>
                          {name}
                          <span className="visually-hidden">{t("atTable", { table: table.number })}</span>
                          <span className={styles.seatState}>
                            {seat.taken
                              ? seat.name
                                ? t("takenBy", { name: personName(seat.name) })
                                : t("taken")
                              : t("isFree")}
                          </span>
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
