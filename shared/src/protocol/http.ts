// Bodies of the HTTP API that pages call (create a workshop, join by code), as zod schemas.
import { z } from "zod";
import { joinCodeSchema } from "../workshop/joinCode.ts";
import { displayNameSchema } from "./messages.ts";

export const joinRequestSchema = z.strictObject({
  code: joinCodeSchema,
  name: displayNameSchema,
  table: z.int({ error: "A table is a number such as 1." }).min(1).max(30).optional(),
  role: z.string().max(40).optional(),
  /** The token of a seat held before, to get the same seat back. */
  seatToken: z.string().max(100).optional(),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** Every HTTP error answers with this body: a code for programs, a sentence for people. */
export const httpErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type HttpError = z.infer<typeof httpErrorSchema>;
