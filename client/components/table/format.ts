// Numbers, times and lists on the table screen, in the reader's language: scores to one decimal
// ("62.5", "62,5"), signed against the no-deal value ("+12.5", "−3"), the time of day of a
// message in the reader's own time zone, and lists of names.
import { useFormatter, useLocale, useTranslations } from "next-intl";

export type TableT = ReturnType<typeof useTranslations<"table">>;

/** To one decimal, without a negative zero. */
const round1 = (x: number) => Math.round(x * 10) / 10 + 0;

/**
 * The browser's own time zone: a message's time is read where the reader sits. (The request's
 * configuration names none, so the formatter's default would be the server's.) The table's times
 * are only shown once the live view has arrived, in the browser.
 */
const localTimeZone = () =>
  typeof Intl === "undefined" ? undefined : Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useTableFormat() {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("table");
  // English lists read "A, B and C" (as the engine's sentences do), not "A, B, and C".
  const and = new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "conjunction" });
  const points = (x: number) => format.number(round1(x), { maximumFractionDigits: 1 });
  return {
    /** A score to one decimal, as players read it ("62.5"). */
    points,
    /** "+12.5" / "−3" / "±0" against the no-deal value. */
    signedPoints(x: number): string {
      const rounded = round1(x);
      if (rounded === 0) return "±0";
      return rounded > 0 ? `+${points(rounded)}` : `−${points(-rounded)}`;
    },
    /** "14:05" / "02:05 PM". */
    timeOfDay(at: number): string {
      const timeZone = localTimeZone();
      return format.dateTime(at, { hour: "2-digit", minute: "2-digit", ...(timeZone ? { timeZone } : {}) });
    },
    /** "A, B, C" (a sequence or a set of names, no "and"). */
    names(items: readonly string[]): string {
      return format.list(items, { type: "unit", style: "short" });
    },
    /** “A”, “B” and “C”: titles quoted and listed. */
    quoted(titles: readonly string[]): string {
      return and.format(titles.map((title) => t("quote", { text: title })));
    },
  };
}
