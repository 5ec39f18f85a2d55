// Prometheus metrics at /metrics: nothing there without METRICS_TOKEN, 401 for a wrong token,
// and with the token the counters move when a table plays: a command accepted, an append
// committed, view bytes sent, and the gauges count the live table, its seats and connections.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Room } from "@colyseus/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { actorOn, instructorOn, seatedWorkshop } from "../support/seats.ts";
import { startTestServer } from "../support/server.ts";
import { waitFor } from "../support/wait.ts";

const token = "metrics-token-0123456789abcdef";
/** Each test starts a server with its own embedded database: seconds on a busy machine. */
const serverTestTimeout = 120_000;
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWith(env: Record<string, string> = {}) {
  const server = await startTestServer("embedded", env);
  cleanups.push(() => server.stop());
  return server;
}

/** Prometheus' text format as a map from `name{labels}` (labels as written) to the value. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return parseMetrics(await response.text());
}

/** A sample's value, 0 when the series has not appeared yet. */
const value = (samples: Map<string, number>, series: string) => samples.get(series) ?? 0;

/** The sum of every series of a metric whose labels include `labels`. */
function total(samples: Map<string, number>, name: string, labels = ""): number {
  let sum = 0;
  for (const [series, sample] of samples) {
    if ((series === name || series.startsWith(`${name}{`)) && series.includes(labels)) sum += sample;
  }
  return sum;
}

describe("/metrics", () => {
  it(
    "answers 404 when no METRICS_TOKEN is configured",
    async () => {
      const server = await serverWith();
      const response = await fetch(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      // The server's own answer (not a missing route's), the same whatever token is sent.
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({
        error: { code: "not-found", reason: "address", message: "There is nothing at this address." },
      });
    },
    serverTestTimeout,
  );

  it(
    "answers 401 without the token or with a wrong one, and moves its counters as a table plays",
    async () => {
      const server = await serverWith({ METRICS_TOKEN: token });
      const without = await fetch(`${server.url}/metrics`);
      expect(without.status).toBe(401);
      expect(without.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const wrong = await fetch(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${token.replace("0", "1")}` },
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).not.toContain("redlines_");

      const { workshop, seats, tableId } = await seatedWorkshop(server.url);
      const rooms: Room[] = [];
      cleanups.push(() => Promise.all(rooms.map((room) => room.leave().catch(() => undefined))));
      const us = await actorOn(server.url, { tableId, seatToken: seats.us.seatToken });
      rooms.push(us.room);
      for (const seat of [seats.ukraine, seats.europe, seats.russia]) {
        rooms.push((await actorOn(server.url, { tableId, seatToken: seat.seatToken })).room);
      }
      const instructor = await instructorOn(server.url, tableId, workshop.instructorKey);
      rooms.push(instructor.room);
      await waitFor(() => instructor.views.at(-1)?.seats.every((seat) => seat.occupied) === true, {
        what: "all four seats taken",
      });

      const before = await scrape(server.url);
      expect(total(before, "redlines_tables_live")).toBe(1);
      expect(value(before, 'redlines_tables_live{phase="lobby"}')).toBe(1);
      expect(value(before, "redlines_seats_occupied")).toBe(4);
      expect(value(before, "redlines_seats_connected")).toBe(4);
      expect(value(before, 'redlines_connections{room="table"}')).toBe(5);
      // Node's own, with the prefix: event-loop delay and memory.
      expect(before.has("redlines_nodejs_eventloop_lag_p99_seconds")).toBe(true);
      expect(value(before, "redlines_process_resident_memory_bytes")).toBeGreaterThan(0);

      await instructor.run({ type: "start" });
      const after = await scrape(server.url);
      const accepted = 'redlines_commands_total{outcome="accepted",code=""}';
      expect(value(after, accepted) - value(before, accepted)).toBe(1);
      expect(total(after, "redlines_commands_total", 'outcome="refused"')).toBe(
        total(before, "redlines_commands_total", 'outcome="refused"'),
      );
      const appends = 'redlines_append_latency_seconds_count{outcome="stored"}';
      expect(value(after, appends)).toBeGreaterThan(value(before, appends));
      expect(value(after, "redlines_append_batch_size_count")).toBeGreaterThan(
        value(before, "redlines_append_batch_size_count"),
      );
      // The change went to five connections as patches of their views.
      const patchBytes = 'redlines_view_bytes_total{kind="patch"}';
      expect(value(after, patchBytes)).toBeGreaterThan(value(before, patchBytes));
      const patches = 'redlines_view_messages_total{kind="patch"}';
      expect(value(after, patches) - value(before, patches)).toBe(5);
      expect(value(after, 'redlines_tables_live{phase="briefing"}')).toBe(1);

      // The starter Grafana dashboard asks only for metrics the server has.
      const dashboard = await readFile(
        path.resolve(import.meta.dirname, "../../docs/ops/grafana-dashboard.json"),
        "utf8",
      );
      const asked = new Set(dashboard.match(/redlines_[a-z0-9_]+/g));
      expect(asked.size).toBeGreaterThan(10);
      const names = new Set([...after.keys()].map((series) => series.split("{")[0]));
      for (const name of asked) expect(names, name).toContain(name);

      // A refusal is counted with its code: a seat may not start the table.
      await expect(us.run({ type: "start" })).rejects.toThrow();
      const refused = await scrape(server.url);
      expect(value(refused, 'redlines_commands_total{outcome="refused",code="not-allowed"}')).toBe(1);

      // The table's connections leave: the gauges follow.
      await Promise.all(rooms.splice(0).map((room) => room.leave()));
      await waitFor(async () => value(await scrape(server.url), 'redlines_connections{room="table"}') === 0, {
        what: "the connections gauge to drop to zero",
      });
    },
    serverTestTimeout,
  );
});
