"use client";
// Numbers, times and lists as the debrief writes them, in the reader's language: counts with the
// language's grouping (1,234 / 1 234), points with one decimal and a true minus sign (62.5 / 62,5,
// −3.9, never −0.0), gains with their sign (+17.5), times of day in the reader's own time zone,
// and lists joined by the language's "and" (English without a serial comma: "A, B and C").
// A role's possessive ("Ukraine's", "United States'") is the English messages' `words.possessive`.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";

export type Figures = {
  count(n: number): string;
  points(x: number): string;
  gain(x: number): string;
  time(at: number): string;
  list(items: readonly string[]): string;
  /** "Ukraine's", "United States'" in English; the name itself where a language has no such form. */
  whose(name: string): string;
};

/** One decimal, rounded as the engine rounds (half up), and never a negative zero. */
const tenths = (x: number) => Math.round(x * 10) / 10 + 0;
const minus = (text: string) => text.replace("-", "−");

export function useFigures(): Figures {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("debrief.words");
  return useMemo(() => {
    const lists = new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "conjunction" });
    const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      count: (n) => format.number(Math.round(n) + 0, { maximumFractionDigits: 0 }),
      points: (x) => minus(format.number(tenths(x), oneDecimal)),
      gain: (x) => minus(format.number(tenths(x), { ...oneDecimal, signDisplay: "exceptZero" })),
      time: (at) => format.dateTime(at, { hour: "2-digit", minute: "2-digit", timeZone }),
      list: (items) => lists.format(items),
      whose: (name) => t("possessive", { name, ends: name.endsWith("s") ? "s" : "other" }),
    };
  }, [format, locale, t]);
}
