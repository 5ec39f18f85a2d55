// Prometheus metrics of one server process (prom-client), scraped at GET /metrics: live tables,
// seats and connections, commands by outcome, the event log's group commit, the bytes of views
// and patches sent, and Node's own (event-loop delay, memory, GC), all named redlines_*.
// Labels take only values from closed sets (phases, outcomes, refusal and error codes), so the
// number of series stays bounded whatever clients send.
import type { AppendObserver } from "@red-lines/db";
import { type ErrorCode, phases, type RefusalCode } from "@red-lines/shared/engine";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** A live room as the gauges see it, asked at each scrape. */
export type LiveRoom =
  | {
      kind: "table";
      connections(): number;
      /** Seats held by a person, and of those, seats with an open connection. */
      seats(): { occupied: number; connected: number };
      phase(): string;
    }
  | { kind: "console"; connections(): number };

export type CommandOutcome = "accepted" | "refused" | "skipped" | "error";

/** What the rooms report; the server's metrics implement it. */
export type RoomMetrics = {
  /** Counts a room as live until the returned function is called (on dispose). */
  track(room: LiveRoom): () => void;
  /** One command answered; the code of a refusal or an error. */
  command(outcome: CommandOutcome, code?: RefusalCode | ErrorCode): void;
  /** A view or patch message of `bytes` sent to `connections` connections. */
  sent(kind: "view" | "patch", bytes: number, connections?: number): void;
};

export type ServerMetrics = RoomMetrics & {
  registry: Registry;
  /** For the event log's group commit (prisma/src/eventLog.ts). */
  appendObserver: AppendObserver;
};

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  const rooms = new Set<LiveRoom>();
  const registers = [registry];
  const tables = () => [...rooms].filter((room) => room.kind === "table");

  new Gauge({
    name: "redlines_tables_live",
    help: "Tables whose room is live in this process, by phase.",
    labelNames: ["phase"],
    registers,
    collect() {
      // Every phase, zero included, so that a sum over them is 0 rather than no data.
      const counts = new Map<string, number>(phases.map((phase) => [phase, 0]));
      for (const table of tables()) counts.set(table.phase(), (counts.get(table.phase()) ?? 0) + 1);
      for (const [phase, count] of counts) this.set({ phase }, count);
    },
  });
  new Gauge({
    name: "redlines_seats_occupied",
    help: "Seats held by a person (not free, not a bot) at the tables live in this process.",
    registers,
    collect() {
      this.set(tables().reduce((sum, table) => sum + table.seats().occupied, 0));
    },
  });
  new Gauge({
    name: "redlines_seats_connected",
    help: "Seats held by a person with an open connection, at the tables live in this process.",
    registers,
    collect() {
      this.set(tables().reduce((sum, table) => sum + table.seats().connected, 0));
    },
  });
  new Gauge({
    name: "redlines_connections",
    help: "Open WebSocket connections to this process's rooms, by room: table (seats, observers, instructors) or console.",
    labelNames: ["room"],
    registers,
    collect() {
      const counts = { table: 0, console: 0 };
      for (const room of rooms) counts[room.kind] += room.connections();
      for (const [room, count] of Object.entries(counts)) this.set({ room }, count);
    },
  });
  const commands = new Counter({
    name: "redlines_commands_total",
    help: "Table commands answered, by outcome (accepted, refused, skipped, error) and the refusal or error code.",
    labelNames: ["outcome", "code"],
    registers,
  });
  const viewBytes = new Counter({
    name: "redlines_view_bytes_total",
    help: "Bytes of table views (whole) and patches sent to connections.",
    labelNames: ["kind"],
    registers,
  });
  const viewMessages = new Counter({
    name: "redlines_view_messages_total",
    help: "Table views (whole) and patches sent to connections.",
    labelNames: ["kind"],
    registers,
  });
  const appendLatency = new Histogram({
    name: "redlines_append_latency_seconds",
    help: "Time from asking to append a table's events to the answer (waiting for the group commit included), by outcome.",
    labelNames: ["outcome"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const batchSize = new Histogram({
    name: "redlines_append_batch_size",
    help: "Appends (one per table) written together in one group-commit transaction.",
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers,
  });
  const transactionSeconds = new Histogram({
    name: "redlines_append_transaction_seconds",
    help: "Time to write one group-commit transaction of the event log.",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  for (const outcome of ["accepted", "refused", "error"]) commands.inc({ outcome, code: "" }, 0);
  for (const kind of ["view", "patch"]) {
    viewBytes.inc({ kind }, 0);
    viewMessages.inc({ kind }, 0);
  }
  collectDefaultMetrics({ register: registry, prefix: "redlines_" });

  return {
    registry,
    track(room) {
      rooms.add(room);
      return () => rooms.delete(room);
    },
    command(outcome, code) {
      commands.inc({ outcome, code: code ?? "" });
    },
    sent(kind, bytes, connections = 1) {
      viewBytes.inc({ kind }, bytes * connections);
      viewMessages.inc({ kind }, connections);
    },
    appendObserver: {
      transaction({ appends, seconds }) {
        batchSize.observe(appends);
        transactionSeconds.observe(seconds);
      },
      append({ outcome, seconds }) {
        appendLatency.observe({ outcome }, seconds);
      },
    },
  };
}
