// The public summary of a table that Colyseus keeps in sync with every connection: enough for
// a lobby or a console tile. Everything a seat may see in detail arrives as its own view message.
import { Encoder, schema, t } from "@colyseus/schema";

// Colyseus gives each room's state two buffers of Encoder.BUFFER_SIZE bytes, kept for the room's
// life (its encoder's output buffer and the serializer's full-state buffer): 16 KB each by
// default, a quarter of all a table held in memory. This summary, the only room state, encodes to
// 72 bytes with four seats; 1 KB leaves room for scenarios with many more, and an encoder grows a
// buffer that overflows. Set here, before any room (so any encoder) is made.
Encoder.BUFFER_SIZE = 1024;

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
