// The public summary of a table that Colyseus keeps in sync with every connection: enough for
// a lobby or a console tile. Everything a seat may see in detail arrives as its own view message.
import { schema, t } from "@colyseus/schema";

export const TableSummary = schema(
  {
    table: t.uint8(),
    phase: t.string(),
    paused: t.boolean(),
    round: t.uint16(),
    turnSeat: t.string(),
    version: t.uint16(),
    /** Seat role → whether someone is connected on it right now. */
    connected: t.map("boolean"),
  },
  "TableSummary",
);
export type TableSummary = InstanceType<typeof TableSummary>;
