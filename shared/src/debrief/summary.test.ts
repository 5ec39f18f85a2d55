// Numbers as people read them in the debrief's sentences, and the pieces its phrases are made of,
// rendered in English (as they always read) and in Ukrainian.
import { describe, expect, it } from "vitest";
import { english, renderer } from "../i18n/catalogs.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import {
  debriefPhrase,
  formatCount,
  formatGain,
  formatPoints,
  gainValues,
  listedPhrases,
  listWords,
  pointsValue,
  rulePhrase,
} from "./summary.ts";

const scenario = getScenario("ukraine-2026") as Scenario;
const ukrainian = renderer(scenario, "uk");

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

describe("the phrases' pieces", () => {
  const names = ["ukraine", "russia", "us", "europe"].map((role) =>
    debriefPhrase("summary.rule", { role: { role }, title: role }),
  );

  it("lists phrases as each language lists them", () => {
    const listed = (n: number, semicolons = false) =>
      debriefPhrase("summary.collide-many", { pairs: listedPhrases(names.slice(0, n), semicolons) });
    expect(english(scenario, listed(1))).toBe("Red lines collide: Ukraine's “ukraine”.");
    expect(english(scenario, listed(2))).toBe(
      "Red lines collide: Ukraine's “ukraine” and Russia's “russia”.",
    );
    expect(english(scenario, listed(4))).toBe(
      "Red lines collide: Ukraine's “ukraine”, Russia's “russia”, United States' “us” and Europe's “europe”.",
    );
    expect(english(scenario, listed(3, true))).toBe(
      "Red lines collide: Ukraine's “ukraine”; Russia's “russia”; United States' “us”.",
    );
    expect(ukrainian(listed(4))).toBe(
      "Зіткнулися червоні лінії: «ukraine» (Україна), «russia» (Росія), «us» (Сполучені Штати) і «europe» (Європа).",
    );
    expect(listedPhrases([])).toBe("");
  });

  it("names a red line with its seat: a possessive in English, the seat in brackets in Ukrainian", () => {
    const rule = rulePhrase({ role: "us", title: "No troops" });
    const said = debriefPhrase("summary.set-aside", { rule: { phrase: rule }, count: 1, counted: "no" });
    expect(english(scenario, said)).toBe(
      "Setting aside United States' “No troops” alone would have left 1 package feasible.",
    );
    expect(ukrainian(said)).toBe(
      "Якби відкинути лише «No troops» (Сполучені Штати), залишився б 1 допустимий пакет.",
    );
  });

  it("rounds points as formatPoints does, so a message writes the same digits", () => {
    for (const x of [0, 0.04, -0.04, 4.35, 4.45, 62.45, -3.94, 1234.56, 99.95]) {
      const { sign, gain } = gainValues(x);
      const said = english(
        scenario,
        debriefPhrase("summary.party-gain", { role: { role: "russia" }, sign, gain }),
      );
      expect(said).toBe(`Russia ${formatGain(x)}`);
      expect(
        english(scenario, debriefPhrase("summary.off-frontier", { distance: pointsValue(Math.abs(x)) })),
      ).toBe(`It lies ${formatPoints(Math.abs(x))} points from the Pareto frontier.`);
    }
    expect(Object.is(pointsValue(-0.01), 0)).toBe(true);
    expect(gainValues(-0.04)).toEqual({ sign: "zero", gain: 0 });
    // Ukrainian writes a decimal comma and the same signs.
    expect(
      ukrainian(debriefPhrase("summary.party-gain", { role: { role: "russia" }, ...gainValues(-3.94) })),
    ).toBe("Росія (−3,9)");
  });

  it("counts in each language's plural forms", () => {
    const refusals = (count: number) =>
      debriefPhrase("summary.refusals", {
        live: "no",
        count,
        bySeat: { phrase: debriefPhrase("summary.seat-times", { role: { role: "ukraine" }, count }) },
      });
    expect([1, 2, 3, 1234].map((n) => english(scenario, refusals(n)))).toEqual([
      "Seats were stopped at their own red lines once: Ukraine once.",
      "Seats were stopped at their own red lines twice: Ukraine twice.",
      "Seats were stopped at their own red lines 3 times: Ukraine 3 times.",
      "Seats were stopped at their own red lines 1,234 times: Ukraine 1,234 times.",
    ]);
    expect([1, 2, 5, 21].map((n) => ukrainian(refusals(n)))).toEqual([
      "Власні червоні лінії зупиняли місця 1 раз: Україна (1 раз).",
      "Власні червоні лінії зупиняли місця 2 рази: Україна (2 рази).",
      "Власні червоні лінії зупиняли місця 5 разів: Україна (5 разів).",
      "Власні червоні лінії зупиняли місця 21 раз: Україна (21 раз).",
    ]);
  });
});
