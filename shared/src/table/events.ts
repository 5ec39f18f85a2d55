// What happened at a table, as zod schemas: the facts `decide` emits, the log stores and
// `evolve` folds. Each carries its time in epoch ms; ids stay stable because logs keep them.
import { z } from "zod";
import { packageSchema } from "../package.ts";
import { idSchema } from "../scenario/ids.ts";
import type { TranslatedLocale } from "./commands.ts";
import { outcomeSchema } from "./outcome.ts";

const at = z.number().nonnegative().finite();
const seat = idSchema;
/**
 * Set on an event whose student's words were erased on request (erasure.ts): the name replaced,
 * the text emptied. Absent on every event as played, so logs written before erasure existed parse.
 */
const erased = z.literal(true).optional();
/**
 * A bot's words in the other languages (commands.ts `Translations`), beside the English text each
 * reader without one reads. Absent on a person's words and on every event logged before bots
 * spoke more than English, so those logs parse.
 */
const translatedText = z.string().optional();
const translations = z
  .strictObject({ uk: translatedText } satisfies Record<TranslatedLocale, typeof translatedText>)
  .optional();
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), at, ...shape });

export const eventSchemas = {
  "seat-claimed": event("seat-claimed", {
    seat,
    name: z.string().nullable(),
    /** The seat itself, or the instructor assigning it. */
    by: idSchema,
    /** Set when a bot plays the seat: its style. Absent for people. */
    bot: z.enum(["boulware", "linear", "conceder"]).optional(),
    erased,
  }),
  "seat-released": event("seat-released", { seat, by: idSchema }),
  "briefing-started": event("briefing-started", {}),
  "negotiations-started": event("negotiations-started", {}),
  "turn-started": event("turn-started", { seat, round: z.int().min(1), endsAt: at }),
  "option-set": event("option-set", { seat, issue: idSchema, option: idSchema }),
  "option-cleared": event("option-cleared", { seat, issue: idSchema }),
  "version-tabled": event("version-tabled", { seat, version: z.int().min(1), package: packageSchema }),
  "version-accepted": event("version-accepted", { seat, version: z.int().min(1) }),
  "version-objected": event("version-objected", {
    seat,
    version: z.int().min(1),
    issues: z.array(idSchema),
    note: z.string(),
    noteTranslations: translations,
    erased,
  }),
  /** An injected event made a seat's acceptance break one of its red lines, so it lapses. */
  "acceptance-withdrawn": event("acceptance-withdrawn", {
    seat,
    version: z.int().min(1),
    rules: z.array(idSchema),
  }),
  "turn-passed": event("turn-passed", { seat }),
  "turn-timed-out": event("turn-timed-out", { seat }),
  "turn-skipped": event("turn-skipped", { seat }),
  "walked-out": event("walked-out", { seat, note: z.string().nullable(), erased }),
  "talks-paused": event("talks-paused", {}),
  "talks-resumed": event("talks-resumed", {}),
  "event-injected": event("event-injected", { event: idSchema, scheduled: z.boolean() }),
  "rounds-extended": event("rounds-extended", { by: z.int().min(1), rounds: z.int().min(1) }),
  "broadcast-sent": event("broadcast-sent", { text: z.string() }),
  /** An erased message keeps its place in the log with empty text (views show it as erased). */
  "message-sent": event("message-sent", {
    from: seat,
    to: seat.nullable(),
    text: z.string(),
    translations,
    erased,
  }),
  "talks-concluded": event("talks-concluded", { outcome: outcomeSchema }),
  /**
   * A seat tried to table or accept a package past its own red lines and was refused. Nothing
   * changes at the table; the log keeps it for the facilitator's alerts and the debrief.
   */
  /** Why a bot made its move: for the instructor and the debrief, never shown to the seats. */
  "bot-noted": event("bot-noted", { seat, text: z.string(), translations }),
  "red-line-refused": event("red-line-refused", {
    seat,
    action: z.enum(["table", "accept"]),
    rules: z.array(idSchema).min(1),
    /** The version it tried to accept; null when tabling the draft. */
    version: z.int().min(1).nullable(),
  }),
} as const;

export const eventSchema = z.discriminatedUnion("type", [
  eventSchemas["seat-claimed"],
  eventSchemas["seat-released"],
  eventSchemas["briefing-started"],
  eventSchemas["negotiations-started"],
  eventSchemas["turn-started"],
  eventSchemas["option-set"],
  eventSchemas["option-cleared"],
  eventSchemas["version-tabled"],
  eventSchemas["version-accepted"],
  eventSchemas["version-objected"],
  eventSchemas["acceptance-withdrawn"],
  eventSchemas["turn-passed"],
  eventSchemas["turn-timed-out"],
  eventSchemas["turn-skipped"],
  eventSchemas["walked-out"],
  eventSchemas["talks-paused"],
  eventSchemas["talks-resumed"],
  eventSchemas["event-injected"],
  eventSchemas["rounds-extended"],
  eventSchemas["broadcast-sent"],
  eventSchemas["message-sent"],
  eventSchemas["talks-concluded"],
  eventSchemas["red-line-refused"],
  eventSchemas["bot-noted"],
]);
export type TableEvent = z.infer<typeof eventSchema>;
export type EventType = TableEvent["type"];
export type EventOf<T extends EventType> = Extract<TableEvent, { type: T }>;
export const eventTypes = Object.keys(eventSchemas) as EventType[];
