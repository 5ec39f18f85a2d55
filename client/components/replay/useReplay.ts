"use client";
// A table's replay as the page reads it from the server: the timeline one perspective may step
// through, the position (a sequence number of the log), and the table as that perspective saw it
// there. Views are kept once fetched (a log only grows, so the table after its first n events
// never changes) and the next ones fetched ahead while playing. A table still in play (its talks
// not concluded) is followed: at the end of its timeline, the timeline is fetched again every few
// seconds. Both come in the page's language (asked for by name, `?locale=`, so they match the page
// even where the reader's kept choice and their browser's languages disagree): kept per language,
// and fetched again in the new one when the reader switches. A failure is said in it too.
import { useLocale } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  getReplayView,
  getTimeline,
  type ReplayCredential,
  type ReplayView,
  type Timeline,
} from "../../lib/api.ts";
import { type ApiProblem, useServerErrorText } from "../../lib/serverErrors.ts";
import { indexAt } from "./moments.ts";

const kept = 400;
const liveRefreshMs = 5_000;

export type ReplayData = {
  timeline: Timeline | null;
  /** The position asked for: the log's first `seq` events have happened. */
  seq: number | null;
  /** Its entry in the timeline; -1 before the timeline is known or when it is empty. */
  index: number;
  /** The moment on screen: the one asked for, or the previous one while it loads. */
  shown: ReplayView | null;
  loading: boolean;
  /** The talks have not ended: the log may still grow. */
  live: boolean;
  /** Live, and at the end of the timeline: it is fetched again every few seconds. */
  following: boolean;
  problem: string | null;
  goTo(seq: number): void;
  prefetch(seq: number): void;
};

export function useReplay(
  tableId: string,
  credential: ReplayCredential | null,
  perspective: string | null,
  initialAt: number | null,
): ReplayData {
  const locale = useLocale();
  const serverText = useServerErrorText();
  const [timeline, setTimeline] = useState<{ perspective: string; locale: string; value: Timeline } | null>(
    null,
  );
  const [timelineProblem, setTimelineProblem] = useState<ApiProblem | null>(null);
  const [viewProblem, setViewProblem] = useState<{ key: string; problem: ApiProblem } | null>(null);
  const [seq, setSeq] = useState<number | null>(null);
  const [shown, setShown] = useState<{ key: string; value: ReplayView } | null>(null);
  const cache = useRef(new Map<string, ReplayView>());
  const inFlight = useRef(new Set<string>());

  /** Asks for this perspective's timeline; the answer counts while `alive()` says so. */
  const requestTimeline = useCallback(
    (alive: () => boolean) => {
      if (!credential || perspective === null) return;
      void getTimeline(tableId, perspective, credential, locale).then((answer) => {
        if (!alive()) return;
        if (answer.ok) {
          setTimeline({ perspective, locale, value: answer.value });
          setTimelineProblem(null);
        } else {
          setTimelineProblem(answer);
        }
      });
    },
    [tableId, credential, perspective, locale],
  );
  useEffect(() => {
    let alive = true;
    requestTimeline(() => alive);
    return () => {
      alive = false;
    };
  }, [requestTimeline]);

  const current =
    timeline && timeline.perspective === perspective && timeline.locale === locale ? timeline.value : null;
  const events = current?.events ?? null;

  // A new timeline (another perspective, or more events) keeps the position where it can; the
  // first one starts where the link says, or at the beginning.
  useEffect(() => {
    if (!events) return;
    setSeq((previous) => {
      const target = previous ?? initialAt ?? 0;
      const index = indexAt(events, target);
      return index < 0 ? 0 : (events[index]?.seq ?? 0);
    });
  }, [events, initialAt]);

  const keyFor = useCallback((at: number) => `${locale}:${perspective}@${at}`, [locale, perspective]);

  const remember = useCallback((key: string, value: ReplayView) => {
    const map = cache.current;
    map.delete(key);
    map.set(key, value);
    if (map.size > kept) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
  }, []);

  const fetchView = useCallback(
    (at: number) => {
      if (!credential || perspective === null) return null;
      const key = keyFor(at);
      if (cache.current.has(key) || inFlight.current.has(key)) return null;
      inFlight.current.add(key);
      return getReplayView(tableId, at, perspective, credential, locale).then((answer) => {
        inFlight.current.delete(key);
        if (answer.ok) remember(key, answer.value);
        return { key, answer };
      });
    },
    [tableId, credential, perspective, locale, keyFor, remember],
  );

  const key = seq === null || perspective === null ? null : keyFor(seq);
  useEffect(() => {
    if (key === null || seq === null) return;
    const cached = cache.current.get(key);
    if (cached) {
      setShown({ key, value: cached });
      return;
    }
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      const request = fetchView(seq);
      if (request) {
        void request.then(({ answer }) => {
          if (!alive) return;
          if (answer.ok) {
            setShown({ key, value: answer.value });
            setViewProblem(null);
          } else {
            setViewProblem({ key, problem: answer });
          }
        });
      } else {
        // Fetched ahead a moment ago and still on its way: look again shortly.
        const value = cache.current.get(key);
        if (value) setShown({ key, value });
        else timer = setTimeout(poll, 50);
      }
    };
    poll();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [key, seq, fetchView]);

  const index = events && seq !== null ? indexAt(events, seq) : -1;
  const loading = key !== null && shown?.key !== key;
  const live = events !== null && !events.some((entry) => entry.type === "talks-concluded");
  const following = live && index === (events?.length ?? 0) - 1;

  useEffect(() => {
    if (!following) return;
    let alive = true;
    const timer = setInterval(() => requestTimeline(() => alive), liveRefreshMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [following, requestTimeline]);

  const goTo = useCallback((at: number) => setSeq(at), []);
  const prefetch = useCallback((at: number) => void fetchView(at), [fetchView]);

  const failed = timelineProblem ?? (viewProblem && viewProblem.key === key ? viewProblem.problem : null);
  const problem = failed ? serverText.http(failed) : null;
  return useMemo(
    () => ({
      timeline: current,
      seq,
      index,
      shown: shown?.value ?? null,
      loading,
      live,
      following,
      problem,
      goTo,
      prefetch,
    }),
    [current, seq, index, shown, loading, live, following, problem, goTo, prefetch],
  );
}
