// A phrase in a reader's language: its references named from the scenario in that language
// (localizeScenario), then its message formatted. The formatting is the caller's (the server and
// the CLI use ICU messages through intl-messageformat, catalogs.ts; a page uses next-intl), so
// this file carries no messages and no ICU runtime, and pages may import it.
//
// Beside each value a message may use two derived ones: `<name>Possessive` for a seat ("Ukraine's",
// "the United States'": English only needs it) and `<name>Count` for a list, for its plural.

import { findRedLine } from "../scenario/effective.ts";
import { findOutcomeClass, outcomePhrase } from "../scenario/outcomes.ts";
import type { Scenario } from "../scenario/schema.ts";
import { localizeScenario } from "../scenario/translations.ts";
import { listWords, possessive, withoutGloss } from "../words.ts";
import type { Locale } from "./locales.ts";
import type { Phrase, PhraseCode, PhraseValue } from "./phrase.ts";

export type FormatMessage = (code: PhraseCode, values: Record<string, string | number>) => string;

const quotes: Record<Locale, [string, string]> = { en: ["“", "”"], uk: ["«", "»"] };

export function quote(locale: Locale, text: string): string {
  const [open, close] = quotes[locale];
  return `${open}${text}${close}`;
}

/** "A, B and C" in English; the language's own conjunction list otherwise. */
export function listIn(locale: Locale, words: readonly string[]): string {
  if (locale === "en") return listWords(words);
  return new Intl.ListFormat(locale, { type: "conjunction", style: "long" }).format(words);
}

/** A seat's name without its bracketed gloss: "United States (Washington)" reads "United States". */
function roleName(scenario: Scenario, id: string): string {
  return withoutGloss(scenario.roles.find((r) => r.id === id)?.name ?? id);
}

export type Renderer = (phrase: Phrase) => string;

/**
 * Renders phrases for one reader: `scenario` is the table's scenario in English (it is localised
 * here), `format` formats one message of the reader's language.
 */
export function phraseRenderer(scenario: Scenario, locale: Locale, format: FormatMessage): Renderer {
  const words = localizeScenario(scenario, locale);
  const issue = (id: string) => words.issues.find((i) => i.id === id);
  const redLine = (id: string) => findRedLine(words, id)?.title ?? id;
  const render: Renderer = (phrase) => {
    const values: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(phrase.values ?? {})) resolve(key, value, values);
    return format(phrase.code, values);
  };
  function resolve(key: string, value: PhraseValue, into: Record<string, string | number>) {
    if (typeof value === "string" || typeof value === "number") {
      into[key] = value;
      return;
    }
    const list = (names: string[]) => {
      into[key] = listIn(locale, names);
      into[`${key}Count`] = names.length;
    };
    if ("role" in value) {
      into[key] = roleName(words, value.role);
      into[`${key}Possessive`] = possessive(into[key]);
    } else if ("roles" in value) {
      list(value.roles.map((id) => roleName(words, id)));
      into[`${key}Possessive`] = possessive(String(into[key]));
    } else if ("issue" in value) into[key] = issue(value.issue)?.name ?? value.issue;
    else if ("issues" in value) list(value.issues.map((id) => issue(id)?.name ?? id));
    else if ("option" in value)
      into[key] = issue(value.of)?.options.find((o) => o.id === value.option)?.label ?? value.option;
    else if ("event" in value)
      into[key] = words.events.find((e) => e.id === value.event)?.title ?? value.event;
    else if ("redLine" in value) into[key] = redLine(value.redLine);
    else if ("redLineExplanation" in value)
      into[key] = findRedLine(words, value.redLineExplanation)?.explanation ?? "";
    else if ("redLines" in value) list(value.redLines.map((id) => quote(locale, redLine(id))));
    else if ("outcome" in value)
      into[key] = findOutcomeClass(words.outcomes, value.outcome)?.title ?? value.outcome;
    else if ("outcomePhrase" in value) {
      const found = findOutcomeClass(words.outcomes, value.outcomePhrase);
      into[key] = found ? outcomePhrase(found).replace(/^“(.*)”$/, (_, title) => quote(locale, title)) : "";
    } else if ("document" in value)
      into[key] = words.documents.find((d) => d.file === value.document)?.title ?? value.document;
    else into[key] = render(value.phrase);
  }
  return render;
}
