// Secrets handed to people (instructor keys, seat tokens): random, shown once, stored only hashed.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function newSecret(): string {
  return randomBytes(24).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares in constant time, so response timing says nothing about how close a guess was. */
export function secretMatches(secret: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false;
  const candidate = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

/**
 * A workshop's observer token, derived from its instructor key's stored hash (never sent out):
 * the instructor's console hands it out in observer links; it lets people watch, never act.
 */
export function watchTokenFor(workshopId: string, instructorKeyHash: string): string {
  return createHmac("sha256", instructorKeyHash)
    .update(`watch:${workshopId}`)
    .digest("base64url")
    .slice(0, 32);
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
