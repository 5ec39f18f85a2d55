"use client";
// Unread counts per channel, kept in sessionStorage so a reload shows the same badges. A channel
// on screen is read.
import { useEffect, useMemo } from "react";
import { type Channel, fromOthers } from "./channels.ts";
import { useSessionState } from "./useSessionState.ts";

export function useUnread(
  storageKey: string | null,
  channels: readonly Channel[],
  me: string | null,
  onScreen: string | null,
): { unread: Record<string, number>; total: number } {
  const [seen, setSeen] = useSessionState<Record<string, number>>(storageKey, {});
  const counts = useMemo(
    () => Object.fromEntries(channels.map((c) => [c.key, fromOthers(c, me)])),
    [channels, me],
  );
  const onScreenCount = onScreen === null ? undefined : counts[onScreen];
  useEffect(() => {
    if (onScreen === null || onScreenCount === undefined) return;
    setSeen((previous) =>
      previous[onScreen] === onScreenCount ? previous : { ...previous, [onScreen]: onScreenCount },
    );
  }, [onScreen, onScreenCount, setSeen]);
  const unread = Object.fromEntries(
    Object.entries(counts).map(([key, count]) => [
      key,
      key === onScreen ? 0 : Math.max(0, count - (seen[key] ?? 0)),
    ]),
  );
  return { unread, total: Object.values(unread).reduce((a, b) => a + b, 0) };
}
