// What a table's debrief holds, as zod schemas: the figures `debriefFor` computes from a table's
// config and log, which the server sends and the debrief page draws. Utilities are in points
// (0–100); distances are Euclidean, in the same points.
import { z } from "zod";
import { packageSchema } from "../package.ts";
import { idSchema, sourceRefSchema } from "../scenario/ids.ts";
import type { TranslatedLocale } from "../table/commands.ts";
import { conclusionReasons } from "../table/outcome.ts";
import { phases } from "../table/state.ts";

const perRole = z.record(idSchema, z.number());
const count = z.int().min(0);
const time = z.number().nonnegative();

/** A red line named with its role, its explanation and where it comes from. */
export const debriefRuleSchema = z.strictObject({
  role: idSchema,
  rule: idSchema,
  /** The rule's title for people; "Undisclosed red line N" where the reader may not know it. */
  title: z.string(),
  explanation: z.string(),
  sources: z.array(sourceRefSchema),
});
export type DebriefRule = z.infer<typeof debriefRuleSchema>;

/** A package the analysis found (Nash, Kalai–Smorodinsky, max welfare). */
export const debriefPointSchema = z.strictObject({
  package: packageSchema,
  utilities: perRole,
  /** Utility minus the no-deal value, per role. */
  gains: perRole,
});
export type DebriefPoint = z.infer<typeof debriefPointSchema>;

/** The analysis of the scenario as it stood at one moment (variant and news applied). */
export const debriefAnalysisSchema = z.strictObject({
  /** Scenario events applied, in order. */
  events: z.array(idSchema),
  variantByRole: z.record(idSchema, idSchema),
  /** Size of the whole outcome space. */
  packages: count,
  /** Each role's no-deal value (BATNA). */
  noDeal: perRole,
  /** Packages satisfying every red line. */
  feasible: count,
  /** Feasible packages strictly better than no deal for every role; null when too many to count. */
  zopa: count.nullable(),
  nash: debriefPointSchema.nullable(),
  kalaiSmorodinsky: debriefPointSchema.nullable(),
  maxWelfare: debriefPointSchema.nullable(),
  /** Pareto-optimal packages of the ZOPA; null when too many to enumerate. */
  paretoSize: count.nullable(),
  /** Each frontier package's utilities per role, as the analysis lists them. */
  pareto: z.array(perRole).nullable(),
  /** Minimal sets of red lines that cannot all hold; empty unless nothing is feasible. */
  collisions: z.array(z.array(debriefRuleSchema)),
  /** False when the collision search stopped at its limits. */
  collisionsComplete: z.boolean(),
});
export type DebriefAnalysis = z.infer<typeof debriefAnalysisSchema>;

export const debriefPartySchema = z.strictObject({
  role: idSchema,
  utility: z.number(),
  /** The role's no-deal value when the talks ended (or now, at a live table). */
  noDeal: z.number(),
  /** utility − noDeal. */
  gain: z.number(),
});
export type DebriefParty = z.infer<typeof debriefPartySchema>;

/** The agreed package, or, without an agreement, the last version tabled (flagged as such). */
export const debriefDealSchema = z.strictObject({
  source: z.enum(["agreed", "last-tabled"]),
  version: z.int().min(1),
  tabledBy: idSchema,
  at: time,
  package: packageSchema,
  complete: z.boolean(),
  /** Complete and breaking no red line in force at the end. */
  feasible: z.boolean(),
  /** Feasible and better than no deal for every role. */
  inZopa: z.boolean(),
  /** Red lines in force at the end that the package breaks. */
  violations: z.array(debriefRuleSchema),
  /** In role order; figures with the scenario as it stood at the end. */
  parties: z.array(debriefPartySchema),
  distanceToFrontier: z.number().nullable(),
  distanceToNash: z.number().nullable(),
  /** The nearest frontier package at least as good for every role, when there is one. */
  paretoImprovement: z.strictObject({ utilities: perRole, distance: z.number() }).nullable(),
});
export type DebriefDeal = z.infer<typeof debriefDealSchema>;

/** One tabled version's utility to every role, with the numbers in force when it was tabled. */
export const concessionPointSchema = z.strictObject({
  version: z.int().min(1),
  tabledBy: idSchema,
  at: time,
  /** The round it was tabled in. */
  round: z.int().min(1).nullable(),
  utilities: perRole,
  /** Each role's no-deal value at that moment. */
  noDeal: perRole,
});
export type ConcessionPoint = z.infer<typeof concessionPointSchema>;

export const debriefRefusalSchema = z.strictObject({
  seat: idSchema,
  action: z.enum(["table", "accept"]),
  /** The version it tried to accept; null when tabling its draft. */
  version: z.int().min(1).nullable(),
  at: time,
  round: z.int().min(1).nullable(),
  /** The seat's red lines the package broke, as they stood then. */
  rules: z.array(debriefRuleSchema),
});
export type DebriefRefusal = z.infer<typeof debriefRefusalSchema>;

/** The feasible set and ZOPA of the scenario with some red lines set aside. */
export const counterfactualSchema = z.strictObject({
  removed: z.array(z.strictObject({ role: idSchema, rule: idSchema, title: z.string() })),
  feasible: count,
  zopa: count.nullable(),
  nash: z.strictObject({ utilities: perRole }).nullable(),
});
export type Counterfactual = z.infer<typeof counterfactualSchema>;

export const debriefRedLinesSchema = z.strictObject({
  /** Every refused attempt to table or accept a package past the seat's own red lines. */
  refusals: z.array(debriefRefusalSchema),
  /** Refusals per role (every role listed). */
  refusalsBySeat: z.record(idSchema, count),
  /** The collisions of the scenario as it stood at the end (empty when a deal was possible). */
  collisions: z.array(z.array(debriefRuleSchema)),
  collisionsComplete: z.boolean(),
  /**
   * With every colliding red line set aside: what the ZOPA would have been. Null when nothing
   * collided.
   */
  withoutCollisions: counterfactualSchema.nullable(),
  /** With one colliding red line set aside at a time (at most a few, the most colliding first). */
  withoutEach: z.array(counterfactualSchema),
});
export type DebriefRedLines = z.infer<typeof debriefRedLinesSchema>;

const figuresSchema = z.strictObject({
  feasible: count,
  zopa: count.nullable(),
  paretoSize: count.nullable(),
  nash: z.strictObject({ utilities: perRole }).nullable(),
  noDeal: perRole,
});

export const injectedEventSchema = z.strictObject({
  event: idSchema,
  title: z.string(),
  /** The news flash every seat saw. */
  flash: z.string(),
  at: time,
  round: z.int().min(1).nullable(),
  /** Landed by itself at its round, rather than injected by the facilitator. */
  scheduled: z.boolean(),
  before: figuresSchema,
  after: figuresSchema,
});
export type InjectedEvent = z.infer<typeof injectedEventSchema>;

export const debriefMessageSchema = z.strictObject({
  from: idSchema,
  to: idSchema,
  text: z.string(),
  at: time,
});

export const debriefCommunicationSchema = z.strictObject({
  /** Public table messages per role (every role listed). */
  publicBySeat: z.record(idSchema, count),
  /** Every pair of roles once, in role order: private messages between them, and by each. */
  privateByPair: z.array(
    z.strictObject({
      seats: z.tuple([idSchema, idSchema]),
      count,
      bySeat: z.record(idSchema, count),
    }),
  ),
  /** False when the private channels' texts were withheld from this reader. */
  privateMessagesIncluded: z.boolean(),
  /** The private channels' messages, oldest first; empty when withheld. */
  privateMessages: z.array(debriefMessageSchema),
  /** Facilitator broadcasts to the table. */
  broadcasts: count,
  /**
   * Bots' reasoning for their moves, oldest first, in the reader's language. `translations` (the
   * bot's words in the other languages, as its `bot-noted` event has them) are kept in the figures
   * only, for `localizeDebrief` to choose from: a reader's copy has none.
   */
  botNotes: z.array(
    z.strictObject({
      seat: idSchema,
      text: z.string(),
      translations: z
        .strictObject({ uk: z.string().optional() } satisfies Record<TranslatedLocale, unknown>)
        .optional(),
      at: time,
      round: z.int().min(1).nullable(),
    }),
  ),
});
export type DebriefCommunication = z.infer<typeof debriefCommunicationSchema>;

/** One party's own reading of the talks: what it got, against what it could have had. */
export const debriefSideSchema = z.strictObject({
  role: idSchema,
  /** The agreement's score for it, or its no-deal value when there was no agreement. */
  got: z.number(),
  agreed: z.boolean(),
  /** Its no-deal value when the talks ended. */
  noDeal: z.number(),
  /**
   * The most any package gave it within everyone's red lines and better than no deal for every
   * party (its coordinate of the ideal point); null when no package was.
   */
  best: z.number().nullable(),
  /**
   * The issue of the agreed package (or, without one, the last tabled) where it gave up most
   * against its own best option on that issue: the option it got and the points given up.
   */
  gaveMost: z.strictObject({ issue: idSchema, option: idSchema, lost: z.number() }).nullable(),
});
export type DebriefSide = z.infer<typeof debriefSideSchema>;

export const debriefSchema = z.strictObject({
  /** `variantName` is the variant's title for people, e.g. "Back channel". */
  scenario: z.strictObject({ id: idSchema, title: z.string(), variant: idSchema, variantName: z.string() }),
  /** In the scenario's role order. `bot`: the style of a bot that played the seat, if any did. */
  roles: z.array(
    z.strictObject({
      id: idSchema,
      name: z.string(),
      occupant: z.string().nullable(),
      bot: z.enum(["boulware", "linear", "conceder"]).nullable(),
    }),
  ),
  status: z.strictObject({
    phase: z.enum(phases),
    concluded: z.boolean(),
    /** Null until the talks conclude ("not concluded"). */
    outcomeClass: idSchema.nullable(),
    /** The class as people read it: its title, what it means, and how a sentence names it. */
    outcome: z.strictObject({ title: z.string(), description: z.string(), phrase: z.string() }).nullable(),
    reason: z.enum(conclusionReasons).nullable(),
    walkedOut: idSchema.nullable(),
    /** The last round begun (0 before negotiations). */
    roundsPlayed: count,
    rounds: z.int().min(1),
    versionsTabled: count,
    /** Time of the last event in the log. */
    lastEventAt: time.nullable(),
  }),
  deal: debriefDealSchema.nullable(),
  analysis: z.strictObject({
    /** The scenario as it stood at the end (or now). */
    end: debriefAnalysisSchema,
    /** As it stood at the start, when news changed it since; null otherwise. */
    start: debriefAnalysisSchema.nullable(),
  }),
  concessions: z.array(concessionPointSchema),
  redLines: debriefRedLinesSchema,
  injectedEvents: z.array(injectedEventSchema),
  communication: debriefCommunicationSchema,
  /**
   * Each party's own side, in role order. Private figures (what it gave up where): a seat's copy
   * holds only its own (`withOwnSideOnly`).
   */
  sides: z.array(debriefSideSchema),
  /**
   * A few plain sentences from the figures above, in the reader's language (summary.ts, rendered
   * for each reader from this copy of the debrief).
   */
  summary: z.array(z.string()),
  /** Questions for the instructor to put to the class (questions.ts), rendered the same way. */
  questions: z.array(z.string()),
});
export type Debrief = z.infer<typeof debriefSchema>;

/**
 * A debrief before its sentences are written: the figures, with the scenario's words in one
 * language. What a seat may not read is taken out of this (debrief.ts) before the summary and
 * the questions are written from what is left.
 */
export type DebriefFigures = Omit<Debrief, "summary" | "questions">;
