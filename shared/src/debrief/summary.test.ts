// Numbers as people read them in the debrief's sentences.
import { describe, expect, it } from "vitest";
import { formatCount, formatGain, formatPoints, listWords } from "./summary.ts";

describe("numbers for people", () => {
  it("counts with thousands separators", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(5452)).toBe("5,452");
    expect(formatCount(12_441_600)).toBe("12,441,600");
    expect(formatCount(-1234)).toBe("-1,234");
  });

  it("points with one decimal, never a negative zero", () => {
    expect(formatPoints(4.1234)).toBe("4.1");
    expect(formatPoints(62.45)).toBe("62.5");
    expect(formatPoints(0)).toBe("0.0");
    expect(formatPoints(-0.01)).toBe("0.0");
    expect(formatPoints(-3.94)).toBe("−3.9");
    expect(formatPoints(1234.5)).toBe("1,234.5");
  });

  it("gains with their sign", () => {
    expect(formatGain(17.45)).toBe("+17.5");
    expect(formatGain(-3.9)).toBe("−3.9");
    expect(formatGain(0.02)).toBe("0.0");
  });

  it("lists with commas and a final 'and'", () => {
    expect(listWords([])).toBe("");
    expect(listWords(["Ukraine"])).toBe("Ukraine");
    expect(listWords(["Ukraine", "Russia"])).toBe("Ukraine and Russia");
    expect(listWords(["Ukraine", "Russia", "Europe"])).toBe("Ukraine, Russia and Europe");
  });
});
