// Which seat to take: any free seat (the workshop balances the tables) or one chosen by table and
// role. Taken seats stay listed, disabled, with who sits there.
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
  const freeSeats = overview.tables.reduce(
    (sum, table) => sum + table.seats.filter((seat) => !seat.taken).length,
    0,
  );
  return (
    <fieldset className={styles.seatPicker} aria-describedby={error ? errorId : undefined}>
      <legend>Your seat</legend>
      <p className={styles.hint}>
        {freeSeats === 0
          ? "Every seat is taken right now."
          : `${freeSeats} ${freeSeats === 1 ? "seat is" : "seats are"} free.`}{" "}
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
                          <span className={styles.visuallyHidden}>, table {table.number}</span>
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
