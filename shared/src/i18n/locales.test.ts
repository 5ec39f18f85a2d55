import { describe, expect, it } from "vitest";
import { chooseLocale, localeFromAcceptLanguage } from "./locales.ts";

describe("choosing a reader's language", () => {
  it("takes the kept choice first, then the browser's languages by weight, then English", () => {
    expect(chooseLocale("uk", "en-GB,en;q=0.9")).toBe("uk");
    expect(chooseLocale("en", "uk-UA")).toBe("en");
    expect(chooseLocale(undefined, "uk-UA,uk;q=0.9,en;q=0.8")).toBe("uk");
    expect(chooseLocale("fr", "de-DE,uk;q=0.5,en;q=0.3")).toBe("uk");
    expect(chooseLocale(null, "de-DE,fr;q=0.8")).toBe("en");
    expect(chooseLocale(undefined, undefined)).toBe("en");
  });

  it("reads Accept-Language weights, not only its order", () => {
    expect(localeFromAcceptLanguage("en;q=0.4, uk;q=0.8")).toBe("uk");
    expect(localeFromAcceptLanguage("uk;q=0, en")).toBe("en");
    expect(localeFromAcceptLanguage("UK-ua")).toBe("uk");
    expect(localeFromAcceptLanguage("*")).toBeUndefined();
    expect(localeFromAcceptLanguage("")).toBeUndefined();
    expect(localeFromAcceptLanguage(";;;,q=,")).toBeUndefined();
  });
});
