// Limits on the scenario studio per client address, in memory and per process. A key is a secret
// anyone may try, so what bounds guessing is how many keys an address may try that it has not
// been answered right before; a key that opened the studio from an address is never counted
// again there, so an instructor at work is never stopped. Requests of any kind are bounded too
// (a save reads up to 1 MB). docs/protocol.md states the numbers.
import { createHash } from "node:crypto";
import { createRateLimiter } from "./rateLimit.ts";

export type KeyLimitSettings = {
  windowMs: number;
  /** Keys an address may try per window that it has not been answered right before. */
  newKeysPerWindow: number;
  /** Studio requests of any kind per address per window. */
  requestsPerWindow: number;
  /** How long a key that opened the studio stays known to that address. */
  knownForMs: number;
};

export const defaultKeyLimits: KeyLimitSettings = {
  windowMs: 60_000,
  newKeysPerWindow: 10,
  requestsPerWindow: 600,
  knownForMs: 12 * 60 * 60_000,
};

export type KeyRefusal = { ok: false; retryAfterSeconds: number; first: boolean };

export type KeyLimits = {
  /** Before a key is checked: may this address try it now? */
  admit(address: string, key: string, now: number): { ok: true } | KeyRefusal;
  /** The key opened the studio: this address is not limited for it again. */
  remember(address: string, key: string, now: number): void;
};

/** Known keys are kept as hashes, never as the secrets themselves. */
const digest = (key: string) => createHash("sha256").update(key).digest("base64url");

export function createKeyLimits(settings: KeyLimitSettings = defaultKeyLimits): KeyLimits {
  const requests = createRateLimiter(settings.requestsPerWindow, settings.windowMs);
  const newKeys = createRateLimiter(settings.newKeysPerWindow, settings.windowMs);
  /** Per address: known key digest → until when (a few per address; real use only). */
  const known = new Map<string, Map<string, number>>();
  return {
    admit(address, key, now) {
      const request = requests.take(address, now);
      if (!request.ok) return request;
      const until = known.get(address)?.get(digest(key));
      if (until !== undefined && until > now) return { ok: true };
      return newKeys.take(address, now);
    },
    remember(address, key, now) {
      if (known.size > 10_000) {
        for (const [where, keys] of known) {
          for (const [k, until] of keys) if (until <= now) keys.delete(k);
          if (keys.size === 0) known.delete(where);
        }
      }
      const keys = known.get(address) ?? new Map<string, number>();
      keys.set(digest(key), now + settings.knownForMs);
      while (keys.size > 16) {
        const oldest = keys.keys().next().value;
        if (oldest === undefined) break;
        keys.delete(oldest);
      }
      known.set(address, keys);
    },
  };
}
