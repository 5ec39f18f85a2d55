"use client";
// One table, live: connects as this browser's seat, as the instructor or as an observer, and
// shows the phase the table is in — the lobby, the briefing, the negotiation, or its outcome —
// with the connection's state and screen-reader announcements always present.
import { closeCodes, closeSentences } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import { forgetSeat } from "../../lib/credentials.ts";
import { useTable } from "../../lib/useTable.ts";
import { Announcer } from "./Announcer.tsx";
import { Brief } from "./Brief.tsx";
import { Comms } from "./Comms.tsx";
import { Concluded, debriefHref } from "./Concluded.tsx";
import { ConnectionStatus } from "./ConnectionStatus.tsx";
import { channelsOf } from "./channels.ts";
import { seatName } from "./derive.ts";
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

  const who = describeIdentity(identity, view ? (role: string) => seatName(view, role) : null);
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
  const chatPanel: Panel = { key: "chat", label: "Chat", badge: total, aside: true, content: comms };
  const notices = view ? <Notices view={view} state={noticeState} /> : null;

  return (
    <div className={styles.screen}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker}>
            Red Lines{view && ` · ${view.scenario.title}`}
            {table.tableNumber !== null && ` · Table ${table.tableNumber}`}
          </p>
          <h1 className={styles.title}>{title(view?.phase)}</h1>
          {who && <p className={styles.who}>{who}</p>}
        </div>
        {identity?.kind !== "visitor" && <ConnectionStatus status={table.status} />}
      </header>
      <Announcer announcements={announcements} />
      <main id="main" className={styles.main}>
        {revoked ? (
          <Revoked identity={identity} />
        ) : replaced ? (
          <Replaced />
        ) : table.outdated ? (
          <Outdated />
        ) : (
          table.problem && <ConnectionProblem problem={table.problem} identity={identity} />
        )}
        {identity?.kind === "visitor" ? (
          <NotLetIn />
        ) : !view ? (
          !table.problem && <p className={styles.waiting}>Connecting to the table…</p>
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
                label: "Brief",
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
                label: "Outcome",
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

function title(phase: string | undefined): string {
  switch (phase) {
    case "lobby":
      return "Waiting to start";
    case "briefing":
      return "Briefing";
    case "negotiating":
      return "At the table";
    case "concluded":
      return "The talks are over";
    default:
      return "Table";
  }
}

function describeIdentity(
  identity: Identity | undefined,
  name: ((role: string) => string) | null,
): string | null {
  if (!identity) return null;
  if (identity.kind === "seat") {
    // Before the first view there is no role name to show, and an id is not one: the name only.
    return name
      ? `You are ${name(identity.seat.role)} (${identity.seat.name})`
      : `You are ${identity.seat.name}`;
  }
  if (identity.kind === "instructor") return "You are watching as the facilitator: every channel is visible.";
  if (identity.kind === "visitor") return null;
  return "You are watching this table.";
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
  const mine = view.seats.find((s) => s.role === view.me?.role);
  return (
    <div className={styles.lobby}>
      <section className="card" aria-labelledby="lobby-heading">
        <h2 id="lobby-heading">Waiting for the facilitator to start</h2>
        <p>
          The talks begin with a briefing once the facilitator starts this table
          {view.seats.some((s) => !s.occupied) && " (every seat must be taken first)"}. This page moves on by
          itself.
        </p>
        {mine && (
          <>
            <p className={styles.label}>Your seat</p>
            <p className={styles.mySeat}>{mine.name}</p>
            <p className={styles.label}>Your public stance (everyone reads this)</p>
            <p>{mine.publicStance}</p>
          </>
        )}
        {identity?.kind === "observer" && <ObserverNote />}
      </section>
      <section className="card" aria-labelledby="seats-heading">
        <h2 id="seats-heading">Who sits where</h2>
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
  return (
    <section className={styles.intro} aria-label="About the briefing">
      <p>
        Read {view.me ? "your brief" : "the public stances"} before the talks begin: negotiations start when
        the facilitator says so, in the order {view.turnOrder.map((r) => seatName(view, r)).join(", ")}, with{" "}
        {view.rounds} rounds of {Math.round(view.turnSeconds / 60) || 1} minute
        {view.turnSeconds >= 120 ? "s" : ""} per turn.
      </p>
      {identity?.kind === "observer" && <ObserverNote />}
    </section>
  );
}

/** The same seat opened in another tab or on another device, which took it over. */
function Replaced() {
  return (
    <section className={styles.problem} role="alert" aria-labelledby="replaced-heading">
      <h2 id="replaced-heading">Your seat is open somewhere else</h2>
      <p>
        This seat was opened in another tab or on another device, and that one now holds it. Only one page can
        hold a seat at a time, so this one stopped. Close it, or take the seat back here.
      </p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Use the seat in this tab
        </button>
      </p>
    </section>
  );
}

/** The server was updated while this page was open: the page speaks an older protocol. */
function Outdated() {
  return (
    <section className={styles.problem} role="alert" aria-labelledby="outdated-heading">
      <h2 id="outdated-heading">Reload this page to go on</h2>
      <p>
        Red Lines was updated while this page was open, so this page can no longer talk to the table. Reload
        it to carry on; your seat is kept.
      </p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </p>
    </section>
  );
}

/** A browser with no seat, key or observer link: how to get in. */
function NotLetIn() {
  return (
    <section className={styles.problem} role="alert" aria-labelledby="not-let-in-heading">
      <h2 id="not-let-in-heading">This table is open to its players</h2>
      <p>
        To take a seat, join with the workshop code your instructor gave you. To watch without playing, ask
        your instructor for this table's observer link.
      </p>
      <p>
        <Link className="button" href="/">
          Join with a workshop code
        </Link>
      </p>
    </section>
  );
}

function ObserverNote() {
  return (
    <p>
      You are watching the public table. To take part, <Link href="/">join with the workshop code</Link>.
    </p>
  );
}

const rejoinHref = (joinCode: string) => `/join/${encodeURIComponent(joinCode)}`;

function Revoked({ identity }: { identity: Identity | undefined }) {
  return (
    <section className={styles.problem} role="alert" aria-labelledby="revoked-heading">
      <h2 id="revoked-heading">Your seat was released</h2>
      <p>
        The facilitator released this seat so that someone else can take it, and this browser's link to it no
        longer works. To play again, join with the workshop code
        {identity?.kind === "seat" && ` (${identity.seat.joinCode})`} and pick a free seat.
      </p>
      <p>
        <Link className="button" href={identity?.kind === "seat" ? rejoinHref(identity.seat.joinCode) : "/"}>
          Join with a code
        </Link>
      </p>
    </section>
  );
}

function ConnectionProblem({ problem, identity }: { problem: string; identity: Identity | undefined }) {
  return (
    <section className={styles.problem} role="alert" aria-label="Connection problem">
      <p>{problem}</p>
      {problem === closeSentences[closeCodes.workshopDeleted] ? (
        // Its join code went with it: there is nothing to join again.
        <p>
          <Link href="/">Back to the home page</Link>
        </p>
      ) : identity?.kind === "seat" ? (
        <p>
          If your seat link no longer works,{" "}
          <Link href={rejoinHref(identity.seat.joinCode)}>join again with the workshop code</Link> (
          {identity.seat.joinCode}).
        </p>
      ) : (
        <p>
          Reload the page to try again, or <Link href="/">join a table with a code</Link>.
        </p>
      )}
    </section>
  );
}
