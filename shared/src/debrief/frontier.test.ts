// The two-party frontier the debrief's chart draws from the frontier of every party.
import { describe, expect, it } from "vitest";
import { frontierOfPair } from "./frontier.ts";

describe("frontierOfPair", () => {
  it("keeps the packages no other beats for both parties, in the first party's order", () => {
    const frontier = [
      { a: 50, b: 60, c: 90 },
      { a: 70, b: 40, c: 10 },
      { a: 60, b: 50, c: 20 },
      { a: 55, b: 45, c: 99 }, // on the frontier of all three, inside for a and b
      { a: 70, b: 30, c: 50 }, // ties on a, worse on b
    ];
    expect(frontierOfPair(frontier, "a", "b")).toEqual([
      { a: 50, b: 60, c: 90 },
      { a: 60, b: 50, c: 20 },
      { a: 70, b: 40, c: 10 },
    ]);
  });
});
