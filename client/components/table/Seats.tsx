// Who sits where: each seat's flag, name, occupant and whether they are connected right now.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { usePersonName } from "../../lib/personName.ts";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import styles from "./table.module.css";

export function Seats({
  view,
  connected,
  label,
  presence = true,
}: {
  view: TableView;
  connected: Record<string, boolean>;
  label?: string;
  /** Whether to say who is connected; false where that is not known (a replay). */
  presence?: boolean;
}) {
  const t = useTranslations("table");
  const personName = usePersonName();
  return (
    <ul className={styles.seats} aria-label={label ?? t("seats.label")}>
      {view.seats.map((seat) => {
        const online = connected[seat.role] === true || seat.bot;
        return (
          <li key={seat.role} className={styles.seat}>
            <RoleFlag role={seat.role} name={seat.name} size="large" />
            <span className={styles.seatText}>
              <strong>{seat.name}</strong>
              {seat.role === view.me?.role && ` ${t("you")}`}
              <span>
                {seat.occupied ? (personName(seat.occupant) ?? t("seats.taken")) : t("seats.free")}
                {seat.occupied && presence && (
                  <span className={styles.presence} data-online={online}>
                    <span aria-hidden="true">{online ? " ● " : " ○ "}</span>
                    <span>{seat.bot ? t("seats.bot") : online ? t("seats.online") : t("seats.offline")}</span>
                  </span>
                )}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
