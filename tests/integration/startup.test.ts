// `npm start`'s entry point as a separate process: configuration errors read as sentences, a taken
// port is named, and the server runs against a real PostgreSQL server given by DATABASE_URL.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { readMigrations } from "@red-lines/db";
import type { EventMessage } from "@red-lines/shared/engine";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { freePort } from "../support/ports.ts";
import { createDatabase } from "../support/postgres.ts";
import { waitFor } from "../support/wait.ts";

const root = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "red-lines-start-"));
  folders.push(dir);
  return dir;
}

function start(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output, exited };
}

describe("start-up configuration", () => {
  it("names each bad setting in one sentence and exits without starting", async () => {
    const run = start({
      DATABASE_URL: "mysql://root@localhost/db",
      PORT: "eighty",
      DATA_DIR: await tempDir(),
    });
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toContain("Red Lines cannot start; fix these settings (see .env.example):");
    expect(run.output.stderr).toContain("DATABASE_URL must be a PostgreSQL connection URL");
    expect(run.output.stderr).toContain("PORT must be a number from 0 to 65535");
    expect(run.output.stdout).not.toContain("ready at");
  });

  it("refuses an unknown command-line option", async () => {
    const run = start({ DATA_DIR: await tempDir() }, ["--turbo"]);
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toMatch(/Unknown option --turbo\. Options: --dev/);
  });

  it("says which port is taken and how to choose another", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const run = start({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: await tempDir() });
      expect(await run.exited).toBe(1);
      expect(run.output.stderr).toContain(`Port ${port} is already in use.`);
      expect(run.output.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
  });

  it("says when the PostgreSQL server cannot be reached", async () => {
    const port = await freePort(); // nothing listens there
    const run = start({
      PORT: "0",
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/nothing`,
      DATA_DIR: await tempDir(),
    });
    expect(await run.exited).toBe(1);
    expect(run.output.stderr).toMatch(/Could not (migrate|reach|connect).*127\.0\.0\.1:\d+/);
  });

  it("says when Redis cannot be reached", async () => {
    const port = await freePort(); // nothing listens there
    const run = start({
      PORT: "0",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/never-reached",
      REDIS_URL: `redis://127.0.0.1:${port}`,
      DATA_DIR: await tempDir(),
    });
    expect(await run.exited).toBe(1);
    expect(run.output.stderr).toMatch(/Could not reach Redis at 127\.0\.0\.1:\d+ \(REDIS_URL\)/);
  });
});

describe("running on PostgreSQL", () => {
  it("migrates a new database, stores a ping there, and shuts down cleanly on SIGTERM", async () => {
    const url = await createDatabase(inject("postgresUrl"), `start_${randomUUID().replaceAll("-", "")}`);
    const port = await freePort();
    const run = start(
      { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: url, DATA_DIR: await tempDir() },
      ["--api-only"],
    );
    await waitFor(() => run.output.stdout.includes("ready at"), { timeout: 30_000, what: "the ready line" });
    expect(run.output.stdout).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+\/start_/);
    // Every migration in the folder, applied to the new database.
    const { migrationDirectories } = await readMigrations();
    expect(migrationDirectories.length).toBeGreaterThan(1);
    expect(run.output.stdout).toContain(`${migrationDirectories.length} migration(s) applied`);

    const room = await new Client(`http://127.0.0.1:${port}`).joinOrCreate("table", {
      name: "Pat",
      table: 1,
    });
    const events: EventMessage[] = [];
    room.onMessage("event", (event: EventMessage) => events.push(event));
    room.onMessage("history", () => {});
    const intentId = randomUUID();
    room.send("ping", { intentId, note: "on postgres" });
    await waitFor(() => events.length > 0, { what: "the ping to come back" });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("select seq, type, actor, payload from event");
    await client.end();
    expect(rows).toEqual([
      { seq: 1, type: "pinged", actor: "guest:Pat", payload: { intentId, note: "on postgres" } },
    ]);

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output.stdout).toContain("SIGTERM: closing tables and the database");
  });
});
