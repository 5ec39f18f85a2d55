// The polite per-connection message limit both rooms apply: past it a message is answered with
// a rate-limited error instead of being acted on (Colyseus' own ceiling, far higher, disconnects).
import { type ErrorMessage, wireLimits } from "@red-lines/shared/engine";

export type RateWindow = { windowStart: number; windowCount: number };

export const rateLimitedError: ErrorMessage = {
  code: "rate-limited",
  message: `Too many messages: at most ${wireLimits.messagesPerSecond} a second. Wait a moment and try again.`,
};

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
