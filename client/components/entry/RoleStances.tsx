// The roles of the scenario with their flags and public stances: what every seat says openly.
import type { SeatingOverview } from "@red-lines/shared/protocol";
import styles from "./entry.module.css";
import { RoleFlag } from "./RoleFlag.tsx";

export function RoleStances({ roles }: { roles: SeatingOverview["roles"] }) {
  return (
    <ul className={styles.roles}>
      {roles.map((role) => (
        <li key={role.id} className={styles.role}>
          <h3 className={styles.roleName}>
            <RoleFlag role={role.id} name={role.name} size="large" />
            {role.name}
          </h3>
          <p>{role.publicStance}</p>
        </li>
      ))}
    </ul>
  );
}
