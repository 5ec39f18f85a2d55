// `npm run db:backup` and `npm run db:restore` of the embedded database, with a real server
// running a game: a backup taken mid-game by the running server, restored into a fresh folder, gives
// a server on which the table replays exactly as it stood when the backup was taken.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { eventSchema, fold, initialTableState, negotiationRoomName } from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { type DataServer, startServerOn } from "../support/dataServer.ts";
import { startTestServer } from "../support/server.ts";
import { withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

const root = path.resolve(import.meta.dirname, "../..");
let server: Awaited<ReturnType<typeof startTestServer>>;
let scratch: string;
const rooms: Room[] = [];
const servers: DataServer[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded");
  scratch = await mkdtemp(path.join(os.tmpdir(), "red-lines-backup-"));
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  for (const restored of servers) await restored.stop();
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** `npm run db:<command> -- <args>` as a person runs it, in its own process. */
function cli(command: "backup" | "restore", args: string[], dataDir: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "prisma/src/cli.ts", command, ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

type Seat = { act(command: Record<string, unknown>): Promise<void> };

async function sit(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const done: string[] = [];
  room.onMessage("done", (message: { intentId: string }) => done.push(message.intentId));
  room.onMessage("*", () => {});
  return {
    async act(command) {
      const intentId = randomUUID();
      room.send("command", { intentId, command });
      await waitFor(() => done.includes(intentId), { what: `${String(command.type)} to be done` });
    },
  };
}

async function read(url: string, route: string, key: string) {
  const response = await fetch(`${url}/api${route}`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status, route).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

describe("backups of the embedded database", () => {
  it("restores a backup taken mid-game by the running server, and the table replays as it stood", async () => {
    const dataDir = server.database.location;
    const workshop = (
      await postJson(server.url, "/workshops", {
        scenarioId: "ukraine-2026",
        variant: "back-channel",
        tables: 1,
      })
    ).body;
    const seats: Record<string, Seat> = {};
    let tableId = "";
    for (const role of ["us", "ukraine", "europe", "russia"]) {
      const joined = (
        await postJson(server.url, "/join", { code: workshop.joinCode, name: `${role} student`, role })
      ).body;
      tableId = joined.tableId as string;
      seats[role] = await sit({ tableId, seatToken: joined.seatToken as string });
    }
    const key = workshop.instructorKey as string;
    const instructor = await sit({ tableId, instructorKey: key });
    await waitFor(async () => (await server.database.prisma.event.count({ where: { tableId } })) >= 4);
    const [us, ukraine] = [seats.us as Seat, seats.ukraine as Seat];
    await instructor.act({ type: "start" });
    await instructor.act({ type: "start" });
    await us.act({ type: "set-option", issue: "territory", option: "deferred" });
    await us.act({ type: "table-draft" });
    await ukraine.act({ type: "say", text: "Before the backup" });

    // Mid-game: what the table is at the moment of the backup.
    const timeline = await read(server.url, `/tables/${tableId}/timeline?as=instructor`, key);
    const replay = await read(server.url, `/tables/${tableId}/replay?as=instructor`, key);
    const rows = await server.database.prisma.event.findMany({ where: { tableId }, orderBy: { seq: "asc" } });

    const file = path.join(scratch, "mid-game.tar.gz");
    const backup = await cli("backup", [file], dataDir);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/taken by the running server \(pid \d+\) without stopping it/);
    expect((await stat(file)).size).toBeGreaterThan(100_000);

    // The game goes on after the backup; the server never stopped.
    await ukraine.act({ type: "say", text: "After the backup" });
    await ukraine.act({ type: "pass" });

    // No restore under a running server; a restore into a fresh folder is fine.
    const refused = await cli("restore", [file, "--replace"], dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/in use by a running process \(pid \d+\).*Stop the server first/);
    const freshDir = path.join(scratch, "restored");
    const restore = await cli("restore", [file], freshDir);
    expect(restore.stderr).toBe("");
    expect(restore.stdout).toContain(`into ${freshDir}: 1 workshop(s), 1 table(s), ${rows.length} event(s)`);

    // A server on the restored folder, beside the one still running: the table as it stood.
    const restored = await startServerOn({ DATA_DIR: freshDir, DATABASE_URL: undefined });
    servers.push(restored);
    expect(await read(restored.url, `/tables/${tableId}/timeline?as=instructor`, key)).toEqual(timeline);
    expect(await read(restored.url, `/tables/${tableId}/replay?as=instructor`, key)).toEqual(replay);
    const restoredRows = await restored.database.prisma.event.findMany({
      where: { tableId },
      orderBy: { seq: "asc" },
    });
    expect(restoredRows).toEqual(rows);
    const config = { scenario: "ukraine-2026", variant: "back-channel" } as const;
    const folded = fold(
      initialTableState(config),
      restoredRows.map((row) => eventSchema.parse(row.payload)),
    );
    expect(folded.phase).toBe("negotiating");
    expect(folded.messages.map((message) => message.text)).toEqual(["Before the backup"]);
    // The original server has moved on since.
    expect(await server.database.prisma.event.count({ where: { tableId } })).toBeGreaterThan(rows.length);
  }, 120_000);

  it("says what is wrong with the command, the file or the folder", async () => {
    const none = await cli("backup", [], scratch);
    expect(none).toMatchObject({
      code: 2,
      stderr: "error: Name one backup file: npm run db:backup -- <file> [--force]\n",
    });
    const unknown = await cli("backup", ["x.tar.gz", "--overwrite"], scratch);
    expect(unknown.stderr).toBe("error: Unknown option --overwrite: npm run db:backup -- <file> [--force]\n");
    const two = await cli("restore", ["a.tar.gz", "b.tar.gz"], scratch);
    expect(two.stderr).toBe("error: Name one backup file: npm run db:restore -- <file> [--replace]\n");
    const empty = path.join(scratch, "empty");
    const nothing = await cli("backup", [path.join(scratch, "nothing.tar.gz")], empty);
    expect(nothing.stderr).toBe(
      `error: There is no embedded database in ${empty} to back up: set DATA_DIR to its folder.\n`,
    );
    const notBackup = await cli("restore", [path.join(root, "package.json")], empty);
    expect(notBackup.stderr).toContain("is not a backup made by npm run db:backup");
  }, 60_000);
});
