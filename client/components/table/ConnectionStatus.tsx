// The live connection's state, always on screen and read out when it changes.
import { type ConnectionStatus as Status, useConnectionText } from "../../lib/liveRoom.ts";
import styles from "./table.module.css";

const state: Record<Status, string> = {
  connecting: "connecting",
  open: "connected",
  reconnecting: "reconnecting",
  closed: "disconnected",
  failed: "disconnected",
};

const icon: Record<Status, string> = {
  connecting: "…",
  open: "●",
  reconnecting: "↻",
  closed: "○",
  failed: "✕",
};

export function ConnectionStatus({ status }: { status: Status }) {
  const connectionText = useConnectionText();
  return (
    <p className={`status ${styles.connection}`} data-state={state[status]} role="status">
      <span aria-hidden="true">{icon[status]}</span> {connectionText(status)}
    </p>
  );
}
