// The schemas the HTTP API's answers are checked with (client/lib/api.ts). Loaded with a page's
// first request, alongside it, rather than with the page: a page's first view needs none of zod.
import { tableViewSchema } from "@red-lines/shared/protocol";
import { z } from "zod";

export {
  classViewSchema,
  createdWorkshopSchema,
  debriefResponseSchema,
  debriefSharingResponseSchema,
  httpErrorSchema,
  instructorOverviewSchema,
  joinResponseSchema,
  seatErasedSchema,
  seatingOverviewSchema,
  workshopDeletedSchema,
} from "@red-lines/shared/protocol";

const timelineEntrySchema = z.object({
  seq: z.int().min(1),
  at: z.number(),
  type: z.string(),
  text: z.string(),
  version: z.int().nullable(),
});
export const timelineSchema = z.object({ length: z.int().min(0), events: z.array(timelineEntrySchema) });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type Timeline = z.infer<typeof timelineSchema>;

export const replayViewSchema = z.object({
  at: z.int().min(0),
  length: z.int().min(0),
  view: tableViewSchema,
  event: z.object({ seq: z.int().min(1), at: z.number(), type: z.string(), text: z.string() }).nullable(),
});
export type ReplayView = z.infer<typeof replayViewSchema>;
