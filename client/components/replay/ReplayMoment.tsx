"use client";
// The table as one perspective saw it at one moment of the replay, with the table screen's own
// read-only parts: the turn (its clock as it stood then), the term sheet, the stances, the
// outcome, the version history, who sat where, the channels this perspective could read, and
// last (it is long on a phone) the brief or the seats' numbers. What the view holds is the server's decision (`viewFor`).
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useMemo } from "react";
import { Brief } from "../table/Brief.tsx";
import { Comms } from "../table/Comms.tsx";
import { Concluded } from "../table/Concluded.tsx";
import { channelsOf } from "../table/channels.ts";
import { Responses } from "../table/Responses.tsx";
import { Seats } from "../table/Seats.tsx";
import { TermSheet } from "../table/TermSheet.tsx";
import { TurnBar } from "../table/TurnBar.tsx";
import { VersionHistory } from "../table/VersionHistory.tsx";
import styles from "./Replay.module.css";

const noUnread: Record<string, number> = {};
const nobodyConnected: Record<string, boolean> = {};

type Props = {
  view: TableView;
  /** When the moment happened (the event's time): the turn clock shows the time left then. */
  at: number | null;
  channel: string;
  onChannel(key: string): void;
  busy: boolean;
  /** Shown in the side column under the talk panel. */
  aside?: ReactNode;
};

export function ReplayMoment({ view, at, channel, onChannel, busy, aside }: Props) {
  const t = useTranslations("replay.moment");
  const channels = useMemo(() => channelsOf(view), [view]);
  const seatsHeading = useId();
  const talking = view.phase === "negotiating" || view.phase === "concluded";
  return (
    <div className={styles.layout} aria-busy={busy} data-perspective={view.perspective}>
      <div className={styles.tableColumn}>
        {view.phase === "lobby" && (
          <section className="card" aria-labelledby="replay-lobby-heading">
            <h2 id="replay-lobby-heading">{t("lobbyHeading")}</h2>
            <p>{t("lobby")}</p>
          </section>
        )}
        {view.phase === "briefing" && (
          <section className="card" aria-labelledby="replay-briefing-heading">
            <h2 id="replay-briefing-heading">{t("briefingHeading")}</h2>
            <p>{t("briefing")}</p>
          </section>
        )}
        {view.phase === "negotiating" && <TurnBar view={view} at={at ?? undefined} />}
        {view.phase === "negotiating" && view.paused && <p className={styles.paused}>{t("paused")}</p>}
        {view.phase === "concluded" && <Concluded view={view} />}
        {talking && <TermSheet view={view} editable={false} />}
        {view.phase === "negotiating" && <Responses view={view} />}
        {talking && <VersionHistory view={view} />}
      </div>
      <div className={styles.sideColumn}>
        <section className="card" aria-labelledby={seatsHeading}>
          <h2 id={seatsHeading}>{t("seats")}</h2>
          <Seats view={view} connected={nobodyConnected} presence={false} />
        </section>
        <Comms view={view} channels={channels} active={channel} onSelect={onChannel} unread={noUnread} />
        {aside}
      </div>
      {view.phase !== "lobby" && (
        <div className={styles.briefRow}>
          <Brief view={view} />
        </div>
      )}
    </div>
  );
}
