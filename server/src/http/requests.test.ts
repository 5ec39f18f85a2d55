// The reader's language over HTTP, as the debrief and replay routes take it: `?locale=` (checked),
// else the kept choice (the `red-lines-locale` cookie), else Accept-Language, else English.
import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { cookieValue, localeParameter, readerLocale } from "./requests.ts";

function request(headers: { cookie?: string; "accept-language"?: string }): Request {
  return { headers } as Request;
}

describe("the reader's language of a request", () => {
  it("reads one cookie among several, and passes over one it cannot decode", () => {
    expect(cookieValue("theme=dark; red-lines-locale=uk", "red-lines-locale")).toBe("uk");
    expect(cookieValue(" red-lines-locale = en ;x=1", "red-lines-locale")).toBe("en");
    expect(cookieValue("not-red-lines-locale=uk", "red-lines-locale")).toBeUndefined();
    expect(cookieValue("red-lines-locale=%E0%A4%A", "red-lines-locale")).toBeUndefined();
    expect(cookieValue(undefined, "red-lines-locale")).toBeUndefined();
  });

  it("takes the language asked for, then the kept choice, then the browser's, then English", () => {
    const both = request({ cookie: "red-lines-locale=uk", "accept-language": "en-GB,en;q=0.9" });
    expect(readerLocale(both, "en")).toBe("en");
    expect(readerLocale(both, undefined)).toBe("uk");
    expect(readerLocale(request({ "accept-language": "uk-UA,uk;q=0.9,en;q=0.5" }), undefined)).toBe("uk");
    expect(readerLocale(request({ cookie: "red-lines-locale=fr", "accept-language": "uk" }), undefined)).toBe(
      "uk",
    );
    expect(readerLocale(request({}), undefined)).toBe("en");
  });

  it("checks the language asked for: one of ours, once", () => {
    expect(localeParameter.parse("uk")).toBe("uk");
    expect(localeParameter.parse(undefined)).toBeUndefined();
    for (const bad of ["fr", "EN", "", ["en", "uk"]]) {
      const parsed = localeParameter.safeParse(bad);
      expect(parsed.success, String(bad)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("The language is one of en, uk.");
    }
  });
});
