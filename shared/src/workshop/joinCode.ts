// Join codes: short enough to read aloud and type on a phone, long enough (31^8 ≈ 8.5·10^11,
// with join attempts rate-limited) that guessing one is hopeless.
import { z } from "zod";

/** No I, L, O, 0 or 1: nothing that reads as another symbol when spoken or projected. */
export const joinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const codeLength = 8;

/** Builds a code like "KTRM-49WX" from a source of uniform random integers in [0, n). */
export function makeJoinCode(randomInt: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < codeLength; i++) code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Accepts what people type: any case, spaces or dashes anywhere; answers the canonical form. */
export const joinCodeSchema = z
  .string({ error: "Enter the join code shown by your instructor." })
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ""))
  .refine((value) => value.length === codeLength, {
    error: "A join code has 8 letters and digits, like KTRM-49WX.",
  })
  .refine((value) => [...value].every((char) => joinCodeAlphabet.includes(char)), {
    error: "A join code uses letters and the digits 2-9 only (no I, L, O, 0 or 1).",
  })
  .transform((value) => `${value.slice(0, 4)}-${value.slice(4)}`);
