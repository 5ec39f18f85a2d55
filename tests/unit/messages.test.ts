// The interface's messages (client/messages/<locale>/<area>.json): every language has every
// English key, each message parses as ICU, uses the same arguments as the English one, and covers
// the plural categories its language needs (Ukrainian: one, few, many, other). A Ukrainian
// message that is the English one, or has no Cyrillic letter, is reported unless it is a name.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { locales } from "@red-lines/shared/protocol";
import { describe, expect, it } from "vitest";

const messagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../client/messages");

type Tree = { [key: string]: string | Tree };

async function catalog(locale: string): Promise<Map<string, string>> {
  const flat = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const at = prefix ? `${prefix}.${key}` : key;
      if (typeof value === "string") flat.set(at, value);
      else walk(value, at);
    }
  };
  for (const file of (await readdir(path.join(messagesDir, locale)))
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    walk(
      JSON.parse(await readFile(path.join(messagesDir, locale, file), "utf8")),
      file.replace(/\.json$/, ""),
    );
  }
  return flat;
}

/** The arguments a message uses, and the plural categories of each plural argument. */
function shape(
  elements: MessageFormatElement[],
  into = { args: new Set<string>(), plurals: new Map<string, Set<string>>() },
) {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.args.add(`<${element.value}>`);
      shape(element.children, into);
      continue;
    }
    // `<name>Possessive` is English's form of a name (i18n/render.ts): other languages use the name.
    into.args.add(element.value.replace(/Possessive$/, ""));
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      if (element.type === TYPE.plural)
        into.plurals.set(element.value, new Set(Object.keys(element.options)));
      for (const option of Object.values(element.options)) shape(option.value, into);
    }
  }
  return into;
}

const pluralCategories = (locale: string) =>
  new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]);

const english = await catalog("en");
const others = locales.filter((locale) => locale !== "en");

describe("interface messages", () => {
  it("are valid ICU in English", () => {
    expect(english.size).toBeGreaterThan(0);
    for (const [key, message] of english) expect(() => parse(message), key).not.toThrow();
  });

  for (const locale of others) {
    it(`exist in ${locale} for every English key, with the same arguments and the language's plural forms`, async () => {
      const translated = await catalog(locale);
      const missing = [...english.keys()].filter((key) => !translated.has(key));
      const extra = [...translated.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      const needed = pluralCategories(locale);
      const problems: string[] = [];
      for (const [key, source] of english) {
        const message = translated.get(key) ?? "";
        let target: ReturnType<typeof shape>;
        try {
          target = shape(parse(message));
        } catch (error) {
          problems.push(`${key}: not ICU (${(error as Error).message})`);
          continue;
        }
        const want = shape(parse(source));
        const args = (s: Set<string>) => [...s].sort().join(",");
        if (args(want.args) !== args(target.args)) {
          problems.push(`${key}: arguments ${args(target.args)} instead of ${args(want.args)}`);
        }
        for (const [arg, categories] of target.plurals) {
          const lacking = [...needed].filter((c) => !categories.has(c));
          if (lacking.length > 0) problems.push(`${key}: plural ${arg} lacks ${lacking.join(", ")}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("are written in Ukrainian, not left in English", async () => {
    const translated = await catalog("uk");
    // Names and symbols that read the same in both languages.
    const same = /^(?:PDF|CSV|JSON|ID|URL|QR|OK|Red Lines|ZOPA|Nash|Pareto)$/;
    const untranslated = [...translated].filter(([key, message]) => {
      const text = literalText(parse(message)).trim();
      if (text === "" || same.test(text)) return false;
      if (english.get(key) === message) return true;
      return /[A-Za-z]{4,}/.test(text) && !/[А-Яа-яІіЇїЄєҐґ]/.test(text);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

/** The words a reader sees of a message: its literal text in every branch, without the ICU syntax. */
function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.tag) return literalText(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        return Object.values(element.options)
          .map((option) => literalText(option.value))
          .join(" ");
      return " ";
    })
    .join("");
}
