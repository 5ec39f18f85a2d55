// The class view (every table of a workshop side by side, one row each) and what the debrief
// routes send and receive: the instructor's sharing choice and the debrief with it.
import { z } from "zod";
import { idSchema } from "../scenario/ids.ts";
import { conclusionReasons } from "../table/outcome.ts";
import { phases } from "../table/state.ts";
import { type DebriefFigures, debriefSchema } from "./schema.ts";

export const classRowSchema = z.strictObject({
  table: z.int().min(1),
  tableId: z.string(),
  phase: z.enum(phases),
  concluded: z.boolean(),
  /** Null while the talks are not concluded. */
  outcomeClass: idSchema.nullable(),
  /** The class's title, for people. */
  outcomeTitle: z.string().nullable(),
  reason: z.enum(conclusionReasons).nullable(),
  /** Rounds begun. */
  rounds: z.int().min(0),
  /** Which package the figures below are about: the agreed one, the last tabled, or none. */
  dealSource: z.enum(["agreed", "last-tabled"]).nullable(),
  version: z.int().min(1).nullable(),
  /**
   * What each role came away with: the agreement's utility, or its no-deal value without one.
   * Null per role while the table is live.
   */
  scores: z.record(idSchema, z.number().nullable()),
  /** Each role's no-deal value at the end (or now). */
  noDeal: z.record(idSchema, z.number()),
  /** score − no-deal value; null while live. */
  gains: z.record(idSchema, z.number().nullable()),
  /** Of the package named by `dealSource`. */
  distanceToNash: z.number().nullable(),
  distanceToFrontier: z.number().nullable(),
  redLineRefusals: z.int().min(0),
});
export type ClassRow = z.infer<typeof classRowSchema>;

/** One row of the class view from a table's debrief (its words in the reader's language: `localizeDebrief`). */
export function classRow(debrief: DebriefFigures, table: { number: number; id: string }): ClassRow {
  const { status, deal } = debrief;
  const noDeal = debrief.analysis.end.noDeal;
  const roles = debrief.roles.map((r) => r.id);
  const agreed = deal?.source === "agreed" ? deal : null;
  const score = (role: string): number | null => {
    if (!status.concluded) return null;
    if (agreed) return agreed.parties.find((p) => p.role === role)?.utility ?? null;
    return noDeal[role] ?? null;
  };
  const scores = Object.fromEntries(roles.map((role) => [role, score(role)]));
  return {
    table: table.number,
    tableId: table.id,
    phase: status.phase,
    concluded: status.concluded,
    outcomeClass: status.outcomeClass,
    outcomeTitle: status.outcome?.title ?? null,
    reason: status.reason,
    rounds: status.roundsPlayed,
    dealSource: deal?.source ?? null,
    version: deal?.version ?? null,
    scores,
    noDeal: { ...noDeal },
    gains: Object.fromEntries(
      roles.map((role) => {
        const s = scores[role];
        return [
          role,
          s === null || s === undefined ? null : Math.round((s - (noDeal[role] ?? 0)) * 1e9) / 1e9,
        ];
      }),
    ),
    distanceToNash: deal?.distanceToNash ?? null,
    distanceToFrontier: deal?.distanceToFrontier ?? null,
    redLineRefusals: debrief.redLines.refusals.length,
  };
}

export const classViewSchema = z.strictObject({
  workshop: z.strictObject({
    id: z.string(),
    joinCode: z.string(),
    scenarioId: idSchema,
    variant: idSchema,
    /** The variant's title for people. */
    variantName: z.string(),
  }),
  /** Column order and names for the scores. */
  roles: z.array(z.strictObject({ id: idSchema, name: z.string() })),
  tables: z.array(classRowSchema),
});
export type ClassView = z.infer<typeof classViewSchema>;

/** The instructor's choice for one table's debrief. */
export const debriefSharingSchema = z.strictObject({
  /** The table's students may read the debrief (once the talks are over). */
  shared: z.boolean(),
  /** They see the private channels' messages too. */
  revealChannels: z.boolean(),
  /**
   * They see every party's red lines in full. Otherwise each student reads their own seat's in
   * full and the others' as "one of Russia's red lines", with sources but no wording.
   */
  revealRedLines: z.boolean().default(false),
});
export type DebriefSharing = z.infer<typeof debriefSharingSchema>;

/** `POST …/debrief/sharing` answers the choice as stored. */
export const debriefSharingResponseSchema = z.strictObject({ sharing: debriefSharingSchema });

/** `GET …/debrief`: the debrief as this reader may see it, with the sharing choice. */
export const debriefResponseSchema = debriefSchema.extend({
  sharing: debriefSharingSchema,
  /** Who is reading: the instructor, or the seat whose token was sent. */
  viewer: z.union([z.literal("instructor"), idSchema]),
});
export type DebriefResponse = z.infer<typeof debriefResponseSchema>;
