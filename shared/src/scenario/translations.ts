// A scenario in other languages: its texts are written in English, and `translations` lays each
// other language over them, text by text, keyed by the ids the scenario already has (roles,
// issues and their options, red lines wherever they are declared, variants, events, outcome
// classes, documents by file). A text without a translation reads in English. Source citations
// (document files and sections) stay as they are: the seed documents are in English.
//
// One walk over a scenario's texts (`forEachText`) serves the check of a translation, the report
// of what is missing, and the localised scenario, so they cannot disagree about what a text is.
import { z } from "zod";
import { type Locale, locales } from "../i18n/locales.ts";
import { type EffectiveScenario, findRedLine } from "./effective.ts";
import { idSchema, textSchema } from "./ids.ts";

/** The languages a scenario may be translated into: every supported one but English, its own. */
export const translationLocales = locales.filter((locale) => locale !== "en") as Exclude<Locale, "en">[];
export type TranslationLocale = Exclude<Locale, "en">;

const named = z.strictObject({ name: textSchema.optional(), description: textSchema.optional() });

export const scenarioTranslationSchema = z.strictObject({
  title: textSchema.optional(),
  summary: textSchema.optional(),
  /** Document titles by file (the documents themselves stay in English). */
  documents: z.record(z.string().min(1), z.strictObject({ title: textSchema })).optional(),
  roles: z
    .record(
      idSchema,
      z.strictObject({
        name: textSchema.optional(),
        publicStance: textSchema.optional(),
        privateBrief: z
          .strictObject({ summary: textSchema.optional(), priorities: z.array(textSchema).optional() })
          .optional(),
      }),
    )
    .optional(),
  issues: z
    .record(
      idSchema,
      named.extend({
        options: z
          .record(
            idSchema,
            z.strictObject({ label: textSchema.optional(), description: textSchema.optional() }),
          )
          .optional(),
      }),
    )
    .optional(),
  /** Every red line by its id: the scenario's own, its variants', and those events add. */
  redLines: z
    .record(idSchema, z.strictObject({ title: textSchema.optional(), explanation: textSchema.optional() }))
    .optional(),
  variants: z
    .record(idSchema, named.extend({ briefNotes: z.record(idSchema, textSchema).optional() }))
    .optional(),
  events: z
    .record(idSchema, z.strictObject({ title: textSchema.optional(), flash: textSchema.optional() }))
    .optional(),
  outcomes: z
    .record(
      idSchema,
      z.strictObject({
        title: textSchema.optional(),
        description: textSchema.optional(),
        phrase: textSchema.optional(),
      }),
    )
    .optional(),
});
export type ScenarioTranslation = z.infer<typeof scenarioTranslationSchema>;

/** The languages a translation may be in, as the problem of another one names them. */
export const translationLanguages = translationLocales.join(", ");
export const languagesError = `translations are keyed by language: ${translationLanguages} (the scenario's own texts are English)`;

export const scenarioTranslationsSchema = z.partialRecord(
  z.enum(translationLocales as [TranslationLocale, ...TranslationLocale[]], { error: languagesError }),
  scenarioTranslationSchema,
  // A language not listed is reported as an unrecognised key (which zod's types do not list for records).
  { error: (issue) => ((issue.code as string) === "unrecognized_keys" ? languagesError : undefined) },
);
export type ScenarioTranslations = z.infer<typeof scenarioTranslationsSchema>;

/** The parts of a scenario whose texts are translated (structurally, so schema.ts can import this). */
type Texts = {
  title: string;
  summary: string;
  documents: { file: string; title: string }[];
  roles: {
    id: string;
    name: string;
    publicStance: string;
    privateBrief: { summary: string; priorities: string[] };
  }[];
  issues: {
    id: string;
    name: string;
    description: string;
    options: { id: string; label: string; description?: string | undefined }[];
  }[];
  redLines: Record<string, { id: string; title: string; explanation: string }[]>;
  variants: {
    id: string;
    name: string;
    description: string;
    redLines: Record<string, { id: string; title: string; explanation: string }[]>;
    briefNotes?: Record<string, string> | undefined;
  }[];
  events: {
    id: string;
    title: string;
    flash: string;
    effects: ({ kind: string } & { redLine?: unknown })[];
  }[];
  outcomes: { id: string; title: string; description: string; phrase?: string | undefined }[];
};

/** One text of a scenario: where it is in a translation, and its English. */
export type TextSlot = {
  /** The path of its translation, e.g. ["issues", "territory", "options", "deferred", "label"]. */
  key: string[];
  english: string;
  /** Puts a text in its place, in a scenario being localised. */
  set(text: string): void;
};

/** Visits every text of a scenario once, in file order. Mutating `set` is for a private copy. */
export function forEachText(scenario: Texts, visit: (slot: TextSlot) => void): void {
  const text = (key: string[], english: string, set: (value: string) => void) => visit({ key, english, set });
  text(["title"], scenario.title, (value) => {
    scenario.title = value;
  });
  text(["summary"], scenario.summary, (value) => {
    scenario.summary = value;
  });
  for (const document of scenario.documents) {
    text(["documents", document.file, "title"], document.title, (value) => {
      document.title = value;
    });
  }
  for (const role of scenario.roles) {
    text(["roles", role.id, "name"], role.name, (value) => {
      role.name = value;
    });
    text(["roles", role.id, "publicStance"], role.publicStance, (value) => {
      role.publicStance = value;
    });
    text(["roles", role.id, "privateBrief", "summary"], role.privateBrief.summary, (value) => {
      role.privateBrief.summary = value;
    });
    role.privateBrief.priorities.forEach((priority, index) => {
      text(["roles", role.id, "privateBrief", "priorities", String(index)], priority, (value) => {
        role.privateBrief.priorities[index] = value;
      });
    });
  }
  for (const issue of scenario.issues) {
    text(["issues", issue.id, "name"], issue.name, (value) => {
      issue.name = value;
    });
    text(["issues", issue.id, "description"], issue.description, (value) => {
      issue.description = value;
    });
    for (const option of issue.options) {
      text(["issues", issue.id, "options", option.id, "label"], option.label, (value) => {
        option.label = value;
      });
      const description = option.description;
      if (description !== undefined) {
        text(["issues", issue.id, "options", option.id, "description"], description, (value) => {
          option.description = value;
        });
      }
    }
  }
  const redLine = (line: { id: string; title: string; explanation: string }) => {
    text(["redLines", line.id, "title"], line.title, (value) => {
      line.title = value;
    });
    text(["redLines", line.id, "explanation"], line.explanation, (value) => {
      line.explanation = value;
    });
  };
  for (const lines of Object.values(scenario.redLines)) lines.forEach(redLine);
  for (const variant of scenario.variants) {
    text(["variants", variant.id, "name"], variant.name, (value) => {
      variant.name = value;
    });
    text(["variants", variant.id, "description"], variant.description, (value) => {
      variant.description = value;
    });
    for (const lines of Object.values(variant.redLines)) lines.forEach(redLine);
    const notes = variant.briefNotes;
    for (const [role, note] of Object.entries(notes ?? {})) {
      text(["variants", variant.id, "briefNotes", role], note, (value) => {
        if (notes) notes[role] = value;
      });
    }
  }
  for (const event of scenario.events) {
    text(["events", event.id, "title"], event.title, (value) => {
      event.title = value;
    });
    text(["events", event.id, "flash"], event.flash, (value) => {
      event.flash = value;
    });
    for (const effect of event.effects) {
      if (effect.kind === "addRedLine")
        redLine(effect.redLine as { id: string; title: string; explanation: string });
    }
  }
  for (const outcome of scenario.outcomes) {
    text(["outcomes", outcome.id, "title"], outcome.title, (value) => {
      outcome.title = value;
    });
    text(["outcomes", outcome.id, "description"], outcome.description, (value) => {
      outcome.description = value;
    });
    const phrase = outcome.phrase;
    if (phrase !== undefined) {
      text(["outcomes", outcome.id, "phrase"], phrase, (value) => {
        outcome.phrase = value;
      });
    }
  }
}

/** The translation at `key` in an overlay, when there is one. */
function lookUp(translation: unknown, key: readonly string[]): string | undefined {
  let at: unknown = translation;
  for (const part of key) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === "string" ? at : undefined;
}

/** Every text path an overlay holds, for finding those that name no text of the scenario. */
function overlayKeys(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value === "string") return [prefix];
  if (Array.isArray(value))
    return value.flatMap((item, index) => overlayKeys(item, [...prefix, String(index)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([name, item]) => overlayKeys(item, [...prefix, name]));
  }
  return [];
}

const keyText = (key: readonly string[]) => key.join(".");

/**
 * Where a translation names something the scenario does not have (a mistyped id, a priority
 * beyond the brief's): paths under `translations.<locale>`, each with a sentence.
 */
export function translationErrors(scenario: Texts & { translations?: ScenarioTranslations | undefined }): {
  path: (string | number)[];
  message: string;
  problem: { code: "translation.stray"; values: { at: string } };
}[] {
  const known = new Set<string>();
  forEachText(scenario, (slot) => known.add(keyText(slot.key)));
  const errors: ReturnType<typeof translationErrors> = [];
  for (const [locale, translation] of Object.entries(scenario.translations ?? {})) {
    for (const key of overlayKeys(translation)) {
      if (!known.has(keyText(key))) {
        const at = keyText(key);
        errors.push({
          path: ["translations", locale, ...key],
          message: `no text of the scenario is at ${at}: check the id, or remove this translation`,
          // The studio's words for it, in its reader's language (client/messages/<locale>/checks.json).
          problem: { code: "translation.stray", values: { at } },
        });
      }
    }
  }
  return errors;
}

export type TranslationCoverage = {
  locale: TranslationLocale;
  /** How many texts the scenario has, and how many of them this language translates. */
  texts: number;
  translated: number;
  /** The texts still in English only, as paths in the translation (e.g. `roles.us.name`). */
  missing: string[];
};

export function translationCoverage(
  scenario: Texts & { translations?: ScenarioTranslations | undefined },
  locale: TranslationLocale,
): TranslationCoverage {
  const translation = scenario.translations?.[locale];
  const missing: string[] = [];
  let texts = 0;
  forEachText(scenario, (slot) => {
    texts += 1;
    if (lookUp(translation, slot.key) === undefined) missing.push(keyText(slot.key));
  });
  return { locale, texts, translated: texts - missing.length, missing };
}

const localized = new Map<Locale, WeakMap<object, object>>();

/**
 * The scenario as a reader of `locale` reads it: each translated text in place of its English,
 * the rest in English. English, or a scenario without that language, is the scenario itself.
 * The copy is made once per scenario and language.
 */
export function localizeScenario<S extends Texts & { translations?: ScenarioTranslations | undefined }>(
  scenario: S,
  locale: Locale,
): S {
  if (locale === "en") return scenario;
  const translation = scenario.translations?.[locale];
  if (!translation) return scenario;
  let cache = localized.get(locale);
  if (!cache) {
    cache = new WeakMap();
    localized.set(locale, cache);
  }
  const cached = cache.get(scenario);
  if (cached) return cached as S;
  const copy = structuredClone(scenario);
  forEachText(copy, (slot) => {
    const text = lookUp(translation, slot.key);
    if (text !== undefined) slot.set(text);
  });
  cache.set(scenario, copy);
  return copy;
}

/** Drops empty objects left where every translation inside was removed. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== "object") return value;
  const kept = Object.entries(value)
    .map(([name, item]) => [name, withoutEmpty(item)] as const)
    .filter(
      ([, item]) =>
        !(
          item !== null &&
          typeof item === "object" &&
          !Array.isArray(item) &&
          Object.keys(item).length === 0
        ),
    );
  return Object.fromEntries(kept);
}

/**
 * The scenario without the translations of texts it no longer has, for an editor that removes a
 * role, an issue, an option or a red line (a file with such translations is refused instead:
 * `translationErrors`). The scenario itself when there are none.
 */
export function withoutStrayTranslations<
  S extends Texts & { translations?: ScenarioTranslations | undefined },
>(scenario: S): S {
  if (!scenario.translations) return scenario;
  const known = new Set<string>();
  forEachText(scenario, (slot) => known.add(keyText(slot.key)));
  let dropped = false;
  const pruned: Record<string, unknown> = {};
  for (const [locale, translation] of Object.entries(scenario.translations)) {
    const copy = structuredClone(translation) as Record<string, unknown>;
    for (const key of overlayKeys(translation)) {
      if (known.has(keyText(key))) continue;
      dropped = true;
      let parent: unknown = copy;
      for (const part of key.slice(0, -1)) parent = (parent as Record<string, unknown>)[part];
      const last = key.at(-1) as string;
      // A list (priorities) loses its tail from the first text the scenario no longer has.
      if (Array.isArray(parent)) parent.length = Math.min(parent.length, Number(last));
      else delete (parent as Record<string, unknown>)[last];
    }
    pruned[locale] = withoutEmpty(copy);
  }
  return dropped ? { ...scenario, translations: pruned as ScenarioTranslations } : scenario;
}

/** A translation overlay with ids renamed (a studio rename of a role, an issue or an option). */
export function renameInTranslations(
  translations: ScenarioTranslations,
  renames: {
    role?: (id: string) => string;
    issue?: (id: string) => string;
    option?: { issue: string; rename: (id: string) => string };
  },
): ScenarioTranslations {
  const keys = <T>(value: Record<string, T> | undefined, rename?: (id: string) => string) =>
    value && rename
      ? Object.fromEntries(Object.entries(value).map(([id, item]) => [rename(id), item]))
      : value;
  return Object.fromEntries(
    Object.entries(translations).map(([locale, translation]) => {
      const issues = translation.issues
        ? Object.fromEntries(
            Object.entries(translation.issues).map(([issue, text]) => [
              renames.issue ? renames.issue(issue) : issue,
              renames.option && renames.option.issue === issue && text.options
                ? { ...text, options: keys(text.options, renames.option.rename) }
                : text,
            ]),
          )
        : undefined;
      const variants = translation.variants
        ? Object.fromEntries(
            Object.entries(translation.variants).map(([variant, text]) => [
              variant,
              text.briefNotes ? { ...text, briefNotes: keys(text.briefNotes, renames.role) } : text,
            ]),
          )
        : undefined;
      return [
        locale,
        {
          ...translation,
          ...(translation.roles ? { roles: keys(translation.roles, renames.role) } : {}),
          ...(issues ? { issues } : {}),
          ...(variants ? { variants } : {}),
        },
      ];
    }),
  ) as ScenarioTranslations;
}

const localizedEffective = new Map<Locale, WeakMap<EffectiveScenario, EffectiveScenario>>();

/**
 * A table's scenario as it stands (variant and events applied), in `locale`: the same numbers
 * and rules, each text read from the translation. Made once per scenario state and language, so
 * every reader of a language shares it (and the views made from it).
 */
export function localizeEffective(effective: EffectiveScenario, locale: Locale): EffectiveScenario {
  if (locale === "en" || !effective.scenario.translations?.[locale]) return effective;
  let cache = localizedEffective.get(locale);
  if (!cache) {
    cache = new WeakMap();
    localizedEffective.set(locale, cache);
  }
  const cached = cache.get(effective);
  if (cached) return cached;
  const scenario = localizeScenario(effective.scenario, locale);
  const copy: EffectiveScenario = {
    ...effective,
    scenario,
    roles: effective.roles.map((role) => scenario.roles.find((r) => r.id === role.id) ?? role),
    issues: effective.issues.map((issue) => scenario.issues.find((i) => i.id === issue.id) ?? issue),
    redLines: Object.fromEntries(
      Object.entries(effective.redLines).map(([role, lines]) => [
        role,
        lines.map((line) => {
          const words = findRedLine(scenario, line.id);
          return words ? { ...line, title: words.title, explanation: words.explanation } : line;
        }),
      ]),
    ),
  };
  cache.set(effective, copy);
  return copy;
}
