// A fixed-window limiter per key (a client address): enough to make guessing join codes hopeless.
// In memory, per process; with several processes each enforces its own window.

export type RateLimiter = {
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Whether the key has used up its window, without counting this look. */
  check(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number };
};

export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    check(key, now) {
      const current = windows.get(key);
      if (!current || now - current.start >= windowMs || current.count < limit) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.ceil((current.start + windowMs - now) / 1000) };
    },
    take(key, now) {
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      }
      const current = windows.get(key);
      if (!current || now - current.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return { ok: true };
      }
      current.count += 1;
      if (current.count <= limit) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.ceil((current.start + windowMs - now) / 1000) };
    },
  };
}
