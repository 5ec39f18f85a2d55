// An erased student's name in the reader's language: the placeholder an erasure stores (in English,
// in the log, the seats and the exports) is shown from common.json `people.erasedStudent`; a name a
// person typed is shown as typed, and no name stays none.
import { erasedStudentName } from "@red-lines/shared/protocol";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { shownPersonName } from "../../client/lib/personName.ts";
import en from "../../client/messages/en/common.json";
import uk from "../../client/messages/uk/common.json";

describe("a person's name as a page shows it", () => {
  for (const [locale, messages] of [
    ["en", en],
    ["uk", uk],
  ] as const) {
    const t = createTranslator({ locale, messages, namespace: "people" });
    const erased = t("erasedStudent");

    it(`says the erased placeholder in ${locale}, and any other name as typed`, () => {
      expect(shownPersonName(erasedStudentName, erased)).toBe(erased);
      expect(shownPersonName("Ada", erased)).toBe("Ada");
      expect(shownPersonName(null, erased)).toBeNull();
      expect(shownPersonName(undefined, erased)).toBeUndefined();
    });
  }

  it("keeps the English the log stores, and gives Ukrainian readers their own words", () => {
    expect(en.people.erasedStudent).toBe(erasedStudentName);
    expect(uk.people.erasedStudent).not.toBe(erasedStudentName);
    expect(uk.people.erasedStudent).not.toMatch(/[A-Za-z]/);
  });
});
