// Join limits per client address, in memory and per process (with several processes each keeps
// its own). A class of 40 often shares one school address behind NAT, so nothing here may stop a
// class; guessing a join code must stay hopeless all the same. docs/protocol.md states the numbers.
//
// Why not "refuse everything after N wrong codes" (the old rule): that locked a whole school out
// for a minute after a few typos. And why not "refuse only wrong codes after N": the server has to
// look a code up to know it is wrong, so a guesser would still learn right from wrong at full
// speed. What bounds guessing is how many different codes an address may *try*; what keeps a class
// in is that a code the address has already been answered right is never counted again, and that
// forty students trying the same code count it once.

/** A fixed-window counter per key. */
export type RateLimiter = {
  /** Counts one request; `first` marks the first refusal of a window (to log it once). */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number; first: boolean };
};

export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, now) {
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      }
      let current = windows.get(key);
      if (!current || now - current.start >= windowMs) {
        current = { start: now, count: 0 };
        windows.set(key, current);
      }
      current.count += 1;
      if (current.count <= limit) return { ok: true };
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((current.start + windowMs - now) / 1000)),
        first: current.count === limit + 1,
      };
    },
  };
}

export type JoinLimitSettings = {
  /** Length of a counting window. */
  windowMs: number;
  /**
   * Different codes an address may try per window that it has not been answered right before,
   * right or wrong. Trying the same code again does not count again: it tells a guesser nothing.
   */
  newCodesPerWindow: number;
  /** Join requests of any kind (look-ups and joins, known codes too) per address per window. */
  requestsPerWindow: number;
  /** How long a code answered right stays known to that address. */
  knownForMs: number;
  /** Known codes kept per address (the oldest is forgotten first). */
  knownCodesPerAddress: number;
};

export const defaultJoinLimits: JoinLimitSettings = {
  windowMs: 60_000,
  newCodesPerWindow: 30,
  requestsPerWindow: 1_200,
  knownForMs: 12 * 60 * 60_000,
  knownCodesPerAddress: 32,
};

export type JoinRefusal = {
  ok: false;
  retryAfterSeconds: number;
  /** "requests": too many requests of any kind; "new-codes": too many codes the address did not know. */
  limit: "requests" | "new-codes";
  /** The first refusal of its window, worth one log line. */
  first: boolean;
};

export type JoinLimits = {
  /**
   * Before a code is looked up: may this address try it now? `code` is the canonical join code,
   * or null for a request without a well-formed one (it cannot be a guess; only the request counts).
   */
  admit(address: string, code: string | null, now: number): { ok: true } | JoinRefusal;
  /** The code exists (a look-up or join found it, or this address created the workshop). */
  remember(address: string, code: string, now: number): void;
};

export function createJoinLimits(settings: JoinLimitSettings = defaultJoinLimits): JoinLimits {
  const requests = createRateLimiter(settings.requestsPerWindow, settings.windowMs);
  /** Per address: the different new codes tried in the current window. */
  const tried = new Map<string, { start: number; codes: Set<string>; refused: boolean }>();
  /** Per address: known code → until when. Only right codes get in, so it grows with real use only. */
  const known = new Map<string, Map<string, number>>();

  const knows = (address: string, code: string, now: number): boolean => {
    const until = known.get(address)?.get(code);
    return until !== undefined && until > now;
  };

  const tryNewCode = (address: string, code: string, now: number): { ok: true } | JoinRefusal => {
    if (tried.size > 10_000) {
      for (const [key, window] of tried) if (now - window.start >= settings.windowMs) tried.delete(key);
    }
    let window = tried.get(address);
    if (!window || now - window.start >= settings.windowMs) {
      window = { start: now, codes: new Set(), refused: false };
      tried.set(address, window);
    }
    if (window.codes.has(code)) return { ok: true };
    if (window.codes.size < settings.newCodesPerWindow) {
      window.codes.add(code);
      return { ok: true };
    }
    const first = !window.refused;
    window.refused = true;
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.start + settings.windowMs - now) / 1000)),
      limit: "new-codes",
      first,
    };
  };

  return {
    admit(address, code, now) {
      const request = requests.take(address, now);
      if (!request.ok) return { ...request, limit: "requests" };
      if (code === null || knows(address, code, now)) return { ok: true };
      return tryNewCode(address, code, now);
    },
    remember(address, code, now) {
      if (known.size > 10_000) {
        for (const [key, codes] of known) {
          for (const [c, until] of codes) if (until <= now) codes.delete(c);
          if (codes.size === 0) known.delete(key);
        }
      }
      const codes = known.get(address) ?? new Map<string, number>();
      codes.delete(code); // re-inserted last: Map order is the forgetting order
      codes.set(code, now + settings.knownForMs);
      while (codes.size > settings.knownCodesPerAddress) {
        const oldest = codes.keys().next().value;
        if (oldest === undefined) break;
        codes.delete(oldest);
      }
      known.set(address, codes);
    },
  };
}
