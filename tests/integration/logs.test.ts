// The server's logs as `npm start` writes them: one JSON object a line with level, time and
// message; table lines bound to their table and workshop, request lines to their request id
// (the proxy's X-Request-Id when it is sane, echoed back); and never a key, a token, a join code,
// a student's name or a chat line.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Room } from "@colyseus/sdk";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../support/postgres.ts";
import { actorOn, instructorOn, seatedWorkshop } from "../support/seats.ts";
import { spawnServer } from "../support/serverProcess.ts";
import { waitFor } from "../support/wait.ts";

const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Line = { level: string; time: string; msg: string } & Record<string, unknown>;

describe("logs", () => {
  it("are JSON lines with ids bound where they apply, and nothing secret in them", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "red-lines-logs-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    // On PostgreSQL, which starts in a second where the embedded database may take many on a busy
    // machine; the logging is the same on both.
    const databaseUrl = await createDatabase(
      inject("postgresUrl"),
      `logs_${randomUUID().replaceAll("-", "")}`,
    );
    const server = await spawnServer(
      { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: "info" },
      cleanups,
    );

    const unique = randomUUID().slice(0, 8);
    const { workshop, seats, tableId } = await seatedWorkshop(server.url, (role) => `${role}-${unique}`);
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
    await instructor.run({ type: "start" });
    const chat = `meet me at the old bridge at dawn ${unique}`;
    await us.run({ type: "say", text: chat });

    // A request id from the proxy is kept and echoed; one that is not a sane token is replaced.
    const traced = await fetch(`${server.url}/api/join/${workshop.joinCode}`, {
      headers: { "x-request-id": `proxy-${unique}` },
    });
    expect(traced.headers.get("x-request-id")).toBe(`proxy-${unique}`);
    const odd = await fetch(`${server.url}/api/join/${workshop.joinCode}`, {
      headers: { "x-request-id": "two words" },
    });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    await Promise.all(rooms.splice(0).map((room) => room.leave()));
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await exited;

    // Nothing went to stderr (errors would), and every line of stdout is a JSON object.
    expect(server.output()).toBe(server.stdout());
    const text = server.stdout();
    const lines: Line[] = text
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => {
        try {
          return JSON.parse(line) as Line;
        } catch {
          throw new Error(`Not a JSON line: ${line}`);
        }
      });
    for (const line of lines) {
      expect(line).toMatchObject({
        level: expect.stringMatching(/^(info|warn)$/),
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        msg: expect.any(String),
      });
    }
    expect(lines[0]?.msg).toMatch(/^Red Lines is ready at http:\/\/localhost:\d+ \(PostgreSQL at /);
    // Whoever reads the raw line for the address to open (a person, a script) finds it first.
    const printed = `http://localhost:${new URL(server.url).port}`;
    expect(/https?:\/\/[^ ]*/.exec(text.split("\n")[0] ?? "")?.[0]).toBe(printed);
    expect(lines).toContainEqual(
      expect.objectContaining({ signal: "SIGTERM", msg: "SIGTERM: closing tables and the database..." }),
    );

    // Every line about a table names its workshop too; the commands played are there.
    const tableLines = lines.filter((line) => line.tableId !== undefined);
    expect(tableLines.length).toBeGreaterThan(0);
    for (const line of tableLines) expect(line).toMatchObject({ tableId, workshopId: workshop.workshopId });
    expect(tableLines).toContainEqual(
      expect.objectContaining({ command: "start", actor: "instructor", outcome: "accepted" }),
    );
    expect(tableLines).toContainEqual(
      expect.objectContaining({ command: "say", actor: "us", outcome: "accepted" }),
    );

    // Every request line has its id; the proxy's id is the one logged; the code is not written down.
    const requestLines = lines.filter((line) => line.msg === "request completed");
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(line.requestId).toEqual(expect.any(String));
    expect(requestLines).toContainEqual(
      expect.objectContaining({ method: "POST", path: "/api/join", status: 201 }),
    );
    expect(requestLines).toContainEqual(
      expect.objectContaining({ requestId: `proxy-${unique}`, path: "/api/join/:code", status: 200 }),
    );

    const secrets = [
      workshop.instructorKey,
      workshop.joinCode,
      chat,
      ...Object.values(seats).flatMap((seat) => [seat.seatToken, seat.name]),
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
  }, 120_000); // a server process to start and a table to play: seconds on a busy machine
});
