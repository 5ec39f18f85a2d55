"use client";
// The negotiation: the turn bar, then the table (turn order, term sheet, draft check and moves,
// stances, history, walk-out), the talk panel, and the brief.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import { RoleFlag } from "../entry/RoleFlag.tsx";
import { Brief } from "./Brief.tsx";
import { DraftActions } from "./DraftActions.tsx";
import { seatName } from "./derive.ts";
import { type Panel, Panels } from "./Panels.tsx";
import { Responses } from "./Responses.tsx";
import { TermSheet } from "./TermSheet.tsx";
import { TurnBar } from "./TurnBar.tsx";
import styles from "./table.module.css";
import { VersionHistory } from "./VersionHistory.tsx";
import { WalkOut } from "./WalkOut.tsx";

type Props = {
  view: TableView;
  act(command: { type: string } & Record<string, unknown>): Promise<CommandReply>;
  tab: string;
  onTab(key: string): void;
  wide: boolean;
  chat: Panel;
  /** Broadcasts, news and the turn's notices, pinned under the turn bar. */
  notices?: ReactNode;
};

export function Negotiation({ view, act, tab, onTab, wide, chat, notices }: Props) {
  const t = useTranslations("table");
  const me = view.me;
  const myTurn = me !== null && view.turn?.seat === me.role && !view.paused;
  const table = (
    <>
      <TurnOrder view={view} />
      {view.paused && <p className={styles.pausedNote}>{t("negotiation.paused")}</p>}
      <TermSheet view={view} editable={myTurn} act={act} />
      {me && <DraftActions view={view} myTurn={myTurn} act={act} />}
      <Responses view={view} act={act} />
      <VersionHistory view={view} />
      {me && <WalkOut view={view} act={act} />}
    </>
  );
  return (
    <Panels
      tab={tab}
      onTab={onTab}
      wide={wide}
      top={<TurnBar view={view} />}
      notices={notices}
      panels={[
        { key: "table", label: t("tabs.table"), content: table },
        chat,
        {
          key: "brief",
          label: me ? t("tabs.brief") : view.instructor ? t("tabs.seats") : t("tabs.stances"),
          content: <Brief view={view} />,
        },
      ]}
    />
  );
}

function TurnOrder({ view }: { view: TableView }) {
  const t = useTranslations("table");
  return (
    <section className={styles.turnOrder} aria-label={t("negotiation.turnOrder")}>
      <span className={styles.label}>{t("negotiation.turnOrder")}</span>
      <ol>
        {view.turnOrder.map((role) => {
          const now = view.turn?.seat === role;
          return (
            <li key={role} data-now={now} aria-current={now ? "step" : undefined}>
              <RoleFlag role={role} name={seatName(view, role)} /> {seatName(view, role)}
              {role === view.me?.role && ` ${t("you")}`}
              {now && <strong> {t("negotiation.now")}</strong>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
