"use client";
// The seats of a workshop as the join page shows them, kept fresh while the page is open. Every
// look-up counts against the server's join requests per address (1,200 a minute, and a classroom
// may share one address; docs/protocol.md, Join limits), so it asks at most every 10 seconds, only
// while the page is visible, again when the page regains focus, and waits a minute after being
// told it asked too often. The scenario's title and roles come in the reader's language, and are
// asked for again when the reader switches it.
import type { SeatingOverview } from "@red-lines/shared/protocol";
import { useLocale } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { type ApiResult, lookUpCode } from "../../lib/api.ts";

export type LookupProblem = Extract<ApiResult<unknown>, { ok: false }>;

export const refreshEveryMs = 10_000;
const backOffMs = 60_000;

export type Seating = {
  overview: SeatingOverview | null;
  /** Why the last look-up failed; null once one succeeds. */
  problem: LookupProblem | null;
  /** When the seats shown were read (epoch ms). */
  readAt: number | null;
  loading: boolean;
  /** Reads the seats again now (a person asked, or a join was refused), unless told to wait. */
  refresh(): Promise<SeatingOverview | null>;
};

export function useSeating(code: string | null): Seating {
  const locale = useLocale();
  const [overview, setOverview] = useState<SeatingOverview | null>(null);
  const [problem, setProblem] = useState<LookupProblem | null>(null);
  const [readAt, setReadAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(code !== null);
  const lastAsked = useRef(0);
  const waitUntil = useRef(0);
  /** The look-up under way, and in which language it asks. */
  const inFlight = useRef<{ locale: string; request: Promise<SeatingOverview | null> } | null>(null);
  /** The language the page reads now: an answer in another one (asked before a switch) is dropped. */
  const reading = useRef(locale);
  const stopped = useRef(false);

  const ask = useCallback(
    (force: boolean): Promise<SeatingOverview | null> => {
      if (code === null || stopped.current) return Promise.resolve(null);
      if (inFlight.current?.locale === locale) return inFlight.current.request;
      const now = Date.now();
      if (now < waitUntil.current) return Promise.resolve(null);
      if (!force && now - lastAsked.current < refreshEveryMs) return Promise.resolve(null);
      lastAsked.current = now;
      setLoading(true);
      const request: Promise<SeatingOverview | null> = lookUpCode(code, locale).then((result) => {
        if (inFlight.current?.request === request) inFlight.current = null;
        if (reading.current !== locale) return null;
        setLoading(false);
        if (result.ok) {
          setOverview(result.value);
          setProblem(null);
          setReadAt(Date.now());
          return result.value;
        }
        setProblem(result);
        if (result.code === "rate-limited") waitUntil.current = Date.now() + backOffMs;
        // An unknown code stays unknown: stop asking until the page gets another code.
        if (result.code === "unknown-code") stopped.current = true;
        return null;
      });
      inFlight.current = { locale, request };
      return request;
    },
    [code, locale],
  );

  useEffect(() => {
    reading.current = locale;
  }, [locale]);

  useEffect(() => {
    stopped.current = false;
    lastAsked.current = 0;
    void ask(true);
    const whenVisible = () => {
      if (document.visibilityState === "visible") void ask(false);
    };
    // Checked often, asked only once the 10 seconds are up, so the gap stays 10–12.5 s.
    const timer = window.setInterval(whenVisible, refreshEveryMs / 4);
    window.addEventListener("focus", whenVisible);
    document.addEventListener("visibilitychange", whenVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", whenVisible);
      document.removeEventListener("visibilitychange", whenVisible);
    };
  }, [ask]);

  return { overview, problem, readAt, loading, refresh: () => ask(true) };
}
