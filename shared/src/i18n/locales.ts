// The languages the product speaks, and how a reader's language is chosen: the choice they made
// (kept in the browser, in a cookie the server reads too), then their browser's languages, then
// English. Browser-safe and free of zod (every page's language switcher imports it); the wire's
// schema for a locale is in protocol/locale.ts.
export const locales = ["en", "uk"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Each language's name in that language, as a switcher offers it. */
export const localeNames: Record<Locale, string> = { en: "English", uk: "Українська" };

/** The cookie that keeps a reader's choice (a year, every path, sent to the server with pages). */
export const localeCookie = "red-lines-locale";
export const localeCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The first supported language of an Accept-Language header, by its quality weights (`uk-UA`
 * counts as `uk`), or undefined when it names none.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params
        .map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1])
        .find((value) => value !== undefined);
      return { tag: tag.trim().toLowerCase(), quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== "" && entry.quality > 0 && Number.isFinite(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return undefined;
}

/** The reader's language: their kept choice, else their browser's languages, else English. */
export function chooseLocale(
  choice: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(choice)) return choice;
  return localeFromAcceptLanguage(acceptLanguage) ?? defaultLocale;
}
