// A bot's phrases worded for its table: the English text every log and reader without a
// translation reads, and the same words in each other language the product speaks, so each
// reader reads the bot in their own (table/chat.ts `textIn`). Formatted with the engine's
// messages (i18n/catalogs.ts, client/messages/<locale>/bots.json) and cut to the command's limit.
import { renderer } from "../i18n/catalogs.ts";
import type { Phrase } from "../i18n/phrase.ts";
import type { Renderer } from "../i18n/render.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type TranslatedLocale, type Translations, translatedLocales } from "../table/commands.ts";

/** A bot's words as a command carries them. */
export type BotSaid = { text: string; translations: Translations };
/** Words a phrase of this table's bots, at most `max` characters in each language. */
export type BotWords = (said: Phrase, max: number) => BotSaid;

export function botWords(scenario: Scenario): BotWords {
  const english = renderer(scenario, "en");
  const others = translatedLocales.map((locale): [TranslatedLocale, Renderer] => [
    locale,
    renderer(scenario, locale),
  ]);
  return (said, max) => {
    const translations: Translations = {};
    for (const [locale, render] of others) translations[locale] = render(said).slice(0, max);
    return { text: english(said).slice(0, max), translations };
  };
}
