// What a facilitator follows across a room of tables: each table's status at a glance, the
// refusals worth keeping in the log, and the alerts that call for attention. Derived only from
// table state and events, so the console, the replay and the debrief all agree.
import { z } from "zod";
import { idSchema } from "../scenario/ids.ts";
import { systemActor, type TableCommand, toMillis } from "./commands.ts";
import type { TableEvent } from "./events.ts";
import { conclusionReasons, noAgreementReasons, outcomeWords } from "./outcome.ts";
import type { Refusal } from "./refusals.ts";
import { phases, redLinesPhrase, roleName, type TableState } from "./state.ts";

/**
 * The events a refusal leaves in the log: none, except a seat trying to table or accept a
 * package past its own red lines, which the facilitator is alerted to and the debrief counts.
 */
export function refusalEvents(state: TableState, command: TableCommand, refusal: Refusal): TableEvent[] {
  if (refusal.code !== "red-line" || (command.type !== "table-draft" && command.type !== "accept")) return [];
  if (!(command.actor in state.seats)) return [];
  const rules = refusal.rules ?? (refusal.rule ? [refusal.rule] : []);
  if (rules.length === 0) return [];
  return [
    {
      type: "red-line-refused",
      at: toMillis(command.at),
      seat: command.actor,
      action: command.type === "accept" ? "accept" : "table",
      rules,
      version: command.type === "accept" ? command.version : null,
    },
  ];
}

export const tableStatusSchema = z.strictObject({
  phase: z.enum(phases),
  paused: z.boolean(),
  /** The round in play; once the talks are over, the round they ended in (0: before any began). */
  round: z.int().min(0),
  rounds: z.int().min(1),
  /** Whose turn it is, and when its clock runs out (epoch ms; frozen while paused). */
  turnSeat: idSchema.nullable(),
  turnEndsAt: z.number().nullable(),
  /** Milliseconds left on the turn clock when paused, so a paused tile shows a frozen clock. */
  pausedRemainingMs: z.number().nullable(),
  /** The number of the version on the table (0: nothing tabled yet) and who accepted it. */
  version: z.int().min(0),
  acceptedBy: z.array(idSchema),
  seats: z.array(
    z.strictObject({
      role: idSchema,
      name: z.string(),
      occupant: z.string().nullable(),
      occupied: z.boolean(),
      /** A bot plays the seat (it has no connection of its own). */
      bot: z.boolean(),
    }),
  ),
  injectedEvents: z.array(idSchema),
  redLineAttempts: z.int().min(0),
  /** The scenario's outcome class, once the talks are over… */
  outcome: idSchema.nullable(),
  /** …and its title, for people. */
  outcomeTitle: z.string().nullable(),
  /** How the talks ended: an agreement, the rounds running out, a walk-out or the instructor. */
  reason: z.enum(conclusionReasons).nullable(),
});
export type TableStatus = z.infer<typeof tableStatusSchema>;

export function tableStatus(state: TableState): TableStatus {
  const current = state.versions.at(-1);
  const turn = state.turn;
  return {
    phase: state.phase,
    paused: state.paused,
    round: turn?.round ?? state.lastRound,
    rounds: state.rounds,
    turnSeat: turn?.seat ?? null,
    turnEndsAt: turn?.endsAt ?? null,
    pausedRemainingMs:
      turn && state.paused && state.pausedAt !== null ? Math.max(0, turn.endsAt - state.pausedAt) : null,
    version: current?.number ?? 0,
    acceptedBy: current
      ? Object.entries(current.responses)
          .filter(([, response]) => response.stance === "accepted")
          .map(([seat]) => seat)
      : [],
    seats: state.turnOrder.map((role) => ({
      role,
      name: roleName(state, role),
      occupant: state.seats[role]?.occupant ?? null,
      occupied: state.seats[role]?.occupied ?? false,
      bot: (state.seats[role]?.bot ?? null) !== null,
    })),
    injectedEvents: [...state.effective.appliedEvents],
    redLineAttempts: state.redLineAttempts.length,
    outcome: state.outcome?.class ?? null,
    outcomeTitle: state.outcome ? outcomeWords(state.effective.scenario, state.outcome.class).title : null,
    reason: state.outcome?.reason ?? null,
  };
}

export const alertKinds = [
  "red-line",
  "walk-out",
  "seat-empty",
  "acceptance-withdrawn",
  "agreement",
  "concluded",
] as const;

export const tableAlertSchema = z.strictObject({
  kind: z.enum(alertKinds),
  /** The seat concerned, if one is. */
  seat: idSchema.nullable(),
  message: z.string(),
  at: z.number(),
});
export type TableAlert = z.infer<typeof tableAlertSchema>;

/** The alert an event raises for the facilitator, or null. `state` is the table after the event. */
export function alertFor(state: TableState, event: TableEvent): TableAlert | null {
  const name = (seat: string) => roleName(state, seat);
  switch (event.type) {
    case "red-line-refused": {
      const what = event.action === "accept" ? `accept version ${event.version}` : "table the draft";
      return {
        kind: "red-line",
        seat: event.seat,
        message: `${name(event.seat)} tried to ${what} past its ${redLinesPhrase(state, event.rules)}.`,
        at: event.at,
      };
    }
    case "walked-out":
      return {
        kind: "walk-out",
        seat: event.seat,
        message: `${name(event.seat)} walked out${event.note ? `: "${event.note}"` : "."}`,
        at: event.at,
      };
    case "seat-released":
      // A bot handing its seat to a person is no cause for alarm.
      if (event.by === systemActor) return null;
      return {
        kind: "seat-empty",
        seat: event.seat,
        message:
          event.by === event.seat
            ? `${name(event.seat)}'s seat is empty: its player left or lost the connection. Reassign it or wait for them.`
            : `${name(event.seat)}'s seat was released and is empty.`,
        at: event.at,
      };
    case "acceptance-withdrawn":
      return {
        kind: "acceptance-withdrawn",
        seat: event.seat,
        message: `${name(event.seat)}'s acceptance of version ${event.version} lapsed: the news broke its red line ${event.rules.join(", ")}.`,
        at: event.at,
      };
    case "talks-concluded": {
      const outcome = event.outcome;
      const { title } = outcomeWords(state.effective.scenario, outcome.class);
      return {
        kind: outcome.reason === "agreement" ? "agreement" : "concluded",
        seat: outcome.walkedOut,
        message:
          outcome.reason === "agreement"
            ? `Agreement on version ${outcome.version}: ${title}.`
            : `Talks over without agreement (${noAgreementReasons[outcome.reason]}): ${title}.`,
        at: event.at,
      };
    }
    default:
      return null;
  }
}
