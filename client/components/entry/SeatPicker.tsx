// Which seat to take: any free seat (the workshop balances the tables) or one chosen by table and
// role. Taken seats stay listed, disabled, with who sits there; a table whose talks are over
// offers no seats and says so.
import type { SeatingOverview } from "@red-lines/shared/protocol";
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

/** "table 1", "tables 1 and 3", "tables 1, 2 and 4". */
export function tableList(numbers: number[]): string {
  if (numbers.length === 1) return `table ${numbers[0]}`;
  return `tables ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
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
  const freeSeats = overview.tables
    .filter((table) => !isOver(table))
    .reduce((sum, table) => sum + table.seats.filter((seat) => !seat.taken).length, 0);
  const over = overview.tables.filter(isOver).map((table) => table.number);
  return (
    <fieldset className={styles.seatPicker} aria-describedby={error ? errorId : undefined}>
      <legend>Your seat</legend>
      <p className={styles.hint}>
        {freeSeats === 0
          ? "Every seat is taken right now."
          : `${freeSeats} ${freeSeats === 1 ? "seat is" : "seats are"} free.`}{" "}
        {over.length > 0
          ? `The talks at ${tableList(over)} are over, so ${over.length === 1 ? "it takes" : "they take"} nobody new. `
          : ""}
        <a href="#roles-heading">Read what each party says in public</a> before you choose.
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
        <span>Any free seat: place me where I am needed (the tables fill evenly)</span>
      </label>
      <div className={styles.tables}>
        {overview.tables.map((table) => {
          if (isOver(table)) {
            return (
              <div key={table.number} className={styles.table} data-over="true">
                <p className={styles.tableOver}>
                  <strong>Table {table.number}</strong> · the talks are over: no seats to take.
                </p>
              </div>
            );
          }
          const free = table.seats.filter((seat) => !seat.taken).length;
          return (
            <fieldset key={table.number} className={styles.table}>
              <legend>
                Table {table.number}{" "}
                <span className={styles.tableFree}>
                  · {free} of {table.seats.length} free
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
                          <span className="visually-hidden">, table {table.number}</span>
                          <span className={styles.seatState}>
                            {seat.taken ? ` — taken${seat.name ? ` by ${seat.name}` : ""}` : " — free"}
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
