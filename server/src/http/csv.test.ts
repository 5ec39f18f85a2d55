import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./csv.ts";

describe("a CSV field", () => {
  it("is written as is when nothing in it needs quoting", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("it's fine")).toBe("it's fine");
    expect(csvField("")).toBe("");
  });

  it("is quoted when it holds a comma, a quote, CR or LF, with quotes doubled", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
    expect(csvField("one\r\ntwo")).toBe('"one\r\ntwo"');
    expect(csvField("ends with CR\r")).toBe('"ends with CR\r"');
    expect(csvField('"')).toBe('""""');
  });

  it("writes numbers and booleans as they are, and null or undefined as an empty field", () => {
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(0.5)).toBe("0.5");
    expect(csvField(true)).toBe("true");
    expect(csvField(false)).toBe("false");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(() => csvField(Number.NaN)).toThrow(/NaN/);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
  });

  it("defuses text a spreadsheet would run as a formula with a leading apostrophe", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+33 1 23")).toBe("'+33 1 23");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvField("\t=1")).toBe("'\t=1");
    // Guarded first, then quoted: the apostrophe sits inside the quotes.
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    expect(csvField('=HYPERLINK("http://example.com","click")')).toBe(
      '"\'=HYPERLINK(""http://example.com"",""click"")"',
    );
    // Only the first character counts.
    expect(csvField("1=1")).toBe("1=1");
    expect(csvField(" =1")).toBe(" =1");
    expect(csvField("a-b")).toBe("a-b");
  });

  it("passes unicode through untouched", () => {
    for (const text of ["Україна", "東京", "🇺🇦 🤝 🇪🇺", "e\u0301", "עברית", "\u2028"]) {
      expect(csvField(text)).toBe(text);
    }
    expect(csvField("«oui», dit-il")).toBe('"«oui», dit-il"');
  });
});

describe("a CSV record", () => {
  it("joins its fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", 1, null, "b,c", "=x"])).toBe('a,1,,"b,c",\'=x\r\n');
    expect(csvRecord([])).toBe("\r\n");
    expect(csvRecord([""])).toBe("\r\n");
  });

  it("keeps line breaks inside a quoted field out of the record's own line end", () => {
    const record = csvRecord(["line one\nline two", "last"]);
    expect(record).toBe('"line one\nline two",last\r\n');
    expect(record.endsWith("\r\n")).toBe(true);
    expect(record.slice(0, -2)).not.toMatch(/\r\n/);
  });
});
