"use client";
// State kept in sessionStorage, so a reload of the tab keeps it (open tab, channel, what was read)
// while another tab or a new session starts fresh.
import { useCallback, useEffect, useRef, useState } from "react";

function load<T>(key: string, fallback: T): T {
  try {
    const raw = window.sessionStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

/** `key` null: not known yet (kept in memory until it is). */
export function useSessionState<T>(
  key: string | null,
  fallback: T,
): [T, (update: (previous: T) => T) => void] {
  const [state, setState] = useState<{ key: string | null; value: T }>({ key: null, value: fallback });
  // The fallback is only the first value: a new one (e.g. a fresh [] each render) resets nothing.
  const first = useRef(fallback);
  useEffect(() => {
    if (key !== null) setState({ key, value: load(key, first.current) });
  }, [key]);
  const update = useCallback(
    (change: (previous: T) => T) => {
      setState((previous) => {
        const value = change(previous.value);
        if (key !== null) {
          try {
            window.sessionStorage.setItem(key, JSON.stringify(value));
          } catch {
            // Storage off: the state lives as long as the page.
          }
        }
        return { key, value };
      });
    },
    [key],
  );
  return [state.key === key ? state.value : fallback, update];
}
