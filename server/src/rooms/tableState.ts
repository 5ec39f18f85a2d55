// The public table state that Colyseus keeps in sync with every client of a table.
// Decorator-free schema API: the decorator form silently fails to sync without two compiler flags.
import { schema, t } from "@colyseus/schema";

export const Participant = schema(
  {
    name: t.string(),
    joinedAt: t.number(),
  },
  "Participant",
);

export const TableState = schema(
  {
    table: t.uint8(),
    participants: t.map(Participant),
  },
  "TableState",
);
export type TableState = InstanceType<typeof TableState>;
