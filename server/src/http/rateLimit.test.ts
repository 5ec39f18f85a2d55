// The join limits on a fake clock: windows end, known codes are never counted and are forgotten.
import { describe, expect, it } from "vitest";
import { createJoinLimits, createRateLimiter, defaultJoinLimits } from "./rateLimit.ts";

describe("a fixed-window limiter", () => {
  it("refuses past its limit until the window ends, and marks the first refusal", () => {
    const limiter = createRateLimiter(2, 60_000);
    expect(limiter.take("a", 0)).toEqual({ ok: true });
    expect(limiter.take("a", 1_000)).toEqual({ ok: true });
    expect(limiter.take("a", 1_500)).toEqual({ ok: false, retryAfterSeconds: 59, first: true });
    expect(limiter.take("a", 59_999)).toEqual({ ok: false, retryAfterSeconds: 1, first: false });
    expect(limiter.take("b", 2_000)).toEqual({ ok: true });
    expect(limiter.take("a", 60_000)).toEqual({ ok: true });
  });
});

describe("join limits", () => {
  const limits = () =>
    createJoinLimits({ ...defaultJoinLimits, newCodesPerWindow: 3, requestsPerWindow: 10 });

  it("count the different codes an address does not know, not the ones it was answered right", () => {
    const join = limits();
    join.remember("school", "KTRM-49WX", 0);
    for (let i = 0; i < 3; i++) expect(join.admit("school", `WRNG-000${i}`, 0).ok).toBe(true);
    expect(join.admit("school", "WRNG-0009", 0)).toMatchObject({
      ok: false,
      limit: "new-codes",
      first: true,
    });
    expect(join.admit("school", "RGHT-CODE", 0)).toMatchObject({
      ok: false,
      limit: "new-codes",
      first: false,
    });
    expect(join.admit("school", "KTRM-49WX", 0)).toEqual({ ok: true });
    // A code already tried this window does not count again: repeating it tells a guesser nothing.
    expect(join.admit("school", "WRNG-0001", 0)).toEqual({ ok: true });
    // A request without a well-formed code cannot be a guess.
    expect(join.admit("school", null, 0)).toEqual({ ok: true });
    expect(join.admit("elsewhere", "WRNG-0009", 0)).toEqual({ ok: true });
    expect(join.admit("school", "WRNG-0009", 60_000)).toEqual({ ok: true });
  });

  it("still cap every request of an address, known codes included", () => {
    const join = limits();
    join.remember("school", "KTRM-49WX", 0);
    for (let i = 0; i < 10; i++) expect(join.admit("school", "KTRM-49WX", 0).ok).toBe(true);
    expect(join.admit("school", "KTRM-49WX", 0)).toMatchObject({ ok: false, limit: "requests" });
  });

  it("forget a known code after its time, and the oldest past the per-address cap", () => {
    const join = createJoinLimits({
      ...defaultJoinLimits,
      newCodesPerWindow: 0,
      knownForMs: 1_000,
      knownCodesPerAddress: 2,
    });
    join.remember("school", "AAAA-AAAA", 0);
    expect(join.admit("school", "AAAA-AAAA", 999).ok).toBe(true);
    expect(join.admit("school", "AAAA-AAAA", 1_000).ok).toBe(false);
    join.remember("school", "BBBB-BBBB", 2_000);
    join.remember("school", "CCCC-CCCC", 2_000);
    join.remember("school", "DDDD-DDDD", 2_000);
    expect(join.admit("school", "BBBB-BBBB", 2_000).ok).toBe(false);
    expect(join.admit("school", "CCCC-CCCC", 2_000).ok).toBe(true);
    expect(join.admit("school", "DDDD-DDDD", 2_000).ok).toBe(true);
  });
});
