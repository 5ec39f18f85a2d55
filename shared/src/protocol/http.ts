// Bodies of the HTTP API that pages call (create a workshop, join by code, export a table log),
// as zod schemas.
import { z } from "zod";
import { scenarioSchema } from "../scenario/schema.ts";
import { eventSchema } from "../table/events.ts";
import { joinCodeSchema } from "../workshop/joinCode.ts";
import { displayNameSchema, errorReasonSchema, errorValuesSchema } from "./messages.ts";
import { workshopSettingsSchema } from "./workshop.ts";

export const joinRequestSchema = z.strictObject({
  code: joinCodeSchema,
  name: displayNameSchema,
  table: z.int({ error: "A table is a number such as 1." }).min(1).max(30).optional(),
  role: z.string().max(40).optional(),
  /** The token of a seat held before, to get the same seat back. */
  seatToken: z.string().max(100).optional(),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** `POST /api/workshops` answers this: the key and links are shown once, never stored in clear. */
export const createdWorkshopSchema = z.object({
  workshopId: z.uuid(),
  joinCode: z.string(),
  instructorKey: z.string(),
  settings: workshopSettingsSchema,
  joinUrl: z.string(),
  instructorUrl: z.string(),
});
export type CreatedWorkshop = z.infer<typeof createdWorkshopSchema>;

/** `POST /api/join` answers this: where the person sits, and the token that gives the seat back. */
export const joinResponseSchema = z.object({
  workshopId: z.uuid(),
  tableId: z.uuid(),
  table: z.int(),
  role: z.string(),
  seatToken: z.string(),
  rejoined: z.boolean(),
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/**
 * Where a table's talks stand, from its log: nobody has started them yet, they are under way
 * (briefing or negotiating), or they are over (concluded, by agreement or not). An over table
 * takes no new seats.
 */
export const tableProgresses = ["not-started", "running", "over"] as const;
export const tableProgressSchema = z.enum(tableProgresses);
export type TableProgress = z.infer<typeof tableProgressSchema>;

/**
 * `GET /api/join/:code` answers this: what a student may choose from before joining. Public
 * (anyone with the code sees it) and rate-limited like joining; names of seated players only.
 */
export const seatingOverviewSchema = z.object({
  joinCode: z.string(),
  scenario: z.object({ id: z.string(), title: z.string() }),
  roles: z.array(z.object({ id: z.string(), name: z.string(), publicStance: z.string() })),
  tables: z.array(
    z.object({
      number: z.int(),
      progress: tableProgressSchema,
      seats: z.array(z.object({ role: z.string(), taken: z.boolean(), name: z.string().nullable() })),
    }),
  ),
});
export type SeatingOverview = z.infer<typeof seatingOverviewSchema>;

/**
 * `GET /api/workshops/:id` with the instructor key answers this: the workshop as its instructor's
 * browser lists it (scenario and variant by their titles, when it was created, where the talks
 * stand at each table and who sits there). `scenarioMissing`: the workshop's scenario is no longer
 * on this server (neither its snapshot nor a scenario of its id), so it has no title (null) and no
 * variant name (""); a page says so in its reader's language.
 */
export const instructorOverviewSchema = z.object({
  workshopId: z.uuid(),
  joinCode: z.string(),
  createdAt: z.iso.datetime(),
  scenario: z.object({ title: z.string().nullable(), variant: z.string() }),
  scenarioMissing: z.boolean(),
  tables: z.array(
    z.object({
      id: z.uuid(),
      number: z.int(),
      events: z.int(),
      progress: tableProgressSchema,
      seats: z.array(z.object({ role: z.string(), name: z.string().nullable() })),
    }),
  ),
});
export type InstructorOverview = z.infer<typeof instructorOverviewSchema>;

/**
 * Every HTTP error answers with this body: a code for programs, a sentence for people, which a page
 * says in its reader's language by `code` (and `reason`, with `values`: serverErrors.ts).
 */
export const httpErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    reason: errorReasonSchema.optional(),
    values: errorValuesSchema.optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type HttpError = z.infer<typeof httpErrorSchema>;

/** The version tag of the table log export; a change that breaks readers gets a new one. */
export const logExportFormat = "red-lines-log/1";

/** One stored event as exported: its place in the table's log, when, what and who, and the event itself. */
export const exportedEventSchema = z.object({
  seq: z.int().min(1),
  /** ISO 8601 in UTC; the payload's `at` is the same instant in epoch milliseconds. */
  time: z.iso.datetime(),
  type: z.string(),
  actor: z.string(),
  payload: eventSchema,
});
export type ExportedEvent = z.infer<typeof exportedEventSchema>;

export const exportedTableSchema = z.object({
  id: z.uuid(),
  number: z.int().min(1),
  seats: z.array(z.object({ role: z.string(), displayName: z.string().nullable() })),
  /** In sequence order, up to the last event stored when the export began. */
  events: z.array(exportedEventSchema),
});
export type ExportedTable = z.infer<typeof exportedTableSchema>;

/**
 * `GET /api/workshops/:id/log.json` (every table) and `.../tables/:tableId/log.json` (that one
 * table, in the same shape with one entry in `tables`).
 */
export const logExportSchema = z.object({
  format: z.literal(logExportFormat),
  exportedAt: z.iso.datetime(),
  workshop: z.object({
    id: z.uuid(),
    joinCode: z.string(),
    scenarioId: z.string(),
    variant: z.string(),
    settings: workshopSettingsSchema,
    createdAt: z.iso.datetime(),
  }),
  /** The scenario snapshot the tables were played with (null for workshops from before snapshots). */
  scenario: scenarioSchema.nullable(),
  tables: z.array(exportedTableSchema),
});
export type LogExport = z.infer<typeof logExportSchema>;

/**
 * The header of the CSV export, one row per event. The columns between `actor` and
 * `payload_json` copy fields of the event that most analyses need, so a spreadsheet can filter
 * on them; `round` is the round in progress (from the latest `turn-started`); `payload_json`
 * always holds the whole event exactly.
 */
export const logCsvColumns = [
  "workshop_id",
  "table",
  "table_id",
  "seq",
  "time",
  "type",
  "actor",
  "round",
  "seat",
  "to",
  "issue",
  "option",
  "version",
  "rules",
  "text",
  "payload_json",
] as const;
export type LogCsvColumn = (typeof logCsvColumns)[number];

/**
 * The request header through which the server tells the pages' proxy (client/proxy.ts) where pages
 * may open WebSockets besides their own origin. The server sets it on every request, overwriting
 * anything a browser sent, and the proxy drops it before the page is rendered.
 */
export const connectSourcesHeader = "x-red-lines-connect-src";

/** `DELETE /api/workshops/:id` answers this: what was deleted with the workshop. */
export const workshopDeletedSchema = z.object({
  deleted: z.object({
    workshopId: z.uuid(),
    tables: z.int().min(0),
    seats: z.int().min(0),
    events: z.int().min(0),
    snapshotsDeleted: z.int().min(0),
  }),
});
export type WorkshopDeleted = z.infer<typeof workshopDeletedSchema>;

/**
 * `POST /api/workshops/:id/tables/:tableId/seats/:role/erase` answers this: how many names,
 * messages and notes of that seat were erased from the table's log.
 */
export const seatErasedSchema = z.object({
  table: z.int(),
  role: z.string(),
  erased: z.object({ names: z.int().min(0), messages: z.int().min(0), notes: z.int().min(0) }),
});
export type SeatErased = z.infer<typeof seatErasedSchema>;
