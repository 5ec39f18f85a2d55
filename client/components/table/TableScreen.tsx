"use client";
// One table, live: connects as this browser's seat, as the instructor or as an observer, and
// shows the phase the table is in — the lobby, the briefing, the negotiation, or its outcome —
// with the connection's state and screen-reader announcements always present.
import { closeCodes } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useMemo, useRef } from "react";
import { forgetSeat } from "../../lib/credentials.ts";
import { useTable } from "../../lib/useTable.ts";
import { Announcer } from "./Announcer.tsx";
import { Brief } from "./Brief.tsx";
import { Comms } from "./Comms.tsx";
import { Concluded, debriefHref } from "./Concluded.tsx";
import { ConnectionStatus } from "./ConnectionStatus.tsx";
import { channelsOf } from "./channels.ts";
import { seatName } from "./derive.ts";
import { type TableT, useTableFormat } from "./format.ts";
import { Negotiation } from "./Negotiation.tsx";
import { Notices, useNoticeState } from "./Notices.tsx";
import { type Panel, Panels } from "./Panels.tsx";
import { Seats } from "./Seats.tsx";
import styles from "./table.module.css";
import { useAnnouncements } from "./useAnnouncements.ts";
import { type Identity, joinOptions, useIdentity } from "./useIdentity.ts";
import { useSessionState } from "./useSessionState.ts";
import { useUnread } from "./useUnread.ts";
import { useWide } from "./useWide.ts";
import { VersionHistory } from "./VersionHistory.tsx";

type Props = { tableId: string; workshopId: string | null; watchToken: string | null };

export function TableScreen({ tableId, workshopId, watchToken }: Props) {
  const t = useTranslations("table");
  const brand = useTranslations("app")("title");
  const identity = useIdentity(tableId, workshopId, watchToken);
  const options = useMemo(() => joinOptions(tableId, identity), [tableId, identity]);
  const table = useTable(options);
  const { view } = table;
  const wide = useWide();
  const perspective = view?.perspective ?? identity?.kind ?? "observer";
  const storage = (name: string) => (view ? `red-lines:${name}:${tableId}:${perspective}` : null);
  const [tab, setTab] = useSessionState<string>(storage("tab"), "table");
  const [channelKey, setChannelKey] = useSessionState<string>(storage("channel"), "public");
  const channels = useMemo(() => (view ? channelsOf(view) : []), [view]);
  const chatOnScreen = wide || tab === "chat";
  const { unread, total } = useUnread(
    storage("read"),
    channels,
    view?.me?.role ?? null,
    chatOnScreen ? channelKey : null,
  );
  const announcements = useAnnouncements(view);
  const noticeState = useNoticeState(view, storage("notices-dismissed"));
  const revoked = table.notice?.code === "seat-revoked";
  const replaced = table.notice?.code === "seat-replaced" && table.status === "closed";

  useEffect(() => {
    if (revoked && identity?.kind === "seat") forgetSeat(identity.seat);
  }, [revoked, identity]);

  // The talks just ended: the outcome is what matters now, wherever the page was scrolled.
  const phase = view?.phase;
  const seenPhase = useRef(phase);
  useEffect(() => {
    const before = seenPhase.current;
    seenPhase.current = phase;
    if (phase !== "concluded" || before === undefined || before === "concluded") return;
    window.scrollTo({ top: 0 });
    document.getElementById("outcome-heading")?.focus({ preventScroll: true });
  }, [phase]);

  const who = describeIdentity(t, identity, view ? (role: string) => seatName(view, role) : null);
  const comms = view ? (
    <Comms
      view={view}
      channels={channels}
      active={channelKey}
      onSelect={(key) => setChannelKey(() => key)}
      unread={unread}
      act={table.act}
    />
  ) : null;
  const chatPanel: Panel = { key: "chat", label: t("tabs.chat"), badge: total, aside: true, content: comms };
  const notices = view ? <Notices view={view} state={noticeState} /> : null;

  return (
    <div className={styles.screen}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker}>
            {brand}
            {view && ` · ${view.scenario.title}`}
            {table.tableNumber !== null && ` · ${t("screen.tableNumber", { table: table.tableNumber })}`}
          </p>
          <h1 className={styles.title}>{title(t, view?.phase)}</h1>
          {who && <p className={styles.who}>{who}</p>}
        </div>
        {identity?.kind !== "visitor" && <ConnectionStatus status={table.status} />}
      </header>
      <Announcer announcements={announcements} view={view} />
      <main id="main" className={styles.main}>
        {revoked ? (
          <Revoked identity={identity} />
        ) : replaced ? (
          <Replaced />
        ) : table.outdated ? (
          <Outdated />
        ) : (
          table.problem && (
            <ConnectionProblem
              problem={table.problem}
              deleted={table.closeCode === closeCodes.workshopDeleted}
              identity={identity}
            />
          )
        )}
        {identity?.kind === "visitor" ? (
          <NotLetIn />
        ) : !view ? (
          !table.problem && <p className={styles.waiting}>{t("screen.connecting")}</p>
        ) : view.phase === "lobby" ? (
          <>
            <div className={styles.sticky}>{notices}</div>
            <Lobby view={view} connected={table.connected} identity={identity} />
          </>
        ) : view.phase === "briefing" ? (
          <Panels
            tab={tab}
            onTab={(key) => setTab(() => key)}
            wide={wide}
            notices={notices}
            panels={[
              {
                key: "table",
                label: t("tabs.brief"),
                content: (
                  <>
                    <BriefingIntro view={view} identity={identity} />
                    <Brief view={view} />
                  </>
                ),
              },
              chatPanel,
            ]}
          />
        ) : view.phase === "negotiating" ? (
          <Negotiation
            view={view}
            act={table.act}
            tab={tab}
            onTab={(key) => setTab(() => key)}
            wide={wide}
            chat={chatPanel}
            notices={notices}
          />
        ) : (
          <Panels
            tab={tab}
            onTab={(key) => setTab(() => key)}
            wide={wide}
            notices={notices}
            panels={[
              {
                key: "table",
                label: t("tabs.outcome"),
                content: (
                  <>
                    <Concluded view={view} debrief={debriefHref(tableId, identity)} />
                    <VersionHistory view={view} />
                  </>
                ),
              },
              chatPanel,
            ]}
          />
        )}
      </main>
    </div>
  );
}

function title(t: TableT, phase: string | undefined): string {
  switch (phase) {
    case "lobby":
      return t("screen.title.lobby");
    case "briefing":
      return t("screen.title.briefing");
    case "negotiating":
      return t("screen.title.negotiating");
    case "concluded":
      return t("screen.title.concluded");
    default:
      return t("screen.title.other");
  }
}

function describeIdentity(
  t: TableT,
  identity: Identity | undefined,
  name: ((role: string) => string) | null,
): string | null {
  if (!identity) return null;
  if (identity.kind === "seat") {
    // Before the first view there is no role name to show, and an id is not one: the name only.
    return name
      ? t("screen.who.seat", { seat: name(identity.seat.role), name: identity.seat.name })
      : t("screen.who.name", { name: identity.seat.name });
  }
  if (identity.kind === "instructor") return t("screen.who.instructor");
  if (identity.kind === "visitor") return null;
  return t("screen.who.observer");
}

function Lobby({
  view,
  connected,
  identity,
}: {
  view: NonNullable<ReturnType<typeof useTable>["view"]>;
  connected: Record<string, boolean>;
  identity: Identity | undefined;
}) {
  const t = useTranslations("table");
  const mine = view.seats.find((s) => s.role === view.me?.role);
  return (
    <div className={styles.lobby}>
      <section className="card" aria-labelledby="lobby-heading">
        <h2 id="lobby-heading">{t("lobby.heading")}</h2>
        <p>{t("lobby.text", { seatsFree: view.seats.some((s) => !s.occupied) ? "yes" : "no" })}</p>
        {mine && (
          <>
            <p className={styles.label}>{t("lobby.yourSeat")}</p>
            <p className={styles.mySeat}>{mine.name}</p>
            <p className={styles.label}>{t("brief.yourStance")}</p>
            <p>{mine.publicStance}</p>
          </>
        )}
        {identity?.kind === "observer" && <ObserverNote />}
      </section>
      <section className="card" aria-labelledby="seats-heading">
        <h2 id="seats-heading">{t("lobby.seatsHeading")}</h2>
        <Seats view={view} connected={connected} />
      </section>
    </div>
  );
}

function BriefingIntro({
  view,
  identity,
}: {
  view: NonNullable<ReturnType<typeof useTable>["view"]>;
  identity: Identity | undefined;
}) {
  const t = useTranslations("table");
  const { names } = useTableFormat();
  return (
    <section className={styles.intro} aria-label={t("briefing.label")}>
      <p>
        {t("briefing.text", {
          reader: view.me ? "seat" : "other",
          order: names(view.turnOrder.map((r) => seatName(view, r))),
          rounds: view.rounds,
          minutes: Math.round(view.turnSeconds / 60) || 1,
        })}
      </p>
      {identity?.kind === "observer" && <ObserverNote />}
    </section>
  );
}

/** The same seat opened in another tab or on another device, which took it over. */
function Replaced() {
  const t = useTranslations("table.replaced");
  return (
    <section className={styles.problem} role="alert" aria-labelledby="replaced-heading">
      <h2 id="replaced-heading">{t("heading")}</h2>
      <p>{t("text")}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t("button")}
        </button>
      </p>
    </section>
  );
}

/** The server was updated while this page was open: the page speaks an older protocol. */
function Outdated() {
  const t = useTranslations("table.outdated");
  return (
    <section className={styles.problem} role="alert" aria-labelledby="outdated-heading">
      <h2 id="outdated-heading">{t("heading")}</h2>
      <p>{t("text")}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t("button")}
        </button>
      </p>
    </section>
  );
}

/** A browser with no seat, key or observer link: how to get in. */
function NotLetIn() {
  const t = useTranslations("table.notLetIn");
  return (
    <section className={styles.problem} role="alert" aria-labelledby="not-let-in-heading">
      <h2 id="not-let-in-heading">{t("heading")}</h2>
      <p>{t("text")}</p>
      <p>
        <Link className="button" href="/">
          {t("button")}
        </Link>
      </p>
    </section>
  );
}

function ObserverNote() {
  const t = useTranslations("table");
  return <p>{t.rich("screen.observerNote", { link: (text: ReactNode) => <Link href="/">{text}</Link> })}</p>;
}

const rejoinHref = (joinCode: string) => `/join/${encodeURIComponent(joinCode)}`;

function Revoked({ identity }: { identity: Identity | undefined }) {
  const t = useTranslations("table.revoked");
  const code = identity?.kind === "seat" ? identity.seat.joinCode : null;
  return (
    <section className={styles.problem} role="alert" aria-labelledby="revoked-heading">
      <h2 id="revoked-heading">{t("heading")}</h2>
      <p>{t("text", { hasCode: code === null ? "no" : "yes", code: code ?? "" })}</p>
      <p>
        <Link className="button" href={code === null ? "/" : rejoinHref(code)}>
          {t("button")}
        </Link>
      </p>
    </section>
  );
}

function ConnectionProblem({
  problem,
  deleted,
  identity,
}: {
  problem: string;
  /** The workshop was deleted: its join code went with it. */
  deleted: boolean;
  identity: Identity | undefined;
}) {
  const t = useTranslations("table.connectionProblem");
  return (
    <section className={styles.problem} role="alert" aria-label={t("label")}>
      <p>{problem}</p>
      {deleted ? (
        // Its join code went with it: there is nothing to join again.
        <p>
          <Link href="/">{t("home")}</Link>
        </p>
      ) : identity?.kind === "seat" ? (
        <p>
          {t.rich("seat", {
            code: identity.seat.joinCode,
            link: (text: ReactNode) => <Link href={rejoinHref(identity.seat.joinCode)}>{text}</Link>,
          })}
        </p>
      ) : (
        <p>{t.rich("other", { link: (text: ReactNode) => <Link href="/">{text}</Link> })}</p>
      )}
    </section>
  );
}
