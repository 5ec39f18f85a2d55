// What one perspective may see of a table, as zod schemas: the shape `viewFor` produces and the
// browser parses. Client-safe: schemas only, no scenario data.
import { z } from "zod";
import { packageSchema } from "../package.ts";
import { ruleSchema } from "../redLines/rule.ts";
import { idSchema, sourceRefSchema } from "../scenario/ids.ts";
import { effectSchema } from "../scenario/schema.ts";
import { conclusionReasons } from "./outcome.ts";
import { phases } from "./state.ts";

const at = z.number();
const sources = z.array(sourceRefSchema);

const violationViewSchema = z.strictObject({
  rule: idSchema,
  title: z.string(),
  explanation: z.string(),
  sources,
});

const messageViewSchema = z.strictObject({ from: idSchema, to: idSchema.nullable(), text: z.string(), at });

/** What only one seat (and the instructor) may know about that seat. */
export const seatPrivateViewSchema = z.strictObject({
  role: idSchema,
  brief: z.strictObject({
    summary: z.string(),
    priorities: z.array(z.string()),
    variantNote: z.string().nullable(),
  }),
  batna: z.number(),
  startingBatna: z.number(),
  weights: z.record(idSchema, z.number()),
  scores: z.record(idSchema, z.record(idSchema, z.number())),
  /** The rules in force, with their data so a client can preview a move before making it. */
  redLines: z.array(
    z.strictObject({ id: idSchema, title: z.string(), rule: ruleSchema, explanation: z.string(), sources }),
  ),
  /** The live draft as this seat scores it: utility secured so far and own red lines it breaks. */
  draft: z.strictObject({ utility: z.number(), violations: z.array(violationViewSchema) }),
  versions: z.array(
    z.strictObject({
      number: z.int(),
      utility: z.number(),
      gain: z.number(),
      violations: z.array(violationViewSchema),
    }),
  ),
  /** The agreement's value to this seat, once there is one. */
  outcomeUtility: z.number().nullable(),
});
export type SeatPrivateView = z.infer<typeof seatPrivateViewSchema>;

export const instructorViewSchema = z.strictObject({
  variant: idSchema,
  variantByRole: z.record(idSchema, idSchema),
  events: z.array(
    z.strictObject({ id: idSchema, title: z.string(), applied: z.boolean(), effects: z.array(effectSchema) }),
  ),
  seats: z.array(seatPrivateViewSchema),
  outcomeUtilities: z.record(idSchema, z.number()).nullable(),
  /** Refused attempts to table or accept past a seat's own red lines, oldest first. */
  redLineAttempts: z.array(
    z.strictObject({
      seat: idSchema,
      action: z.enum(["table", "accept"]),
      rules: z.array(idSchema),
      version: z.int().min(1).nullable(),
      at: z.number(),
    }),
  ),
});
export type InstructorView = z.infer<typeof instructorViewSchema>;

export const tableViewSchema = z.strictObject({
  /** A seat's role id, "observer" or "instructor". */
  perspective: idSchema,
  scenario: z.strictObject({
    id: idSchema,
    title: z.string(),
    summary: z.string(),
    /** The seed documents that sources cite, so a citation can name its document. */
    documents: z.array(z.strictObject({ file: z.string(), title: z.string() })),
  }),
  phase: z.enum(phases),
  paused: z.boolean(),
  rounds: z.int(),
  turnSeconds: z.int(),
  turnOrder: z.array(idSchema),
  turn: z
    .strictObject({
      round: z.int(),
      seat: idSchema,
      endsAt: at,
      /** While paused, the time the turn will have when the table resumes. */
      remainingMs: z.number().nullable(),
    })
    .nullable(),
  seats: z.array(
    z.strictObject({
      role: idSchema,
      name: z.string(),
      publicStance: z.string(),
      occupied: z.boolean(),
      occupant: z.string().nullable(),
      /** A bot plays the seat until a person takes it. */
      bot: z.boolean(),
    }),
  ),
  issues: z.array(
    z.strictObject({
      id: idSchema,
      name: z.string(),
      description: z.string(),
      options: z.array(
        z.strictObject({ id: idSchema, label: z.string(), description: z.string().nullable() }),
      ),
      sources,
    }),
  ),
  /** How the latest turn ended: tabled, passed, ran out of time or skipped by the facilitator. */
  lastTurnEnd: z
    .strictObject({
      seat: idSchema,
      round: z.int(),
      how: z.enum(["tabled", "passed", "timed-out", "skipped"]),
      at,
    })
    .nullable(),
  draft: packageSchema,
  currentVersion: z.int().nullable(),
  versions: z.array(
    z.strictObject({
      number: z.int(),
      package: packageSchema,
      tabledBy: idSchema,
      at,
      complete: z.boolean(),
      acceptedBy: z.array(idSchema),
      objections: z.array(
        z.strictObject({ seat: idSchema, issues: z.array(idSchema), note: z.string(), at }),
      ),
    }),
  ),
  /** News flashes: what happened, not what it did to anyone's numbers. */
  news: z.array(
    z.strictObject({
      event: idSchema,
      title: z.string(),
      flash: z.string(),
      sources,
      at,
      scheduled: z.boolean(),
    }),
  ),
  broadcasts: z.array(z.strictObject({ text: z.string(), at })),
  publicChat: z.array(messageViewSchema),
  /** The private channels this perspective is part of (the instructor: all of them). */
  privateChannels: z.array(
    z.strictObject({ between: z.tuple([idSchema, idSchema]), messages: z.array(messageViewSchema) }),
  ),
  outcome: z
    .strictObject({
      /** The scenario's outcome class, with its title and description for people. */
      class: idSchema,
      title: z.string(),
      description: z.string(),
      reason: z.enum(conclusionReasons),
      version: z.int().nullable(),
      package: packageSchema.nullable(),
      walkedOut: idSchema.nullable(),
      /** Once the talks are over, each party's score of the agreement (null without one)… */
      utilities: z.record(idSchema, z.number()).nullable(),
      /** …and what no agreement was worth to it when they ended. */
      batnas: z.record(idSchema, z.number()),
    })
    .nullable(),
  me: seatPrivateViewSchema.nullable(),
  instructor: instructorViewSchema.nullable(),
});
export type TableView = z.infer<typeof tableViewSchema>;
