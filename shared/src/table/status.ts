// What a facilitator follows across a room of tables: each table's status at a glance, the
// refusals worth keeping in the log, and the alerts that call for attention. Derived only from
// table state and events, so the console, the replay and the debrief all agree.

import { z } from "zod";
import type { Locale } from "../i18n/locales.ts";
import { type Phrase, phrase, phraseSchema } from "../i18n/phrase.ts";
import type { Renderer } from "../i18n/render.ts";
import { idSchema } from "../scenario/ids.ts";
import type { Scenario } from "../scenario/schema.ts";
import { localizeScenario } from "../scenario/translations.ts";
import { withoutGloss } from "../words.ts";
import { systemActor, type TableCommand, toMillis } from "./commands.ts";
import type { TableEvent } from "./events.ts";
import { conclusionReasons, noAgreementReasons, outcomeWords } from "./outcome.ts";
import type { Refusal } from "./refusals.ts";
import { phases, roleName, type TableState } from "./state.ts";

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
      /** The seat's name, in the language of whoever receives the status (`localizeStatus`). */
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
  /** …and its title, for people (in the receiver's language, like the seats' names). */
  outcomeTitle: z.string().nullable(),
  /** How the talks ended: an agreement, the rounds running out, a walk-out or the instructor. */
  reason: z.enum(conclusionReasons).nullable(),
});
export type TableStatus = z.infer<typeof tableStatusSchema>;

/** The table's status, its names in `locale` (English by default). */
export function tableStatus(state: TableState, locale: Locale = "en"): TableStatus {
  const current = state.versions.at(-1);
  const turn = state.turn;
  const status: TableStatus = {
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
  return locale === "en" ? status : localizeStatus(status, state.effective.scenario, locale);
}

/**
 * A status in a reader's language: its seats' names and its outcome's title from the scenario's
 * translation (English where it has none). For a status made elsewhere, e.g. one a table's room
 * published to the console, read in each console connection's language.
 */
export function localizeStatus(status: TableStatus, scenario: Scenario, locale: Locale): TableStatus {
  const words = localizeScenario(scenario, locale);
  return {
    ...status,
    seats: status.seats.map((seat) => {
      const role = words.roles.find((r) => r.id === seat.role);
      // Without its bracketed gloss, as roleName says it: "Europe (EU with UK, …)" is "Europe".
      return role ? { ...seat, name: withoutGloss(role.name) } : seat;
    }),
    outcomeTitle: status.outcome === null ? null : outcomeWords(words, status.outcome).title,
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

/** An alert as a facilitator receives it: the sentence in their language. */
export const tableAlertSchema = z.strictObject({
  kind: z.enum(alertKinds),
  /** The seat concerned, if one is. */
  seat: idSchema.nullable(),
  message: z.string(),
  /** The phrase the message was rendered from (feed.json `alert`), for clients that render it themselves. */
  phrase: phraseSchema.optional(),
  at: z.number(),
});
export type TableAlert = z.infer<typeof tableAlertSchema>;

/** The engine's alert: no sentence, a phrase each reader's copy renders (`shownAlert`). */
export type RaisedAlert = Omit<TableAlert, "message" | "phrase"> & { phrase: Phrase };

/** An alert (or a console's, with its table) as a reader receives it: `render` says it in their language. */
export function shownAlert<A extends { phrase: Phrase }>(
  alert: A,
  render: Renderer,
): A & { message: string } {
  return { ...alert, message: render(alert.phrase) };
}

/**
 * The alert an event raises for the facilitator, or null. `state` is the table after the event;
 * the phrase names seats, red lines and outcomes by id, so each reader gets them in their language.
 */
export function alertFor(_state: TableState, event: TableEvent): RaisedAlert | null {
  switch (event.type) {
    case "red-line-refused": {
      const role = { role: event.seat };
      const redLines = { redLines: event.rules };
      return {
        kind: "red-line",
        seat: event.seat,
        phrase:
          event.action === "accept"
            ? phrase("alert.red-line-accept", { role, version: event.version ?? 0, redLines })
            : phrase("alert.red-line-table", { role, redLines }),
        at: event.at,
      };
    }
    case "walked-out":
      return {
        kind: "walk-out",
        seat: event.seat,
        phrase: event.note
          ? phrase("alert.walk-out-note", { role: { role: event.seat }, note: event.note })
          : phrase("alert.walk-out", { role: { role: event.seat } }),
        at: event.at,
      };
    case "seat-released":
      // A bot handing its seat to a person is no cause for alarm.
      if (event.by === systemActor) return null;
      return {
        kind: "seat-empty",
        seat: event.seat,
        phrase: phrase(event.by === event.seat ? "alert.seat-empty" : "alert.seat-released", {
          role: { role: event.seat },
        }),
        at: event.at,
      };
    case "acceptance-withdrawn":
      return {
        kind: "acceptance-withdrawn",
        seat: event.seat,
        phrase: phrase("alert.acceptance-withdrawn", {
          role: { role: event.seat },
          version: event.version,
          // By their titles, in the reader's language: an id never reaches a screen.
          redLines: { redLines: event.rules },
        }),
        at: event.at,
      };
    case "talks-concluded": {
      const outcome = event.outcome;
      return {
        kind: outcome.reason === "agreement" ? "agreement" : "concluded",
        seat: outcome.walkedOut,
        phrase:
          outcome.reason === "agreement"
            ? phrase("alert.agreement", {
                version: outcome.version ?? 0,
                outcome: { outcome: outcome.class },
              })
            : phrase("alert.no-agreement", {
                reason: { phrase: noAgreementReasons[outcome.reason] },
                outcome: { outcome: outcome.class },
              }),
        at: event.at,
      };
    }
    default:
      return null;
  }
}
