// What one perspective may see of a table: a seat sees the public table plus its own brief,
// numbers, red lines and private channels; an observer the public table; the instructor all.
import { z } from "zod";
import { roundPoints } from "../analysis/points.ts";
import { type Package, packageSchema } from "../package.ts";
import { checkRedLines } from "../redLines/check.ts";
import { ruleSchema } from "../redLines/rule.ts";
import { idSchema, sourceRefSchema } from "../scenario/ids.ts";
import { effectSchema } from "../scenario/schema.ts";
import { utility } from "../utility.ts";
import { instructorActor } from "./commands.ts";
import { conclusionReasons, outcomeClasses } from "./outcome.ts";
import { phases, roleIds, type TableState } from "./state.ts";

const at = z.number();
const sources = z.array(sourceRefSchema);

const violationViewSchema = z.strictObject({ rule: idSchema, explanation: z.string(), sources });

const messageViewSchema = z.strictObject({ from: idSchema, to: idSchema.nullable(), text: z.string(), at });

/** What only one seat (and the instructor) may know about that seat. */
export const seatPrivateViewSchema = z.strictObject({
  role: idSchema,
  /** The variant this role plays (events may switch it). */
  variant: idSchema,
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
  redLines: z.array(z.strictObject({ id: idSchema, rule: ruleSchema, explanation: z.string(), sources })),
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
      class: z.enum(outcomeClasses),
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

export const observerPerspective = "observer";
export type Perspective = string;

/** The view for a seat's role id, "observer" or "instructor"; anything else sees what an observer sees. */
export function viewFor(state: TableState, perspective: Perspective): TableView {
  const seat = roleIds(state).includes(perspective) ? perspective : null;
  const isInstructor = perspective === instructorActor;
  const { scenario } = state.effective;
  const canRead = (m: { from: string; to: string | null }) =>
    isInstructor || (seat !== null && (m.from === seat || m.to === seat));
  return {
    perspective: seat ?? (isInstructor ? instructorActor : observerPerspective),
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      documents: scenario.documents.map((d) => ({ file: d.file, title: d.title })),
    },
    phase: state.phase,
    paused: state.paused,
    rounds: state.rounds,
    turnSeconds: state.turnSeconds,
    turnOrder: [...state.turnOrder],
    turn: state.turn
      ? {
          ...state.turn,
          remainingMs: state.paused && state.pausedAt !== null ? state.turn.endsAt - state.pausedAt : null,
        }
      : null,
    seats: state.effective.roles.map((role) => ({
      role: role.id,
      name: role.name,
      publicStance: role.publicStance,
      occupied: state.seats[role.id]?.occupied ?? false,
      occupant: state.seats[role.id]?.occupant ?? null,
      bot: (state.seats[role.id]?.bot ?? null) !== null,
    })),
    issues: state.effective.issues.map((issue) => ({
      id: issue.id,
      name: issue.name,
      description: issue.description,
      options: issue.options.map((o) => ({ id: o.id, label: o.label, description: o.description ?? null })),
      sources: issue.sources,
    })),
    draft: { ...state.draft },
    currentVersion: state.versions.at(-1)?.number ?? null,
    versions: state.versions.map((v) => ({
      number: v.number,
      package: { ...v.package },
      tabledBy: v.tabledBy,
      at: v.at,
      complete: state.effective.issues.every((i) => v.package[i.id] !== undefined),
      acceptedBy: Object.entries(v.responses).flatMap(([s, r]) => (r.stance === "accepted" ? [s] : [])),
      objections: Object.entries(v.responses).flatMap(([s, r]) =>
        r.stance === "objected" ? [{ seat: s, issues: [...r.issues], note: r.note, at: r.at }] : [],
      ),
    })),
    news: state.news.map((item) => {
      const event = scenario.events.find((e) => e.id === item.event);
      return {
        event: item.event,
        title: event?.title ?? item.event,
        flash: event?.flash ?? "",
        sources: event?.sources ?? [],
        at: item.at,
        scheduled: item.scheduled,
      };
    }),
    broadcasts: state.broadcasts.map((b) => ({ ...b })),
    publicChat: state.messages.filter((m) => m.to === null).map((m) => ({ ...m })),
    privateChannels: privateChannels(state, canRead),
    outcome: state.outcome
      ? {
          class: state.outcome.class,
          reason: state.outcome.reason,
          version: state.outcome.version,
          package: state.outcome.package ? { ...state.outcome.package } : null,
          walkedOut: state.outcome.walkedOut,
          utilities: state.outcome.utilities ? { ...state.outcome.utilities } : null,
          batnas: { ...state.outcome.batnas },
        }
      : null,
    me: seat ? seatPrivateView(state, seat) : null,
    instructor: isInstructor ? instructorView(state) : null,
  };
}

function privateChannels(
  state: TableState,
  canRead: (m: { from: string; to: string | null }) => boolean,
): TableView["privateChannels"] {
  const channels = new Map<string, TableView["privateChannels"][number]>();
  for (const m of state.messages) {
    if (m.to === null || !canRead(m)) continue;
    const between = [m.from, m.to].sort() as [string, string];
    const key = between.join(" ");
    const channel = channels.get(key) ?? { between, messages: [] };
    channel.messages.push({ ...m });
    channels.set(key, channel);
  }
  return [...channels.values()];
}

const points = (x: number) => roundPoints(x);

function violationsOf(state: TableState, role: string, pkg: Package) {
  return checkRedLines(state.effective, role, pkg).map((v) => ({
    rule: v.rule,
    explanation: v.explanation,
    sources: v.sources,
  }));
}

export function seatPrivateView(state: TableState, role: string): SeatPrivateView {
  const { effective } = state;
  const authored = effective.scenario.roles.find((r) => r.id === role);
  const numbers = effective.utilities[role];
  if (!authored || !numbers) throw new Error(`unknown role "${role}"`);
  const variant = effective.variantByRole[role] ?? effective.variant;
  const note = effective.scenario.variants.find((v) => v.id === variant)?.briefNotes?.[role] ?? null;
  const batna = numbers.batna;
  return {
    role,
    variant,
    brief: {
      summary: authored.privateBrief.summary,
      priorities: [...authored.privateBrief.priorities],
      variantNote: note,
    },
    batna,
    startingBatna: effective.scenario.utilities[role]?.batna ?? batna,
    weights: { ...numbers.weights },
    scores: structuredClone(numbers.scores),
    redLines: (effective.redLines[role] ?? []).map((r) => ({
      id: r.id,
      rule: structuredClone(r.rule),
      explanation: r.explanation,
      sources: r.sources,
    })),
    draft: {
      utility: points(utility(effective, role, state.draft)),
      violations: violationsOf(state, role, state.draft),
    },
    versions: state.versions.map((v) => {
      const value = points(utility(effective, role, v.package));
      return {
        number: v.number,
        utility: value,
        gain: points(value - batna),
        violations: violationsOf(state, role, v.package),
      };
    }),
    outcomeUtility: state.outcome?.utilities?.[role] ?? null,
  };
}

function instructorView(state: TableState): InstructorView {
  const { effective } = state;
  return {
    variant: effective.variant,
    variantByRole: { ...effective.variantByRole },
    events: effective.scenario.events.map((e) => ({
      id: e.id,
      title: e.title,
      applied: effective.appliedEvents.includes(e.id),
      effects: structuredClone(e.effects),
    })),
    seats: roleIds(state).map((role) => seatPrivateView(state, role)),
    outcomeUtilities: state.outcome?.utilities ? { ...state.outcome.utilities } : null,
    redLineAttempts: state.redLineAttempts.map((attempt) => ({ ...attempt, rules: [...attempt.rules] })),
  };
}
