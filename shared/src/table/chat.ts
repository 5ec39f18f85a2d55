// Talk at the table: the public chat every seat and observer reads, and private channels
// between two seats that only those two (and the instructor) read. A person's words stay as they
// typed them; a bot's come in every language the product speaks (its English `text` and its
// `translations`), and each reader reads them in their own (`textIn`).
import type { Locale } from "../i18n/locales.ts";
import { phrase } from "../i18n/phrase.ts";
import { knownSeat, mustBeSeat, mustBeSeated } from "./authority.ts";
import type { CommandOf, Translations } from "./commands.ts";
import { type Decision, type Refusal, refuse } from "./refusals.ts";
import type { TableState } from "./state.ts";

/** Words as a reader of `locale` reads them: their translation, where a bot gave one, or the text. */
export function textIn(locale: Locale, text: string, translations: Translations | undefined): string {
  return (locale === "en" ? undefined : translations?.[locale]) ?? text;
}

/** Translations come only with a bot's words: a person's are shown as they were written. */
export function botTranslationsOnly(
  state: TableState,
  actor: string,
  translations: Translations | undefined,
): Refusal | null {
  if (translations === undefined || state.seats[actor]?.bot) return null;
  return refuse("not-allowed", phrase("botRefusal.translations-from-person"));
}

/** Translations as an event carries them: the languages given a text, or none at all. */
export function givenTranslations(translations: Translations | undefined): Translations | undefined {
  const given = Object.entries(translations ?? {}).filter(([, text]) => typeof text === "string");
  return given.length > 0 ? (Object.fromEntries(given) as Translations) : undefined;
}

export function say(state: TableState, command: CommandOf<"say">, at: number): Decision {
  const to = command.to ?? null;
  const translations = givenTranslations(command.translations);
  const refusal =
    mustBeSeat(state, command.actor, "use-chat") ??
    mustBeSeated(state, command.actor) ??
    (to === null ? null : knownSeat(state, to)) ??
    (to === command.actor ? refuse("invalid-recipient", phrase("refusal.message-yourself")) : null) ??
    botTranslationsOnly(state, command.actor, command.translations);
  if (refusal) return { ok: false, refusal };
  return {
    ok: true,
    events: [
      {
        type: "message-sent",
        at,
        from: command.actor,
        to,
        text: command.text,
        ...(translations ? { translations } : {}),
      },
    ],
  };
}

/** A bot's reasoning, from a seat a bot is playing; people have their own words at the table. */
export function botNote(state: TableState, command: CommandOf<"bot-note">, at: number): Decision {
  const refusal =
    mustBeSeat(state, command.actor, "note-bot-reasoning") ??
    mustBeSeated(state, command.actor) ??
    (state.seats[command.actor]?.bot ? null : refuse("not-allowed", phrase("refusal.bot-note-not-allowed")));
  if (refusal) return { ok: false, refusal };
  const translations = givenTranslations(command.translations);
  return {
    ok: true,
    events: [
      {
        type: "bot-noted",
        at,
        seat: command.actor,
        text: command.text,
        ...(translations ? { translations } : {}),
      },
    ],
  };
}
