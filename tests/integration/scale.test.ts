// Several server processes sharing Redis (Colyseus presence and driver) and PostgreSQL: players
// joining the same table through different processes meet in one room, and an instructor console
// on one process sees and commands a table hosted by another.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import { negotiationRoomName, type TableView } from "@red-lines/shared/engine";
import { afterAll, describe, expect, inject, it } from "vitest";
import { postJson } from "../support/api.ts";
import { openConsole } from "../support/console.ts";
import { freePort } from "../support/ports.ts";
import { createDatabase } from "../support/postgres.ts";
import { startRedis } from "../support/redis.ts";
import { spawnServer } from "../support/serverProcess.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

const cleanups: (() => unknown)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("two server processes sharing Redis and PostgreSQL", () => {
  it("seat players of one table in one room whichever process they join through, and run the console across them", async () => {
    const redisUrl = await startRedis(cleanups);
    const databaseUrl = await createDatabase(
      inject("postgresUrl"),
      `scale_${randomUUID().replaceAll("-", "")}`,
    );
    const processes = [];
    for (const name of ["a", "b"]) {
      const port = await freePort();
      processes.push(
        await spawnServer(
          {
            DATABASE_URL: databaseUrl,
            REDIS_URL: redisUrl,
            PUBLIC_ADDRESS: `127.0.0.1:${port}`,
            DATA_DIR: `/tmp/unused-${name}`,
          },
          cleanups,
          port,
        ),
      );
    }
    const [a, b] = processes as [(typeof processes)[number], (typeof processes)[number]];

    const workshop = (
      await postJson<{ workshopId: string; instructorKey: string; joinCode: string }>(a.url, "/workshops", {
        scenarioId: "ukraine-2026",
        tables: 2,
      })
    ).body;
    const seats: { role: string; room: Room; views: TableView[] }[] = [];
    for (const [index, role] of ["us", "ukraine", "europe", "russia"].entries()) {
      // Half the class comes in through each process.
      const via = index % 2 === 0 ? a : b;
      const joined = (
        await postJson(via.url, "/join", { code: workshop.joinCode, name: role, role, table: 1 })
      ).body;
      const room = await new Client(via.url).joinOrCreate(
        negotiationRoomName,
        withProtocol({
          tableId: joined.tableId,
          seatToken: joined.seatToken,
        }),
      );
      cleanups.push(() => (room.connection.isOpen ? room.leave().catch(() => undefined) : undefined));
      const seat = { role, room, views: [] as TableView[] };
      followViews(room, (view: TableView) => seat.views.push(view));
      room.onMessage("*", () => {});
      seats.push(seat);
    }
    expect(new Set(seats.map((seat) => seat.room.roomId)).size).toBe(1);

    const desk = await openConsole(new Client(b.url), workshop);
    cleanups.push(() => (desk.room.connection.isOpen ? desk.room.leave().catch(() => undefined) : undefined));
    await waitFor(() => desk.tiles.get(1)?.connected.length === 4, { what: "the console to see four seats" });

    for (let start = 0; start < 2; start++) {
      const answer = await desk.command([1], { type: "start" });
      expect(answer.results).toEqual([{ table: 1, status: "done" }]);
    }
    for (const seat of seats) {
      await waitFor(() => seat.views.at(-1)?.phase === "negotiating", {
        what: `${seat.role} to see the talks begin`,
      });
    }
    await waitFor(() => desk.tiles.get(1)?.status.phase === "negotiating", {
      what: "the console tile to follow",
    });

    const us = seats[0] as (typeof seats)[number];
    us.room.send("command", {
      intentId: randomUUID(),
      command: { type: "set-option", issue: "territory", option: "deferred" },
    });
    for (const seat of seats) {
      await waitFor(() => seat.views.at(-1)?.draft.territory === "deferred", {
        what: `${seat.role} to see the draft`,
      });
    }
  }, 90_000); // two server processes start: 10 s alone, more beside other test files
});
