"use client";
// What nobody at the table may miss, pinned under the turn bar wherever the page is scrolled, on
// a phone as on a projector: the facilitator's broadcasts and the news (kept until dismissed), and
// for a while the seat's turn, its clock running low, a turn that ran out or was skipped, a
// walk-out and the end of the talks. Screen readers hear the same through the Announcer.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Citations } from "./Citation.tsx";
import { seatName } from "./derive.ts";
import { lowClockMs, type Passing, passingNotices, type Says } from "./notices.ts";
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

const bold = (text: ReactNode) => <strong>{text}</strong>;

type NoticesT = ReturnType<typeof useTranslations<"table.notices">>;

/** A passing notice as a sentence; a seat is named as the reader's view names it. */
function passingText(t: NoticesT, view: TableView, says: Says): string {
  const seat = (role: string) => {
    const name = seatName(view, role);
    return { seat: name, s: name.endsWith("s") ? "yes" : "no" };
  };
  switch (says.code) {
    case "timedOutMine":
      return t("passing.timedOutMine");
    case "timedOut":
      return t("passing.timedOut", { seat: seatName(view, says.seat) });
    case "skippedMine":
      return t("passing.skippedMine");
    case "skipped":
      return t("passing.skipped", seat(says.seat));
    case "yourTurn":
      return t("passing.yourTurn", { round: says.round });
    case "agreement":
      return t("passing.agreement", { version: says.version ?? "?", outcome: says.outcome });
    case "walkedOutMine":
      return t("passing.walkedOutMine", { outcome: says.outcome });
    case "walkedOut":
      return t("passing.walkedOut", { seat: seatName(view, says.seat), outcome: says.outcome });
    case "over":
      return t("passing.over", { outcome: says.outcome });
  }
}

export function Notices({ view, state }: { view: TableView; state: NoticeState }) {
  const t = useTranslations("table.notices");
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
        <section key={p.key} className={styles.notice} data-kind={p.kind} aria-label={t("label")}>
          <p className={styles.noticeText}>{passingText(t, view, p.says)}</p>
          <DismissButton label={t("dismiss.notice")} onClick={() => dismiss(p.key)} />
        </section>
      ))}
      {clockLow && left !== null && (
        <section className={styles.notice} data-kind="clock" aria-label={t("clock.label")} role="status">
          <p className={styles.noticeText}>
            {t.rich("clock.text", { seconds: Math.round(lowClockMs / 1000), b: bold })}
          </p>
        </section>
      )}
      {broadcast && broadcastKey && !dismissed.includes(broadcastKey) && (
        <section className={styles.notice} data-kind="broadcast" aria-label={t("broadcast.label")}>
          <p className={styles.noticeText}>{t.rich("broadcast.text", { text: broadcast.text, b: bold })}</p>
          <DismissButton label={t("dismiss.broadcast")} onClick={() => dismiss(broadcastKey)} />
        </section>
      )}
      {news && newsKey && !dismissed.includes(newsKey) && (
        <section className={styles.notice} data-kind="news" aria-label={t("news.label")}>
          <div className={styles.noticeText}>
            <p className={styles.newsTitle}>{t("news.title", { title: news.title })}</p>
            <p>{news.flash}</p>
            {news.sources.length > 0 && (
              <p className={styles.sourceLine}>
                {t("news.source")} <Citations sources={news.sources} documents={view.scenario.documents} />
              </p>
            )}
          </div>
          <DismissButton label={t("dismiss.news")} onClick={() => dismiss(newsKey)} />
        </section>
      )}
    </div>
  );
}

function DismissButton({ label, onClick }: { label: string; onClick(): void }) {
  const t = useTranslations("table.notices");
  return (
    <button type="button" className={styles.dismiss} onClick={onClick} aria-label={label} title={label}>
      <span aria-hidden="true">✕</span>
      <span className={styles.dismissWord}>{t("dismiss.word")}</span>
    </button>
  );
}
