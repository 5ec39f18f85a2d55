// What seats, the instructor and the server's clock ask of a table, as zod schemas. Every
// command carries its time (`at`, ISO or epoch ms) and its actor; `decide` judges it.
import { z } from "zod";
import { type Locale, locales } from "../i18n/locales.ts";
import { typedText } from "../protocol/text.ts";
import { idSchema } from "../scenario/ids.ts";

export const tableLimits = {
  displayName: 40,
  chat: 1000,
  note: 500,
  broadcast: 1000,
  extendRoundsBy: 50,
} as const;

/** The languages a bot's words are translated into: every one the product speaks but English. */
export type TranslatedLocale = Exclude<Locale, "en">;
export const translatedLocales = locales.filter((l): l is TranslatedLocale => l !== "en");
/** A bot's words in the other languages, beside its English `text`: a reader reads their own. */
export type Translations = Partial<Record<TranslatedLocale, string>>;

/**
 * A bot's words in the other languages, each as long as the English may be. Only seats a bot
 * plays send them (decide refuses them from people, whose words stay as they typed them).
 */
function translations(max: number) {
  const text = typedText(max, { min: 1 }).optional();
  const shape: Record<TranslatedLocale, typeof text> = { uk: text };
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `translations are keyed by language (${translatedLocales.join(", ")}); English is the text itself`
          : issue.code === "invalid_type"
            ? "translations must be an object of texts keyed by language"
            : undefined,
    })
    .optional();
}

/** ISO 8601 with offset, or epoch milliseconds. Events always carry epoch ms. */
export const timeSchema = z.union([
  z.iso.datetime({ offset: true, error: "at must be an ISO date-time with offset or epoch milliseconds" }),
  z.number().nonnegative().finite(),
]);
export type Time = z.infer<typeof timeSchema>;

export function toMillis(at: Time): number {
  return typeof at === "number" ? at : Date.parse(at);
}

/** A seat's role id, "instructor", or "system" (the server's timers). `decide` checks authority. */
export const actorSchema = idSchema;
export const instructorActor = "instructor";
export const systemActor = "system";

const base = { at: timeSchema, actor: actorSchema };
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...base, ...shape });

const displayName = typedText(tableLimits.displayName, { min: 1 });
const version = z.int().min(1);

export const commandSchemas = {
  // Seating. Claim and leave are a seat's own; assign and release are the instructor's.
  "claim-seat": command("claim-seat", { name: displayName.optional() }),
  "leave-seat": command("leave-seat", {}),
  /** With `bot`, the seat is played by a bot of that style until a person takes it. */
  "assign-seat": command("assign-seat", {
    seat: idSchema,
    name: displayName.optional(),
    bot: z.enum(["boulware", "linear", "conceder"]).optional(),
  }),
  "release-seat": command("release-seat", { seat: idSchema }),
  // The instructor's controls.
  start: command("start", {}),
  pause: command("pause", {}),
  resume: command("resume", {}),
  "inject-event": command("inject-event", { event: idSchema }),
  "extend-rounds": command("extend-rounds", { by: z.int().min(1).max(tableLimits.extendRoundsBy) }),
  "skip-turn": command("skip-turn", {}),
  "end-talks": command("end-talks", {}),
  broadcast: command("broadcast", { text: typedText(tableLimits.broadcast, { min: 1 }) }),
  // The negotiation itself.
  "set-option": command("set-option", { issue: idSchema, option: idSchema }),
  "clear-option": command("clear-option", { issue: idSchema }),
  "table-draft": command("table-draft", {}),
  accept: command("accept", { version }),
  object: command("object", {
    version,
    issues: z.array(idSchema).max(100),
    note: typedText(tableLimits.note),
    /** The note in the other languages (bot seats only). */
    noteTranslations: translations(tableLimits.note),
  }),
  pass: command("pass", {}),
  "walk-out": command("walk-out", { note: typedText(tableLimits.note).optional() }),
  /** Chat: without `to` on the public table, with `to` on the private channel with that seat. */
  say: command("say", {
    text: typedText(tableLimits.chat, { min: 1 }),
    to: idSchema.optional(),
    /** The text in the other languages (bot seats only). */
    translations: translations(tableLimits.chat),
  }),
  /** A bot's reasoning for its last move, kept in the log for the debrief (bot seats only). */
  "bot-note": command("bot-note", {
    text: typedText(tableLimits.chat, { min: 1 }),
    translations: translations(tableLimits.chat),
  }),
  /** The server's turn timer fired; refused unless the turn clock has really run out. */
  timeout: command("timeout", {}),
} as const;

export const commandSchema = z.discriminatedUnion("type", [
  commandSchemas["claim-seat"],
  commandSchemas["leave-seat"],
  commandSchemas["assign-seat"],
  commandSchemas["release-seat"],
  commandSchemas.start,
  commandSchemas.pause,
  commandSchemas.resume,
  commandSchemas["inject-event"],
  commandSchemas["extend-rounds"],
  commandSchemas["skip-turn"],
  commandSchemas["end-talks"],
  commandSchemas.broadcast,
  commandSchemas["set-option"],
  commandSchemas["clear-option"],
  commandSchemas["table-draft"],
  commandSchemas.accept,
  commandSchemas.object,
  commandSchemas.pass,
  commandSchemas["walk-out"],
  commandSchemas.say,
  commandSchemas["bot-note"],
  commandSchemas.timeout,
]);
export type TableCommand = z.infer<typeof commandSchema>;
export type CommandType = TableCommand["type"];
export type CommandOf<T extends CommandType> = Extract<TableCommand, { type: T }>;
export const commandTypes = Object.keys(commandSchemas) as CommandType[];
