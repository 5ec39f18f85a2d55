import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, randomFromState } from "./random.ts";

describe("seeded random numbers", () => {
  it("the same seed gives the same sequence", () => {
    const a = createRandom("table-7");
    const b = createRandom("table-7");
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it("different seeds give different sequences", () => {
    expect(createRandom(1).next()).not.toBe(createRandom(2).next());
    expect(createRandom(1).next()).not.toBe(createRandom("1").next());
  });

  it("a saved state resumes the sequence exactly", () => {
    const random = createRandom(42);
    random.next();
    const resumed = randomFromState(random.state());
    expect(resumed.next()).toBe(random.next());
  });

  it("forks are reproducible and independent of later draws from the parent", () => {
    const a = createRandom(9).fork();
    const b = createRandom(9).fork();
    expect(a.next()).toBe(b.next());
  });

  it("integers stay within their bounds and floats within [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, bound) => {
        const random = createRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = random.next();
          const n = random.int(bound);
          const m = random.between(-3, 3);
          if (x < 0 || x >= 1 || n < 0 || n >= bound || !Number.isInteger(n) || m < -3 || m > 3) return false;
        }
        return true;
      }),
      { seed: 20260101, numRuns: 200 },
    );
  });

  it("shuffles keep every element exactly once", () => {
    const random = createRandom("shuffle");
    const items = ["us", "ukraine", "europe", "russia", "observer"];
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort()).toEqual([...items].sort());
    expect(items).toEqual(["us", "ukraine", "europe", "russia", "observer"]);
  });

  it("draws are spread evenly enough to drive bots", () => {
    const random = createRandom("histogram");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const k = random.int(4);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(9_000);
  });

  it("rejects a bound that is not a positive integer", () => {
    expect(() => createRandom(1).int(0)).toThrow(RangeError);
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});
