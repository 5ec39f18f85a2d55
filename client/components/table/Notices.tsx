"use client";
// What nobody at the table may miss, pinned under the turn bar wherever the page is scrolled, on
// a phone as on a projector: the facilitator's broadcasts and the news (kept until dismissed), and
// for a while the seat's turn, its clock running low, a turn that ran out or was skipped, a
// walk-out and the end of the talks. Screen readers hear the same through the Announcer.
import type { TableView } from "@red-lines/shared/protocol";
import { useEffect, useRef, useState } from "react";
import { Citations } from "./Citation.tsx";
import { lowClockMs, type Passing, passingNotices } from "./notices.ts";
import styles from "./table.module.css";
import { useNow } from "./useNow.ts";
import { useSessionState } from "./useSessionState.ts";

export type NoticeState = {
  dismissed: readonly string[];
  passing: readonly Passing[];
  dismiss(key: string): void;
};

/**
 * The notices' memory, kept by the screen (not by the notices themselves, which move from the
 * negotiation's panels to the outcome's when the talks end): what passed by and what was dismissed.
 */
export function useNoticeState(view: TableView | null, storageKey: string | null): NoticeState {
  const [dismissed, setDismissed] = useSessionState<string[]>(storageKey, []);
  const [passing, setPassing] = useState<Passing[]>([]);
  const previous = useRef<TableView | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = view;
    if (!before || !view) return;
    const found = passingNotices(before, view, Date.now());
    if (found.length > 0) {
      setPassing((list) => [...list.filter((p) => !found.some((f) => f.key === p.key)), ...found]);
    }
  }, [view]);

  const dismiss = (key: string) => {
    setDismissed((list) => [...list.slice(-50), key]);
    setPassing((list) => list.filter((p) => p.key !== key));
  };
  return { dismissed, passing, dismiss };
}

export function Notices({ view, state }: { view: TableView; state: NoticeState }) {
  const { dismissed, passing, dismiss } = state;
  const now = useNow();

  const broadcast = view.broadcasts.at(-1);
  const broadcastKey = broadcast ? `broadcast:${broadcast.at}` : null;
  const news = view.news.at(-1);
  const newsKey = news ? `news:${news.event}` : null;
  const me = view.me?.role ?? null;
  const turn = view.turn;
  const left =
    turn && turn.seat === me && !view.paused && view.phase === "negotiating" ? turn.endsAt - now : null;
  const clockLow = left !== null && left > 0 && left <= lowClockMs;
  // Newest first; once the talks are over, only how they ended still matters.
  const shownPassing = passing
    .filter((p) => p.until > now && !dismissed.includes(p.key))
    .filter((p) => view.phase !== "concluded" || p.kind === "outcome" || p.kind === "walk-out")
    .reverse();

  const any =
    (broadcastKey && !dismissed.includes(broadcastKey)) ||
    (newsKey && !dismissed.includes(newsKey)) ||
    clockLow ||
    shownPassing.length > 0;
  if (!any) return null;
  return (
    <div className={styles.notices} data-testid="notices">
      {/* Newest and most urgent first: what just happened, then the clock, then what stays. */}
      {shownPassing.map((p) => (
        <section key={p.key} className={styles.notice} data-kind={p.kind} aria-label="Notice">
          <p className={styles.noticeText}>{p.text}</p>
          <DismissButton label="Dismiss this notice" onClick={() => dismiss(p.key)} />
        </section>
      ))}
      {clockLow && left !== null && (
        <section className={styles.notice} data-kind="clock" aria-label="Your clock" role="status">
          <p className={styles.noticeText}>
            <strong>Less than {Math.round(lowClockMs / 1000)} seconds left</strong> in your turn: table the
            draft or pass before it runs out.
          </p>
        </section>
      )}
      {broadcast && broadcastKey && !dismissed.includes(broadcastKey) && (
        <section className={styles.notice} data-kind="broadcast" aria-label="Message from the facilitator">
          <p className={styles.noticeText}>
            <strong>From the facilitator:</strong> {broadcast.text}
          </p>
          <DismissButton label="Dismiss the facilitator's message" onClick={() => dismiss(broadcastKey)} />
        </section>
      )}
      {news && newsKey && !dismissed.includes(newsKey) && (
        <section className={styles.notice} data-kind="news" aria-label="News flash">
          <div className={styles.noticeText}>
            <p className={styles.newsTitle}>News flash: {news.title}</p>
            <p>{news.flash}</p>
            {news.sources.length > 0 && (
              <p className={styles.sourceLine}>
                Source: <Citations sources={news.sources} documents={view.scenario.documents} />
              </p>
            )}
          </div>
          <DismissButton label="Dismiss news flash" onClick={() => dismiss(newsKey)} />
        </section>
      )}
    </div>
  );
}

function DismissButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className={styles.dismiss} onClick={onClick} aria-label={label} title={label}>
      <span aria-hidden="true">✕</span>
      <span className={styles.dismissWord}>Dismiss</span>
    </button>
  );
}
