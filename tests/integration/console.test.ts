// The instructor console over real WebSockets: one connection sees every table of a workshop and
// runs instructor commands on one table or all of them; alerts arrive as tables raise them.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  type ConsoleAlert,
  type ConsoleResultsMessage,
  type ConsoleSnapshot,
  type ConsoleTable,
  consoleRoomName,
  type ErrorMessage,
  negotiationRoomName,
  type RefusalMessage,
  type TableView,
} from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nashPackage } from "../../shared/src/fixtures/ukraine2026.ts";
import { postJson } from "../support/api.ts";
import { type Console, openConsole as openConsoleVia } from "../support/console.ts";
import { startTestServer } from "../support/server.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded");
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

const roles = ["us", "ukraine", "europe", "russia"] as const;

async function api(path: string, body: unknown) {
  return (await postJson(server.url, path, body)).body;
}

type Seat = {
  room: Room;
  views: TableView[];
  done: string[];
  refusals: RefusalMessage[];
  act(command: Record<string, unknown>): Promise<RefusalMessage | undefined>;
};

async function sit(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const seat: Seat = {
    room,
    views: [],
    done: [],
    refusals: [],
    async act(command) {
      const intentId = randomUUID();
      room.send("command", { intentId, command });
      await waitFor(
        () => seat.done.includes(intentId) || seat.refusals.some((r) => r.intentId === intentId),
        {
          what: `${String(command.type)} to be answered`,
        },
      );
      return seat.refusals.find((r) => r.intentId === intentId);
    },
  };
  followViews(room, (view: TableView) => seat.views.push(view));
  room.onMessage("done", (message: { intentId: string }) => seat.done.push(message.intentId));
  room.onMessage("refusal", (message: RefusalMessage) => seat.refusals.push(message));
  room.onMessage("*", () => {});
  return seat;
}

function openConsole(workshopId: string, instructorKey: string): Promise<Console> {
  return openConsoleVia(new Client(server.url), { workshopId, instructorKey }).then((desk) => {
    rooms.push(desk.room);
    return desk;
  });
}

/** A workshop of `tables` tables; the first `full` of them get four seated players. */
async function workshopWithPlayers(tables: number, full: number, turnSeconds = 600) {
  const workshop = await api("/workshops", { scenarioId: "ukraine-2026", tables, turnSeconds });
  const seated: Record<number, Record<string, Seat>> = {};
  for (let table = 1; table <= full; table++) {
    seated[table] = {};
    for (const role of roles) {
      const joined = await api("/join", { code: workshop.joinCode, name: `${role} ${table}`, role, table });
      (seated[table] as Record<string, Seat>)[role] = await sit({
        tableId: joined.tableId as string,
        seatToken: joined.seatToken as string,
      });
    }
  }
  return { workshop, seated };
}

const seatOf = (seated: Record<number, Record<string, Seat>>, table: number, role: string) =>
  seated[table]?.[role] as Seat;

/** A console joined in a language: what it has been sent, as it was sent (tiles and alerts as last said). */
type SpeakingConsole = {
  room: Room;
  snapshots: ConsoleSnapshot[];
  tiles: Map<number, ConsoleTable>;
  alerts: ConsoleAlert[];
  results: ConsoleResultsMessage[];
  errors: ErrorMessage[];
  command(tables: "all" | number[], command: Record<string, unknown>): Promise<ConsoleResultsMessage>;
};

async function consoleIn(locale: string, workshop: Record<string, unknown>): Promise<SpeakingConsole> {
  const room = await new Client(server.url).joinOrCreate(consoleRoomName, {
    workshopId: workshop.workshopId,
    instructorKey: workshop.instructorKey,
    locale,
  });
  rooms.push(room);
  const desk: SpeakingConsole = {
    room,
    snapshots: [],
    tiles: new Map(),
    alerts: [],
    results: [],
    errors: [],
    async command(tables, command) {
      const intentId = randomUUID();
      room.send("command", { intentId, tables, command });
      return waitFor(() => desk.results.find((r) => r.intentId === intentId), {
        what: `the console's ${String(command.type)} to be answered`,
      });
    },
  };
  room.onMessage("snapshot", (snapshot: ConsoleSnapshot) => {
    desk.snapshots.push(snapshot);
    desk.tiles = new Map(snapshot.tables.map((tile) => [tile.number, tile]));
    desk.alerts = [...snapshot.alerts];
  });
  room.onMessage("table", (tile: ConsoleTable) => desk.tiles.set(tile.number, tile));
  room.onMessage("alert", (alert: ConsoleAlert) => desk.alerts.push(alert));
  room.onMessage("results", (results: ConsoleResultsMessage) => desk.results.push(results));
  room.onMessage("error", (error: ErrorMessage) => desk.errors.push(error));
  room.onMessage("*", () => {});
  await waitFor(() => desk.snapshots.length > 0, { what: "the console's snapshot" });
  return desk;
}

describe("the instructor console", () => {
  it("sees every table of its workshop and runs a command on all of them, each table answering", async () => {
    const { workshop, seated } = await workshopWithPlayers(3, 2);
    const desk = await openConsole(workshop.workshopId as string, workshop.instructorKey as string);
    const [snapshot] = desk.snapshots;
    expect(snapshot?.joinCode).toBe(workshop.joinCode);
    expect(snapshot?.events.map((event) => event.id)).toContain("paris-guarantees");
    expect(snapshot?.tables.map((tile) => tile.number)).toEqual([1, 2, 3]);
    await waitFor(() => desk.tiles.get(2)?.connected.length === 4, { what: "table 2's four seats" });
    expect(desk.tiles.get(1)?.status.seats.every((seat) => seat.occupied)).toBe(true);
    expect(desk.tiles.get(3)?.status.seats.some((seat) => seat.occupied)).toBe(false);

    const first = await desk.command("all", { type: "start" });
    expect(first.results.map((result) => [result.table, result.status])).toEqual([
      [1, "done"],
      [2, "done"],
      [3, "refused"],
    ]);
    const empty = first.results[2];
    expect(empty?.status === "refused" && empty.refusal.code).toBe("seats-empty");
    await desk.command([1, 2], { type: "start" });
    await waitFor(
      () =>
        desk.tiles.get(1)?.status.phase === "negotiating" &&
        desk.tiles.get(2)?.status.phase === "negotiating",
      {
        what: "tables 1 and 2 to be negotiating",
      },
    );
    expect(desk.tiles.get(1)?.status).toMatchObject({ round: 1, turnSeat: "us", paused: false });
    // The seats themselves saw it happen.
    await waitFor(() => seatOf(seated, 2, "russia").views.at(-1)?.phase === "negotiating");

    await desk.command("all", { type: "broadcast", text: "Ten minutes to the plenary." });
    for (const table of [1, 2]) {
      await waitFor(
        () =>
          seatOf(seated, table, "ukraine").views.at(-1)?.broadcasts.at(-1)?.text ===
          "Ten minutes to the plenary.",
        { what: `table ${table} to hear the broadcast` },
      );
    }

    await waitFor(
      () => desk.tiles.get(2)?.lastAction?.text === "The facilitator sent a message to the table.",
    );
    // An event into one table changes that table only.
    const inject = await desk.command([2], { type: "inject-event", event: "paris-guarantees" });
    expect(inject.results).toEqual([{ table: 2, status: "done" }]);
    await waitFor(() => desk.tiles.get(2)?.status.injectedEvents.includes("paris-guarantees"));
    expect(desk.tiles.get(1)?.status.injectedEvents).toEqual([]);

    const unknown = await desk.command([9], { type: "pause" });
    expect(unknown.results[0]).toMatchObject({ table: 9, status: "error" });
    expect(unknown.results[0]?.status === "error" && unknown.results[0].error.message).toContain(
      "no table 9",
    );
    // With what a page needs to say it in its reader's language.
    expect(unknown.results[0]).toMatchObject({
      error: { code: "invalid-message", reason: "no-such-table", values: { table: 9 } },
    });
  });

  it("pauses all tables with their clocks frozen, and resumes them", async () => {
    const { workshop } = await workshopWithPlayers(2, 2, 5);
    const desk = await openConsole(workshop.workshopId as string, workshop.instructorKey as string);
    await desk.command("all", { type: "start" });
    await desk.command("all", { type: "start" });
    const paused = await desk.command("all", { type: "pause" });
    expect(paused.results.every((result) => result.status === "done")).toBe(true);
    await waitFor(() => [1, 2].every((table) => desk.tiles.get(table)?.status.paused));
    const frozen = desk.tiles.get(1)?.status;
    expect(frozen?.pausedRemainingMs).toBeGreaterThan(3_000);
    // Longer than the whole 5 s turn: a running clock would have passed the turn on by now.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(desk.tiles.get(1)?.status).toMatchObject({ turnSeat: "us", round: 1, paused: true });
    await desk.command("all", { type: "resume" });
    await waitFor(() => desk.tiles.get(1)?.status.turnSeat !== "us", {
      timeout: 8_000,
      what: "the resumed clock to time the turn out",
    });
    expect(desk.tiles.get(1)?.status.paused).toBe(false);
  });

  it("alerts the instructor to red-line refusals, walk-outs and empty seats, with their table", async () => {
    const { workshop, seated } = await workshopWithPlayers(2, 2);
    const desk = await openConsole(workshop.workshopId as string, workshop.instructorKey as string);
    await desk.command("all", { type: "start" });
    await desk.command("all", { type: "start" });
    const us = seatOf(seated, 2, "us");
    for (const [issue, option] of Object.entries({ ...nashPackage, accountability: "amnesty" })) {
      await us.act({ type: "set-option", issue, option });
    }
    expect(await us.act({ type: "table-draft" })).toBeUndefined();
    const refused = await seatOf(seated, 2, "ukraine").act({ type: "accept", version: 1 });
    expect(refused?.refusal.rule).toBe("ua-accountability");
    const redLine = await waitFor(() => desk.alerts.find((alert) => alert.kind === "red-line"));
    expect(redLine).toMatchObject({ table: 2, seat: "ukraine" });
    // The red line by its title, never its id.
    expect(redLine.message).toContain("“No amnesty for war crimes”");
    expect(redLine.message).not.toContain("ua-accountability");
    await waitFor(() => desk.tiles.get(2)?.status.redLineAttempts === 1);

    await seatOf(seated, 1, "russia").room.leave();
    await waitFor(() => desk.tiles.get(1)?.connected.length === 3, { what: "Russia's connection to go" });
    await seatOf(seated, 1, "europe").act({ type: "walk-out", note: "No guarantees, no deal." });
    const walkOut = await waitFor(() => desk.alerts.find((alert) => alert.kind === "walk-out"));
    expect(walkOut).toMatchObject({ table: 1, seat: "europe" });
    await waitFor(() => desk.alerts.find((alert) => alert.kind === "concluded" && alert.table === 1));
    // A finished tile still says how and in which round the talks ended.
    expect(desk.tiles.get(1)?.status).toMatchObject({
      phase: "concluded",
      outcome: "collapse",
      reason: "walk-out",
      round: 1,
    });

    // A console opened later gets the history from the log.
    const late = await openConsole(workshop.workshopId as string, workshop.instructorKey as string);
    expect(late.snapshots[0]?.alerts.map((alert) => [alert.table, alert.kind])).toEqual(
      expect.arrayContaining([
        [2, "red-line"],
        [1, "walk-out"],
        [1, "concluded"],
      ]),
    );
  });

  it("refuses anyone without the workshop's instructor key, and answers malformed commands with errors", async () => {
    const { workshop } = await workshopWithPlayers(1, 0);
    const join = (options: Record<string, unknown>) =>
      new Client(server.url).joinOrCreate(consoleRoomName, options);
    await expect(join({ workshopId: workshop.workshopId, instructorKey: "not-the-key" })).rejects.toThrow(
      /not valid for this workshop/,
    );
    await expect(join({ workshopId: randomUUID(), instructorKey: "whatever" })).rejects.toThrow(
      /not valid for this workshop/,
    );
    await expect(join({ workshopId: "nope" })).rejects.toThrow(/workshop's id/);
    const desk = await openConsole(workshop.workshopId as string, workshop.instructorKey as string);
    // A second instructor connection with a wrong key, once the room exists, is refused too.
    await expect(
      join({ workshopId: workshop.workshopId, instructorKey: "still-not-the-key" }),
    ).rejects.toThrow(/not valid for this workshop/);
    desk.room.send("command", {
      intentId: randomUUID(),
      tables: "all",
      command: { type: "accept", version: 1 },
    });
    desk.room.send("command", { intentId: "x", tables: [], command: { type: "pause" } });
    desk.room.send("shout", {});
    await waitFor(() => desk.errors.length === 3, { what: "three errors" });
    expect(desk.errors.map((error) => error.code)).toEqual([
      "invalid-message",
      "invalid-message",
      "unknown-intent",
    ]);
    expect(desk.errors[0]?.message).toContain("The console's commands are");
    expect(desk.room.connection.isOpen).toBe(true);
    // One intent sent twice is carried out once; a resend after the answer gets the same answer.
    const intentId = randomUUID();
    const extend = { intentId, tables: "all", command: { type: "extend-rounds", by: 2 } };
    desk.room.send("command", extend);
    desk.room.send("command", extend);
    await waitFor(() => desk.results.some((result) => result.intentId === intentId));
    desk.room.send("command", extend);
    await waitFor(() => desk.results.filter((result) => result.intentId === intentId).length === 2);
    const [firstAnswer, secondAnswer] = desk.results.filter((result) => result.intentId === intentId);
    expect(secondAnswer).toEqual(firstAnswer);
    await waitFor(() => desk.tiles.get(1)?.status.rounds !== undefined);
    const settingsRounds = (workshop.settings as unknown as { rounds: number }).rounds;
    expect(desk.tiles.get(1)?.status.rounds).toBe(settingsRounds + 2);
  });

  it("speaks each connection's language: tiles, alerts, the events menu and refusals, and switches on request", async () => {
    const { workshop, seated } = await workshopWithPlayers(2, 1);
    const english = await consoleIn("en", workshop);
    const ukrainian = await consoleIn("uk", workshop);
    expect(english.snapshots[0]?.events.find((event) => event.id === "paris-guarantees")?.title).toBe(
      "Paris summit: European guarantees",
    );
    expect(ukrainian.snapshots[0]?.events.find((event) => event.id === "paris-guarantees")?.title).toBe(
      "Паризький саміт: європейські гарантії",
    );
    expect(ukrainian.tiles.get(1)?.status.seats.map((seat) => seat.name)).toEqual(
      english.tiles.get(1)?.status.seats.map(
        (seat) =>
          ({
            "United States": "Сполучені Штати",
            Ukraine: "Україна",
            Europe: "Європа",
            Russia: "Росія",
          })[seat.name],
      ),
    );

    // A refusal comes back in the language of the console that sent the command.
    const refusal = (answer: ConsoleResultsMessage) => {
      const [result] = answer.results;
      return result?.status === "refused" ? result.refusal.message : null;
    };
    expect(refusal(await english.command([2], { type: "start" }))).toMatch(
      /^The seats of .* are still empty/,
    );
    expect(refusal(await ukrainian.command([2], { type: "start" }))).toMatch(/^Місця ще вільні: /);

    await english.command([1], { type: "start" });
    await english.command([1], { type: "start" });
    // Each connection reads the last action in its own language.
    await waitFor(() => english.tiles.get(1)?.lastAction?.text === "Round 1: United States' turn.", {
      what: "the English tile's last action",
    });
    await waitFor(
      () => ukrainian.tiles.get(1)?.lastAction?.text === "Раунд 1: хід делегації «Сполучені Штати».",
      { what: "the Ukrainian tile's last action" },
    );
    expect(ukrainian.tiles.get(1)?.status.seats[0]?.name).toBe("Сполучені Штати");

    await seatOf(seated, 1, "europe").act({ type: "walk-out", note: "No guarantees, no deal." });
    const walkOut = (desk: SpeakingConsole) =>
      waitFor(() => desk.alerts.find((alert) => alert.kind === "walk-out"), { what: "the walk-out alert" });
    expect((await walkOut(english)).message).toBe('Europe walked out: "No guarantees, no deal."');
    expect((await walkOut(ukrainian)).message).toBe(
      "Делегація «Європа» вийшла з переговорів: «No guarantees, no deal.»",
    );
    const concluded = await waitFor(() => ukrainian.alerts.find((alert) => alert.kind === "concluded"));
    expect(concluded.message).toBe(
      "Переговори завершилися без угоди (одна зі сторін вийшла з переговорів): Зрив переговорів.",
    );
    await waitFor(() => ukrainian.tiles.get(1)?.status.outcomeTitle === "Зрив переговорів");
    await waitFor(() => english.tiles.get(1)?.status.outcomeTitle === "Collapse");

    // A console opened later in Ukrainian gets the history from the log, in Ukrainian.
    const late = await consoleIn("uk", workshop);
    expect(late.snapshots[0]?.alerts.map((alert) => alert.message)).toEqual(
      expect.arrayContaining([
        "Делегація «Європа» вийшла з переговорів: «No guarantees, no deal.»",
        "Переговори завершилися без угоди (одна зі сторін вийшла з переговорів): Зрив переговорів.",
      ]),
    );
    expect(late.snapshots[0]?.tables[0]?.lastAction?.text).toBe(
      "Переговори завершилися без угоди: одна зі сторін вийшла з переговорів.",
    );

    // Switching: the whole snapshot again, in the new language, without leaving the room.
    ukrainian.room.send("locale", { locale: "en" });
    await waitFor(() => ukrainian.snapshots.length === 2, { what: "the snapshot in English" });
    expect(ukrainian.snapshots[1]?.alerts.map((alert) => alert.message)).toEqual(
      english.alerts.map((alert) => alert.message),
    );
    expect(ukrainian.tiles.get(1)?.lastAction?.text).toBe(english.tiles.get(1)?.lastAction?.text);
    expect(ukrainian.tiles.get(1)?.status.outcomeTitle).toBe("Collapse");
    expect(refusal(await ukrainian.command([2], { type: "start" }))).toMatch(/^The seats of /);

    // A language we do not speak is answered with an error; joining with one is refused.
    ukrainian.room.send("locale", { locale: "fr" });
    await waitFor(() => ukrainian.errors.length === 1, { what: "the language error" });
    expect(ukrainian.errors[0]).toMatchObject({ code: "invalid-message" });
    expect(ukrainian.errors[0]?.message).toContain("The language is one of en, uk.");
    expect(ukrainian.room.connection.isOpen).toBe(true);
    await expect(consoleIn("fr", workshop)).rejects.toThrow(/The language is one of en, uk\./);
  });
});
