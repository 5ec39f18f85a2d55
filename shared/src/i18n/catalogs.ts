// The engine's messages in every language, formatted with ICU (intl-messageformat), for what the
// server and the command line render themselves: each connection's refusals and views, the
// console, the debrief and the replay over HTTP, exports. Pages render phrases with next-intl
// from the same files (client/messages/<locale>/engine.json) and never import this one.
import { IntlMessageFormat } from "intl-messageformat";
import enBots from "../../../client/messages/en/bots.json" with { type: "json" };
import en from "../../../client/messages/en/engine.json" with { type: "json" };
import enFeed from "../../../client/messages/en/feed.json" with { type: "json" };
import enSummary from "../../../client/messages/en/summary.json" with { type: "json" };
import ukBots from "../../../client/messages/uk/bots.json" with { type: "json" };
import uk from "../../../client/messages/uk/engine.json" with { type: "json" };
import ukFeed from "../../../client/messages/uk/feed.json" with { type: "json" };
import ukSummary from "../../../client/messages/uk/summary.json" with { type: "json" };
import { findRedLine } from "../scenario/effective.ts";
import type { Scenario } from "../scenario/schema.ts";
import { localizeScenario } from "../scenario/translations.ts";
import type { Refusal, ShownRefusal } from "../table/refusals.ts";
import type { Locale } from "./locales.ts";
import type { Phrase, PhraseCode } from "./phrase.ts";
import { type FormatMessage, phraseRenderer, type Renderer } from "./render.ts";

type Tree = { [key: string]: string | Tree };
/** The engine's files of one language as one tree (their top-level keys do not overlap). */
function merged(...files: Tree[]): Tree {
  const tree: Tree = {};
  for (const file of files) {
    for (const [key, value] of Object.entries(file)) {
      if (key in tree) throw new Error(`The engine's messages define "${key}" twice.`);
      tree[key] = value;
    }
  }
  return tree;
}

const catalogs: Record<Locale, Tree> = {
  en: merged(en, enFeed, enSummary, enBots),
  uk: merged(uk, ukFeed, ukSummary, ukBots),
};

const compiled = new Map<string, IntlMessageFormat>();

function message(locale: Locale, code: PhraseCode): IntlMessageFormat {
  const key = `${locale}:${code}`;
  let format = compiled.get(key);
  if (!format) {
    let node: string | Tree | undefined = catalogs[locale];
    for (const part of code.split(".")) node = typeof node === "object" ? node[part] : undefined;
    if (typeof node !== "string") throw new Error(`The engine has no ${locale} message for ${code}.`);
    format = new IntlMessageFormat(node, locale, undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  return format;
}

export function formatMessage(locale: Locale): FormatMessage {
  return (code, values) => String(message(locale, code).format(values));
}

/** Renders phrases about `scenario` for a reader of `locale`. */
export function renderer(scenario: Scenario, locale: Locale): Renderer {
  return phraseRenderer(scenario, locale, formatMessage(locale));
}

/** One phrase in English: logs, errors thrown in scripts, tests. */
export function english(scenario: Scenario, phrase: Phrase): string {
  return renderer(scenario, "en")(phrase);
}

/** A refusal as its reader receives it: the sentence, and a red line's title and explanation, in their language. */
export function shownRefusal(scenario: Scenario, locale: Locale, refusal: Refusal): ShownRefusal {
  const { phrase, ...rest } = refusal;
  const rule = refusal.rule ? findRedLine(localizeScenario(scenario, locale), refusal.rule) : undefined;
  return {
    ...rest,
    message: renderer(scenario, locale)(phrase),
    phrase,
    ...(rule ? { title: rule.title, explanation: rule.explanation } : {}),
  };
}
