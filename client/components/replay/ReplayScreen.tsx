"use client";
import type { TableView } from "@red-lines/shared/protocol";
// A session replayed move by move: the transport (scrubber, play/pause, speed, steps, jumps to
// versions and news, keys), the perspective to see it from (the facilitator sees everything, an
// observer the public table, a seat what that seat saw), and the table at that moment. The
// address follows the moment (`?at=<seq>&as=<perspective>`), so a link opens where it was made.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useId, useMemo, useState } from "react";
import { Moments } from "./Moments.tsx";
import { nearest, perspectiveName } from "./moments.ts";
import styles from "./Replay.module.css";
import { ReplayControls, type Speed } from "./ReplayControls.tsx";
import { ReplayMoment } from "./ReplayMoment.tsx";
import { useReplay } from "./useReplay.ts";
import {
  allowedPerspectives,
  defaultPerspective,
  type ReplayAccess,
  useReplayAccess,
} from "./useReplayAccess.ts";
import { useReplayKeys } from "./useReplayKeys.ts";

type Props = {
  tableId: string;
  workshopId: string | null;
  initialAt: number | null;
  initialPerspective: string | null;
};

const addressDelayMs = 300;

function mayUse(access: ReplayAccess, perspective: string): boolean {
  return access.kind === "instructor" || perspective === access.seat.role || perspective === "observer";
}

export function ReplayScreen({ tableId, workshopId, initialAt, initialPerspective }: Props) {
  const t = useTranslations("replay");
  const access = useReplayAccess(tableId, workshopId);
  const [chosen, setChosen] = useState<string | null>(null);
  const perspective = access
    ? (chosen ??
      (initialPerspective && mayUse(access, initialPerspective)
        ? initialPerspective
        : defaultPerspective(access)))
    : null;
  const data = useReplay(tableId, access?.credential ?? null, perspective, initialAt);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [channel, setChannel] = useState("public");
  const events = useMemo(() => data.timeline?.events ?? [], [data.timeline]);
  const { index, goTo, prefetch, loading, live } = data;
  const view = data.shown?.view ?? null;

  const goIndex = (target: number) => {
    const entry = events[Math.min(events.length - 1, Math.max(0, target))];
    if (entry) goTo(entry.seq);
  };
  const atEnd = index === events.length - 1;
  const toggle = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (atEnd && !live) goIndex(0);
    setPlaying(true);
  };
  const version = (direction: -1 | 1) => {
    const target = nearest(events, index, "version-tabled", direction);
    if (target) goTo(target.seq);
  };

  useReplayKeys(
    {
      toggle,
      step: (by) => goIndex(index + by),
      version,
      first: () => goIndex(0),
      last: () => goIndex(events.length - 1),
    },
    events.length > 0,
  );

  // Playing: one step per beat once the moment on screen has arrived; at the end, stop, unless
  // the table is still in play and new moves may come.
  useEffect(() => {
    if (!playing || loading || events.length === 0) return;
    const next = events[index + 1];
    if (!next) {
      if (!live) setPlaying(false);
      return;
    }
    const timer = setTimeout(() => goTo(next.seq), 1000 / speed);
    return () => clearTimeout(timer);
  }, [playing, loading, events, index, speed, live, goTo]);

  // The moments a step or play will ask for next, fetched ahead.
  useEffect(() => {
    if (index < 0) return;
    const ahead = events.slice(index + 1, index + (playing ? 1 + Math.max(2, speed) : 2));
    for (const entry of [...ahead, ...(playing ? [] : events.slice(Math.max(0, index - 1), index))]) {
      prefetch(entry.seq);
    }
  }, [events, index, playing, speed, prefetch]);

  // The address follows the moment, without a history entry per step.
  useEffect(() => {
    if (data.seq === null || perspective === null) return;
    const seq = data.seq;
    const timer = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set("at", String(seq));
      url.searchParams.set("as", perspective);
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
    }, addressDelayMs);
    return () => clearTimeout(timer);
  }, [data.seq, perspective]);

  if (access === undefined) {
    return (
      <Frame title={null} tableId={tableId} access={null}>
        <p className={styles.waiting}>{t("screen.opening")}</p>
      </Frame>
    );
  }
  if (access === null) {
    return (
      <Frame title={null} tableId={tableId} access={null}>
        <NoAccess workshopId={workshopId} />
      </Frame>
    );
  }

  const roles = view?.seats.map((s) => s.role) ?? [];
  const options = allowedPerspectives(access, roles);
  if (perspective && !options.includes(perspective)) options.push(perspective);
  const linkRefused =
    chosen === null && initialPerspective !== null && !mayUse(access, initialPerspective)
      ? initialPerspective
      : null;
  const entry = events[index];
  const perspectiveWords = { instructor: t("perspective.instructor"), observer: t("perspective.observer") };

  return (
    <Frame title={view?.scenario.title ?? null} tableId={tableId} access={access}>
      <div className={styles.bar}>
        <PerspectivePicker
          access={access}
          options={options}
          value={perspective ?? ""}
          view={view}
          onChange={(next) => setChosen(next)}
        />
      </div>
      {linkRefused && (
        <p className={styles.note} role="note">
          {t("screen.linkRefused", { perspective: perspectiveName(linkRefused, view, perspectiveWords) })}
        </p>
      )}
      {data.problem && (
        <section className={styles.problem} role="alert" aria-label={t("screen.problem")}>
          <p>{data.problem}</p>
          {access.kind === "seat" && <p>{t("screen.seatProblem")}</p>}
        </section>
      )}
      {data.timeline && (
        <ReplayControls
          events={events}
          index={index}
          length={data.timeline.length}
          playing={playing}
          live={live}
          loading={loading}
          speed={speed}
          onToggle={toggle}
          onSpeed={setSpeed}
          onIndex={goIndex}
          onGoTo={goTo}
          jumps={{
            back: { label: t("screen.back"), target: events[index - 1] ?? null, keys: "ArrowLeft" },
            forward: { label: t("screen.forward"), target: events[index + 1] ?? null, keys: "ArrowRight" },
            previousVersion: {
              label: t("screen.previousVersion"),
              target: nearest(events, index, "version-tabled", -1),
              keys: "Shift+ArrowLeft",
            },
            nextVersion: {
              label: t("screen.nextVersion"),
              target: nearest(events, index, "version-tabled", 1),
              keys: "Shift+ArrowRight",
            },
            previousNews: {
              label: t("screen.previousNews"),
              target: nearest(events, index, "event-injected", -1),
            },
            nextNews: { label: t("screen.nextNews"), target: nearest(events, index, "event-injected", 1) },
          }}
        />
      )}
      {view ? (
        <ReplayMoment
          view={view}
          at={data.shown?.event?.at ?? entry?.at ?? null}
          channel={channel}
          onChannel={setChannel}
          busy={loading}
          aside={<Moments events={events} seq={data.seq} onGoTo={goTo} />}
        />
      ) : (
        !data.problem && <p className={styles.waiting}>{t("screen.loading")}</p>
      )}
    </Frame>
  );
}

function Frame({
  title,
  tableId,
  access,
  children,
}: {
  title: string | null;
  tableId: string;
  access: ReplayAccess | null;
  children: ReactNode;
}) {
  const t = useTranslations("replay.frame");
  const debrief = `/debrief/${tableId}${access?.kind === "instructor" ? `?workshop=${access.workshopId}` : ""}`;
  return (
    <div className={styles.screen}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker}>
            {t("kicker")}
            {title && ` · ${title}`}
          </p>
          <h1 className={styles.title}>{t("title")}</h1>
        </div>
        {access && (
          <nav aria-label={t("nav")} className={styles.links}>
            <Link href={debrief}>{t("debrief")}</Link>
            {access.kind === "instructor" ? (
              <Link href={`/instructor/${access.workshopId}`}>{t("console")}</Link>
            ) : (
              <Link href={`/table/${tableId}`}>{t("liveTable")}</Link>
            )}
          </nav>
        )}
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
    </div>
  );
}

function PerspectivePicker({
  access,
  options,
  value,
  view,
  onChange,
}: {
  access: ReplayAccess;
  options: string[];
  value: string;
  view: TableView | null;
  onChange(perspective: string): void;
}) {
  const t = useTranslations("replay.perspective");
  const id = useId();
  const hintId = useId();
  const seat = value !== "instructor" && value !== "observer";
  const words = { instructor: t("instructor"), observer: t("observer") };
  return (
    <div className={styles.perspective}>
      <label htmlFor={id}>{t("label")}</label>
      <select
        id={id}
        className={styles.select}
        value={value}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((p) => (
          <option key={p} value={p}>
            {perspectiveName(p, view, words)}
          </option>
        ))}
      </select>
      <p id={hintId} className={styles.hint}>
        {seat
          ? t("hintSeat", { name: perspectiveName(value, view, words) })
          : value === "instructor"
            ? t("hintInstructor")
            : t("hintObserver")}
        {access.kind === "seat" && ` ${t("seatMay")}`}
      </p>
    </div>
  );
}

function NoAccess({ workshopId }: { workshopId: string | null }) {
  const t = useTranslations("replay.noAccess");
  return (
    <section className="card" aria-labelledby="no-access-heading">
      <h2 id="no-access-heading">{t("heading")}</h2>
      <p>{workshopId ? t("noKey") : t("noSeat")}</p>
      <p>{t.rich("help", { code: (chunks) => <code>{chunks}</code> })}</p>
      <p>
        <Link href="/">{t("start")}</Link>
      </p>
    </section>
  );
}
