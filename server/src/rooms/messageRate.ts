// Per-connection message limits: past the polite one a message is answered with a rate-limited
// error instead of being acted on; past the flood limit the connection is closed (code 4102).
import { type ErrorMessage, wireLimits } from "@red-lines/shared/engine";

export type RateWindow = { windowStart: number; windowCount: number };

export const rateLimitedError: ErrorMessage = {
  code: "rate-limited",
  values: { max: wireLimits.messagesPerSecond },
  message: `Too many messages: at most ${wireLimits.messagesPerSecond} a second. Wait a moment and try again.`,
};

export const floodedError: ErrorMessage = {
  code: "flooded",
  values: { max: wireLimits.floodPerSecond },
  message: `Far too many messages (over ${wireLimits.floodPerSecond} a second), so the connection was closed. Your seat is kept for a while: reload to come back.`,
};

export type FloodWindow = { floodStart?: number; floodCount?: number; flooded?: boolean };

/** Counts every frame in a one-second window; true once the connection has gone past the flood limit. */
export function flooding(window: FloodWindow, now: number): boolean {
  if (window.flooded) return true;
  if (now - (window.floodStart ?? 0) >= 1000) {
    window.floodStart = now;
    window.floodCount = 0;
  }
  window.floodCount = (window.floodCount ?? 0) + 1;
  if (window.floodCount > wireLimits.floodPerSecond) window.flooded = true;
  return window.flooded === true;
}

/** Counts one message in the connection's one-second window; true when it is over the limit. */
export function overRate(window: RateWindow | undefined, now: number): boolean {
  if (!window) return false;
  if (now - window.windowStart >= 1000) {
    window.windowStart = now;
    window.windowCount = 0;
  }
  window.windowCount += 1;
  return window.windowCount > wireLimits.messagesPerSecond;
}
