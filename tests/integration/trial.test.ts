// The several-processes set-up, as an IT team would try it: `npm run trial:start` runs two game
// processes and Caddy under PM2 (deploy/ecosystem.config.cjs), with a private PostgreSQL and
// Redis. A class then comes in through the one public https:// address: its tables are hosted by
// both processes, each reached through the proxy at its own public address, and play. PM2
// restarts a process that crashes, and the table it hosted comes back from the log.
import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { promisify } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
import { negotiationRoomName, type TableView } from "@red-lines/shared/engine";
import { afterAll, describe, expect, it } from "vitest";
import { openConsole } from "../support/console.ts";
import { freePort } from "../support/ports.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const cleanups: (() => unknown)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An npm script of this repository, as a person runs it; its output, or a failure with it. */
function npmRun(script: string, args: string[]): Promise<string> {
  const env = { ...process.env };
  // The trial starts its own PostgreSQL and Redis when these are unset.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], { cwd: root, env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`npm run ${script} exited ${code}:\n${output}`)),
    );
  });
}

/** Two loopback ports in a row, free now (the trial's game processes take consecutive ports). */
async function consecutiveFreePorts(): Promise<number> {
  for (;;) {
    const first = await freePort();
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(first + 1, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free && first + 1 <= 65535) return first;
  }
}

type PM2Entry = { name: string; pid: number; pm2_env: { status: string; restart_time: number } };

async function pm2List(folder: string): Promise<PM2Entry[]> {
  const { stdout } = await run(process.execPath, [path.join(root, "node_modules/pm2/bin/pm2"), "jlist"], {
    env: { ...process.env, PM2_HOME: path.join(folder, "pm2") },
  });
  return JSON.parse(stdout.slice(stdout.indexOf("["))) as PM2Entry[];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm run deploy -- caddyfile", () => {
  it("writes a configuration Caddy accepts for each way of serving TLS, and refuses bad settings", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "red-lines-caddyfile-"));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const env = { ...process.env, PUBLIC_URL: "https://redlines.example.org", GAME_PROCESSES: "3" };
    for (const [name, args] of [
      ["acme", ["--email", "it@example.org"]],
      ["internal", ["--tls", "internal"]],
      ["files", ["--tls", "/etc/ssl/red-lines.pem,/etc/ssl/red-lines.key"]],
    ] as const) {
      const { stdout } = await run("npm", ["run", "-s", "deploy", "--", "caddyfile", ...args], {
        cwd: root,
        env,
      });
      const file = path.join(folder, `Caddyfile.${name}`);
      await writeFile(file, stdout);
      const adapted = JSON.parse(
        (await run("caddy", ["adapt", "--config", file, "--adapter", "caddyfile"], { cwd: folder })).stdout,
      );
      const text = JSON.stringify(adapted);
      // Three processes' paths, each to its own port, and the shared route to all three.
      for (const port of [2568, 2569, 2570]) expect(text).toContain(`"dial":"127.0.0.1:${port}"`);
      expect(text).toContain('"/game-3/*"');
      expect(text).toContain('"host":["redlines.example.org"]');
    }
    const refused = await run("npm", ["run", "-s", "deploy", "--", "caddyfile"], {
      cwd: root,
      env: { ...env, PUBLIC_URL: "http://redlines.example.org" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/PUBLIC_URL must be the https:\/\/ address/),
    });
  });
});

describe("npm run trial:start: two processes under PM2 behind Caddy", () => {
  it("refuses options it cannot use with a sentence, before starting anything", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "red-lines-trial-bad-"));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    for (const [args, sentence] of [
      [["--processes", "40"], /--processes must be a whole number of game processes from 1 to 16/],
      [["--port", "http"], /--port must be a port number from 1 to 65535/],
      [["--host", "https://x.org"], /--host must be a host name or IPv4 address/],
      [["--fast"], /Unknown option '--fast'/],
    ] as const) {
      await expect(npmRun("trial:start", ["--dir", folder, "--no-build", ...args])).rejects.toThrow(sentence);
    }
    // Nothing was started or written.
    expect(await readdir(folder)).toEqual([]);
  });

  it("lets a class join through the one public address and play on both processes, and restarts a crashed one", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "red-lines-trial-"));
    // PostgreSQL runs as its own user when the tests run as root: it must reach the folder.
    await chmod(folder, 0o755);
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const port = await freePort();
    const firstPort = await consecutiveFreePorts();
    const trialArgs = ["--dir", folder];
    cleanups.push(() => npmRun("trial:stop", trialArgs).catch(() => undefined));
    // The suite builds the web UI before any test runs; a build here would race the browser tests.
    const started = await npmRun("trial:start", [
      ...trialArgs,
      "--port",
      String(port),
      "--first-port",
      String(firstPort),
      "--no-build",
    ]);
    const publicUrl = `https://localhost:${port}`;
    expect(started).toContain(`Red Lines is ready at ${publicUrl}`);

    // Browsers that trust Caddy's local authority (a person installs its root certificate).
    const authority = await readFile(path.join(folder, "caddy/pki/authorities/local/root.crt"), "utf8");
    tls.setDefaultCACertificates([...tls.getCACertificates("default"), authority]);

    const processes = await pm2List(folder);
    expect(processes.map((entry) => [entry.name, entry.pm2_env.status]).sort()).toEqual([
      ["red-lines-1", "online"],
      ["red-lines-2", "online"],
      ["red-lines-proxy", "online"],
    ]);

    // The public port speaks TLS only: plain HTTP there is refused, not served.
    expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(400);
    expect((await fetch(`${publicUrl}/readyz`)).status).toBe(200);
    // Metrics stay on the machine, for a scraper at each process's own port.
    expect((await fetch(`${publicUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${publicUrl}/game-2/metrics`)).status).toBe(404);

    // The instructor sets up a class of two tables on the public address.
    const created = await fetch(`${publicUrl}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "ukraine-2026", tables: 2 }),
    });
    expect(created.status).toBe(201);
    const workshop = (await created.json()) as {
      workshopId: string;
      instructorKey: string;
      joinCode: string;
    };

    // Every client uses the public address; Colyseus sends each to the process hosting its room.
    const socketsTo: string[] = [];
    const client = () =>
      new Client(publicUrl, {
        urlBuilder: (url: URL) => {
          if (url.protocol === "wss:") socketsTo.push(url.pathname);
          return url.toString();
        },
      });
    const rooms: Room[] = [];
    cleanups.push(() =>
      Promise.all(
        rooms.map((room) => (room.connection.isOpen ? room.leave().catch(() => undefined) : undefined)),
      ),
    );

    const desk = await openConsole(client(), workshop, { timeout: 10_000 });
    rooms.push(desk.room);

    type Seat = {
      table: number;
      role: string;
      room: Room;
      views: TableView[];
      tableId: string;
      seatToken: string;
    };
    const seats: Seat[] = [];
    const tableOf = new Map<number, string>();
    for (const table of [1, 2]) {
      for (const role of ["us", "ukraine", "europe", "russia"]) {
        const joined = await fetch(`${publicUrl}/api/join`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: workshop.joinCode, name: `${role} ${table}`, role, table }),
        });
        expect(joined.status).toBe(201);
        const seat = (await joined.json()) as { tableId: string; seatToken: string };
        const before = socketsTo.length;
        const room = await client().joinOrCreate(
          negotiationRoomName,
          withProtocol({ tableId: seat.tableId, seatToken: seat.seatToken }),
        );
        rooms.push(room);
        tableOf.set(table, socketsTo[before] ?? "");
        const entry: Seat = { table, role, room, views: [], ...seat };
        followViews(room, (view: TableView) => entry.views.push(view));
        room.onMessage("*", () => {});
        seats.push(entry);
      }
    }
    // Each client's socket went to a process's public address, /game-N/<process>/<room>; the
    // class's rooms are spread over both processes.
    expect(socketsTo.every((pathname) => /^\/game-[12]\/[^/]+\/[^/]+$/.test(pathname))).toBe(true);
    const gameOf = (pathname: string) => pathname.split("/")[1];
    expect(new Set(socketsTo.map(gameOf))).toEqual(new Set(["game-1", "game-2"]));
    // One room per table, whichever process its players came through.
    for (const table of [1, 2]) {
      const ids = new Set(seats.filter((seat) => seat.table === table).map((seat) => seat.room.roomId));
      expect(ids.size).toBe(1);
    }

    await waitFor(
      () => desk.tiles.get(1)?.connected.length === 4 && desk.tiles.get(2)?.connected.length === 4,
      {
        timeout: 15_000,
        what: "the console to see both tables' four seats",
      },
    );
    for (let step = 0; step < 2; step++) {
      const answer = await desk.command([1, 2], { type: "start" });
      expect(answer.results).toEqual([
        { table: 1, status: "done" },
        { table: 2, status: "done" },
      ]);
    }
    // Both tables negotiate: a proposal at each reaches everyone at that table.
    for (const [table, option] of [
      [1, "deferred"],
      [2, "recognize-crimea"],
    ] as const) {
      const proposer = seats.find((seat) => seat.table === table && seat.role === "us") as Seat;
      await waitFor(() => proposer.views.at(-1)?.phase === "negotiating", {
        timeout: 10_000,
        what: `table ${table} to begin`,
      });
      proposer.room.send("command", {
        intentId: randomUUID(),
        command: { type: "set-option", issue: "territory", option },
      });
      for (const seat of seats.filter((entry) => entry.table === table)) {
        await waitFor(() => seat.views.at(-1)?.draft.territory === option, {
          timeout: 10_000,
          what: `${seat.role} at table ${table} to see the proposal`,
        });
      }
    }

    // A crash: the process hosting table 1 dies. PM2 starts it again, and the table's players
    // come back to their table through the public address, with the proposal from the log.
    const crashed = gameOf(tableOf.get(1) ?? "") === "game-1" ? "red-lines-1" : "red-lines-2";
    const victim = (await pm2List(folder)).find((entry) => entry.name === crashed) as PM2Entry;
    process.kill(victim.pid, "SIGKILL");
    const restarted = await waitFor(
      async () => {
        const entry = (await pm2List(folder)).find((candidate) => candidate.name === crashed);
        return entry && entry.pid !== victim.pid && entry.pm2_env.status === "online" ? entry : undefined;
      },
      { timeout: 30_000, interval: 250, what: `PM2 to restart ${crashed}` },
    );
    expect(restarted.pm2_env.restart_time).toBe(victim.pm2_env.restart_time + 1);
    const game = crashed.replace("red-lines-", "game-");
    await waitFor(async () => (await fetch(`${publicUrl}/${game}/readyz`)).status === 200, {
      timeout: 60_000,
      interval: 250,
      what: `${crashed} to be ready again`,
    });
    const returning = seats.find((seat) => seat.table === 1 && seat.role === "ukraine") as Seat;
    const views: TableView[] = [];
    const back = await waitFor(
      async () =>
        client()
          .joinOrCreate(
            negotiationRoomName,
            withProtocol({ tableId: returning.tableId, seatToken: returning.seatToken }),
          )
          .catch(() => undefined),
      { timeout: 30_000, interval: 500, what: "table 1 to take its players back" },
    );
    rooms.push(back);
    followViews(back, (view: TableView) => views.push(view));
    back.onMessage("*", () => {});
    await waitFor(() => views.at(-1)?.draft.territory === "deferred", {
      timeout: 10_000,
      what: "the returning player to see table 1's proposal",
    });

    // The class leaves; stopping then ends every process of the trial.
    await Promise.all(
      rooms.map((room) => (room.connection.isOpen ? room.leave().catch(() => undefined) : undefined)),
    );
    const pids = (await pm2List(folder)).map((entry) => entry.pid);
    const stopped = await npmRun("trial:stop", trialArgs);
    expect(stopped).toMatch(/Stopped the game processes and Caddy/);
    expect(stopped).toMatch(/Stopped PostgreSQL/);
    expect(pids.filter(alive)).toEqual([]);
  }, 180_000);
});
