// Bots at a real server: they fill empty seats when the workshop asks, play through the same
// command path as people at a human pace (short here), and hand a seat to a person who joins.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import { negotiationRoomName, ruleIssues, type TableView } from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];

beforeAll(async () => {
  server = await startTestServer("embedded", { BOT_DELAY_MS: "5" });
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

type Seat = {
  room: Room;
  views: TableView[];
  done: string[];
  send(command: Record<string, unknown>): string;
};

async function connect(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const seat: Seat = {
    room,
    views: [],
    done: [],
    send(command) {
      const intentId = randomUUID();
      room.send("command", { intentId, command });
      return intentId;
    },
  };
  followViews(room, (view: TableView) => seat.views.push(view));
  room.onMessage("done", (message: { intentId: string }) => seat.done.push(message.intentId));
  room.onMessage("*", () => {});
  return seat;
}

async function act(seat: Seat, command: Record<string, unknown>) {
  const intentId = seat.send(command);
  await waitFor(() => seat.done.includes(intentId), { what: `${String(command.type)} to be done` });
}

async function workshop(body: Record<string, unknown>) {
  return (await postJson(server.url, "/workshops", { scenarioId: "ukraine-2026", ...body })).body;
}

describe("bots", () => {
  it("fill the empty seats and play with one person to a conclusion when the person accepts reasonable packages", async () => {
    const created = await workshop({ tables: 1, botFill: true, rounds: 6, turnSeconds: 600 });
    const joined = (
      await postJson(server.url, "/join", { code: created.joinCode, name: "Olena", role: "ukraine" })
    ).body;
    const person = await connect({
      tableId: joined.tableId as string,
      seatToken: joined.seatToken as string,
    });
    const instructor = await connect({
      tableId: joined.tableId as string,
      instructorKey: created.instructorKey as string,
    });
    await act(instructor, { type: "start" });
    const seated = instructor.views.at(-1)?.seats ?? [];
    expect(
      seated
        .filter((seat) => seat.occupant?.startsWith("Bot"))
        .map((seat) => seat.role)
        .sort(),
    ).toEqual(["europe", "russia", "us"]);
    await act(instructor, { type: "start" });

    // The person's policy: pass on their turn; accept any complete version inside their red
    // lines, and object to one that breaks them, naming the issues of the rules it breaks.
    const answered = new Set<number>();
    await waitFor(
      () => {
        const view = person.views.at(-1);
        if (!view || view.phase === "concluded") return view?.phase === "concluded";
        const current = view.versions.at(-1);
        const mine = view.me?.versions.find((version) => version.number === current?.number);
        if (current?.complete && mine && !answered.has(current.number)) {
          answered.add(current.number);
          if (mine.violations.length === 0) {
            person.send({ type: "accept", version: current.number });
          } else {
            const broken = new Set(mine.violations.map((violation) => violation.rule));
            const issues = (view.me?.redLines ?? [])
              .filter((line) => broken.has(line.id))
              .flatMap((line) => ruleIssues(line.rule));
            person.send({
              type: "object",
              version: current.number,
              issues: [...new Set(issues)],
              note: "Red line.",
            });
          }
        }
        if (view.turn?.seat === "ukraine" && !view.paused) {
          const turnKey = 1000 + (view.turn.round ?? 0);
          if (!answered.has(turnKey)) {
            answered.add(turnKey);
            person.send({ type: "pass" });
          }
        }
        return false;
      },
      { timeout: 90_000, interval: 20, what: "the table to conclude" },
    );
    const final = person.views.at(-1);
    expect(final?.outcome?.reason).toBe("agreement");
    // The bots spoke in character while they played, on the public table.
    const botLines = final?.publicChat.filter((message) => message.from !== "ukraine") ?? [];
    expect(botLines.length).toBeGreaterThan(0);
    // They name their red lines by title, as people do, never by id.
    expect(botLines.some((message) => /red line “[A-Z][^”]+”/.test(message.text))).toBe(true);
    expect(botLines.filter((message) => /\b[a-z]{2}-[a-z]+-[a-z-]+\b/.test(message.text))).toEqual([]);
  }, 120_000);

  it("speak to each seat in its own language: Ukrainian to a Ukrainian seat, English to an English one", async () => {
    const created = await workshop({ tables: 1, botFill: true, rounds: 6, turnSeconds: 600 });
    let tableId = "";
    const join = async (name: string, role: string, locale?: string) => {
      const joined = (await postJson(server.url, "/join", { code: created.joinCode, name, role })).body;
      tableId = joined.tableId as string;
      return connect({ tableId, seatToken: joined.seatToken as string, ...(locale ? { locale } : {}) });
    };
    const ukrainian = await join("Olena", "ukraine", "uk");
    const english = await join("Anne", "us");
    const instructor = await connect({ tableId, instructorKey: created.instructorKey as string });
    await act(instructor, { type: "start" });
    await act(instructor, { type: "start" });
    // Both people pass their turns while the bots table, object and accept.
    const passed = new Set<string>();
    const botLines = (seat: Seat) =>
      (seat.views.at(-1)?.publicChat ?? []).filter((m) => m.from === "russia" || m.from === "europe");
    await waitFor(
      () => {
        for (const [role, seat] of [
          ["ukraine", ukrainian],
          ["us", english],
        ] as const) {
          const turn = seat.views.at(-1)?.turn;
          const key = `${role}:${turn?.round}`;
          if (turn?.seat === role && !passed.has(key)) {
            passed.add(key);
            seat.send({ type: "pass" });
          }
        }
        return botLines(ukrainian).length >= 2 && botLines(english).length >= 2;
      },
      { timeout: 60_000, interval: 20, what: "the bots to speak twice" },
    );
    const cyrillic = /[А-Яа-яІіЇїЄєҐґ]/;
    const read = Math.min(botLines(english).length, botLines(ukrainian).length);
    const inEnglish = botLines(english).slice(0, read);
    const inUkrainian = botLines(ukrainian).slice(0, read);
    expect(read).toBeGreaterThanOrEqual(2);
    // The same lines, each in its reader's language.
    expect(inUkrainian.map((m) => [m.from, m.at])).toEqual(inEnglish.map((m) => [m.from, m.at]));
    for (const message of inEnglish) {
      expect(message.text).not.toMatch(cyrillic);
      expect(message.text).toMatch(
        /^(?:We put forward a package\.|We accept version \d+\.|Version \d+ does not work for us on )/,
      );
    }
    for (const message of inUkrainian) {
      expect(message.text).toMatch(cyrillic);
      expect(message.text).toMatch(
        /^(?:Ми пропонуємо пакет\.|Ми приймаємо версію \d+\.|Версія \d+ нас не влаштовує)/,
      );
    }
    // They name their red lines by title in each language: “…” in English, «…» in Ukrainian.
    expect(inEnglish.some((m) => /red line “[A-Z][^”]+”/.test(m.text))).toBe(true);
    expect(inUkrainian.some((m) => /червоної лінії «[А-ЯІЇЄҐ][^»]+»/.test(m.text))).toBe(true);
    // The instructor, who joined without a language, reads them in English.
    expect(
      (instructor.views.at(-1)?.publicChat ?? [])
        .filter((m) => m.from === "russia" || m.from === "europe")
        .slice(0, inEnglish.length)
        .map((m) => m.text),
    ).toEqual(inEnglish.map((m) => m.text));
    // A person's words stay as typed, in every reader's view; translations from a person are refused.
    const said = english.send({ type: "say", text: "Shall we talk about guarantees?" });
    await waitFor(() => english.done.includes(said), { what: "Anne's message" });
    await waitFor(
      () => ukrainian.views.at(-1)?.publicChat.at(-1)?.text === "Shall we talk about guarantees?",
      {
        what: "Olena to read Anne's message as typed",
      },
    );
    const refusals: { refusal: { code: string; message: string } }[] = [];
    english.room.onMessage("refusal", (message) => refusals.push(message));
    english.send({ type: "say", text: "Hello.", translations: { uk: "Вітаю." } });
    await waitFor(() => refusals.length > 0, { what: "the refusal" });
    expect(refusals[0]?.refusal).toMatchObject({
      code: "not-allowed",
      message:
        "Only a seat a bot plays sends its words with translations; a person's words are shown as they were written.",
    });
  }, 90_000);

  it("hand a seat to a person who joins mid-game, who then sees the whole table", async () => {
    const created = await workshop({ tables: 1, botFill: true, turnSeconds: 600 });
    const tableId = (
      await postJson(server.url, `/join`, { code: created.joinCode, name: "Watcher", role: "us" })
    ).body.tableId as string;
    const instructor = await connect({ tableId, instructorKey: created.instructorKey as string });
    await act(instructor, { type: "start" });
    await act(instructor, { type: "start" });
    // The three bots and the empty-then-abandoned US seat aside, Russia's bot is playing: wait for a version.
    await waitFor(() => (instructor.views.at(-1)?.versions.length ?? 0) >= 1, {
      timeout: 30_000,
      what: "the bots to table a version",
    });
    const joined = (
      await postJson(server.url, "/join", { code: created.joinCode, name: "Dmitri", role: "russia" })
    ).body;
    expect(joined.role).toBe("russia");
    const person = await connect({ tableId, seatToken: joined.seatToken as string });
    await waitFor(
      () => person.views.at(-1)?.seats.find((seat) => seat.role === "russia")?.occupant === "Dmitri",
      {
        what: "Dmitri to hold Russia's seat",
      },
    );
    const view = person.views.at(-1) as TableView;
    expect(view.me?.role).toBe("russia");
    expect(view.versions.length).toBeGreaterThanOrEqual(1);
    expect(view.me?.redLines.length).toBeGreaterThan(0);
    // The bot is gone from the seat: when Russia's turn comes, it waits for Dmitri.
    await waitFor(() => instructor.views.at(-1)?.turn?.seat === "russia", {
      timeout: 30_000,
      what: "Russia's turn",
    });
    const atTurn = instructor.views.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(instructor.views.at(-1)?.turn?.seat).toBe("russia");
    expect(instructor.views.slice(atTurn).every((later) => later.turn?.seat === "russia")).toBe(true);
    const intentId = person.send({ type: "pass" });
    await waitFor(() => person.done.includes(intentId), { what: "Dmitri's pass" });
  }, 60_000);
});
