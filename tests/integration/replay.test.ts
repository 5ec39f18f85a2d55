// Replay over HTTP against a real server and database: the view at any point of the stored log
// from a chosen perspective, the per-perspective timeline, who may ask, and the scenario snapshot
// that keeps an old session's replay as it was played after the scenario changes.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  eventSchema,
  fold,
  initialTableState,
  negotiationRoomName,
  type TableView,
  type TimelineEntry,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
import { withProtocol } from "../support/tableRoom.ts";
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

type Seat = { room: Room; done: string[]; act(command: Record<string, unknown>): Promise<void> };

async function sit(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const seat: Seat = {
    room,
    done: [],
    async act(command) {
      const intentId = randomUUID();
      room.send("command", { intentId, command });
      await waitFor(() => seat.done.includes(intentId), { what: `${String(command.type)} to be done` });
    },
  };
  room.onMessage("done", (message: { intentId: string }) => seat.done.push(message.intentId));
  room.onMessage("*", () => {});
  return seat;
}

async function playedTable() {
  const workshop = (await postJson(server.url, "/workshops", { scenarioId: "ukraine-2026", tables: 1 })).body;
  const seats: Record<string, Seat> = {};
  const tokens: Record<string, string> = {};
  let tableId = "";
  for (const role of ["us", "ukraine", "europe", "russia"]) {
    const joined = (await postJson(server.url, "/join", { code: workshop.joinCode, name: role, role })).body;
    tableId = joined.tableId as string;
    tokens[role] = joined.seatToken as string;
    seats[role] = await sit({ tableId, seatToken: tokens[role] });
  }
  const instructor = await sit({ tableId, instructorKey: workshop.instructorKey as string });
  await waitFor(async () => (await server.database.prisma.event.count({ where: { tableId } })) >= 4);
  await instructor.act({ type: "start" });
  await instructor.act({ type: "start" });
  const us = seats.us as Seat;
  await us.act({ type: "set-option", issue: "territory", option: "deferred" });
  await us.act({ type: "table-draft" });
  await (seats.russia as Seat).act({ type: "say", to: "us", text: "Between us: treaties could work." });
  await (seats.ukraine as Seat).act({ type: "set-option", issue: "ceasefire", option: "current-line" });
  return { workshop, tableId, tokens };
}

async function get(path: string, auth: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api${path}`, { headers: { authorization: auth, ...headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("replay over HTTP", () => {
  it("shows the table at any point exactly as the log folds there, from the chosen perspective", async () => {
    const { workshop, tableId } = await playedTable();
    const key = `Bearer ${workshop.instructorKey}`;
    const timeline = await get(`/tables/${tableId}/timeline?as=instructor`, key);
    expect(timeline.status).toBe(200);
    const entries = timeline.body.events as TimelineEntry[];
    const tabled = entries.find((entry) => entry.type === "version-tabled");
    expect(tabled?.version).toBe(1);
    expect(entries.map((entry) => entry.text)).toContain("Russia wrote privately to United States.");

    // The view just after version 1 was tabled equals the stored log folded to that point.
    const at = tabled?.seq ?? 0;
    const replay = await get(`/tables/${tableId}/replay?at=${at}&as=instructor`, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({
      at,
      length: entries.length,
      event: { seq: at, type: "version-tabled" },
    });
    const rows = await server.database.prisma.event.findMany({ where: { tableId }, orderBy: { seq: "asc" } });
    const folded = fold(
      initialTableState({ scenario: "ukraine-2026", variant: "back-channel" }),
      rows.slice(0, at).map((row) => eventSchema.parse(row.payload)),
    );
    const view = replay.body.view as TableView;
    expect(view.versions.map((version) => version.package)).toEqual(
      folded.versions.map((version) => version.package),
    );
    expect(view.draft).toEqual(folded.draft);

    // Ukraine's perspective never learns of Russia's private message, in view or timeline.
    const asUkraine = await get(`/tables/${tableId}/replay?as=ukraine`, key);
    expect(JSON.stringify(asUkraine.body)).not.toContain("treaties could work");
    const asUs = await get(`/tables/${tableId}/replay?as=us`, key);
    expect(JSON.stringify(asUs.body)).toContain("treaties could work");
    const ukraineTimeline = await get(`/tables/${tableId}/timeline?as=ukraine`, key);
    expect((ukraineTimeline.body.events as TimelineEntry[]).map((entry) => entry.text)).not.toContain(
      "Russia wrote privately to United States.",
    );
  });

  it("answers who may replay, and bad queries, with sentences", async () => {
    const { workshop, tableId, tokens } = await playedTable();
    // Each refusal names which of its code's sentences it is, for a page to say in its reader's language.
    const anonymous = await get(`/tables/${tableId}/replay`, "");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: "credentials-required", reason: "replay" } });
    const wrongKey = await get(`/tables/${tableId}/replay`, "Bearer not-the-key");
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.body).toMatchObject({
      error: {
        code: "not-allowed",
        reason: "link",
        message: "That link does not give access to this table's replay.",
      },
    });
    const seat = await get(`/tables/${tableId}/replay?as=ukraine`, `Seat ${tokens.ukraine}`);
    expect(seat.status).toBe(403);
    expect(seat.body).toMatchObject({ error: { code: "not-shared" } });
    const key = `Bearer ${workshop.instructorKey}`;
    // Once shared, a seat replays as itself or as an observer, and is told so otherwise.
    const sharing = await fetch(
      `${server.url}/api/workshops/${workshop.workshopId}/tables/${tableId}/debrief/sharing`,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: key },
        body: JSON.stringify({ shared: true, revealChannels: false }),
      },
    );
    expect(sharing.status).toBe(200);
    expect((await get(`/tables/${tableId}/timeline?as=ukraine`, `Seat ${tokens.ukraine}`)).status).toBe(200);
    const otherSide = await get(`/tables/${tableId}/timeline?as=russia`, `Seat ${tokens.ukraine}`);
    expect(otherSide.status).toBe(403);
    expect(otherSide.body).toMatchObject({
      error: {
        code: "not-allowed",
        reason: "perspective",
        values: { seat: "ukraine", observer: "observer" },
        message:
          "From your seat you may replay the table as yourself or as an observer (ukraine or observer).",
      },
    });
    const negative = await get(`/tables/${tableId}/replay?at=-1`, key);
    expect(negative.status).toBe(400);
    expect(negative.body).toMatchObject({
      error: { message: "at must be a whole number of events from 0, in plain digits." },
    });
    // Number() would read these as 16, 1000 and 3; the query takes plain digits only.
    for (const at of ["0x10", "1e3", "%203", "3.0"]) {
      expect((await get(`/tables/${tableId}/replay?at=${at}`, key)).status, at).toBe(400);
    }
    const stranger = await get(`/tables/${tableId}/replay?as=china`, key);
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(stranger.body)).toContain('There is no perspective \\"china\\"');
    expect((await get("/tables/not-a-table/replay", key)).status).toBe(400);
    // Past the end is the end: a live table replays up to now (the debrief page asks for 2^31 - 1).
    for (const at of ["100000", String(2 ** 31 - 1)]) {
      const beyond = await get(`/tables/${tableId}/replay?at=${at}`, key);
      expect(beyond.body.at).toBe(beyond.body.length);
    }
  });

  it("replays a table as it was played after the scenario changes", async () => {
    const { workshop, tableId } = await playedTable();
    const scenario = getScenario("ukraine-2026");
    if (!scenario) throw new Error("no flagship");
    const issue = scenario.issues[0];
    if (!issue) throw new Error("no issue");
    const original = issue.name;
    // The scenario as the server now knows it changes (as after an edited file and a restart).
    issue.name = "An edited issue title";
    try {
      const replay = await get(`/tables/${tableId}/replay?as=instructor`, `Bearer ${workshop.instructorKey}`);
      expect((replay.body.view as TableView).issues[0]?.name).toBe(original);
      // A workshop created now takes the scenario as it is now.
      const later = (await postJson(server.url, "/workshops", { scenarioId: "ukraine-2026", tables: 1 }))
        .body;
      const joined = (await postJson(server.url, "/join", { code: later.joinCode, name: "x" })).body;
      const fresh = await get(
        `/tables/${joined.tableId}/replay?as=observer`,
        `Bearer ${later.instructorKey}`,
      );
      expect((fresh.body.view as TableView).issues[0]?.name).toBe("An edited issue title");
    } finally {
      issue.name = original;
    }
  });

  it("speaks the reader's language: the locale asked for, else their kept choice, else their browser's", async () => {
    const { workshop, tableId } = await playedTable();
    const key = `Bearer ${workshop.instructorKey}`;
    const texts = (body: Record<string, unknown>) =>
      (body.events as TimelineEntry[]).map((entry) => entry.text);
    const english = await get(`/tables/${tableId}/timeline?as=instructor`, key);
    expect(texts(english.body)).toContain("United States tabled version 1.");
    const ukrainianLine = "Делегація «Сполучені Штати» внесла версію 1.";
    const privateLine = "Делегація «Росія» написала приватно делегації «Сполучені Штати».";

    const asked = await get(`/tables/${tableId}/timeline?as=instructor&locale=uk`, key);
    expect(asked.status).toBe(200);
    expect(texts(asked.body)).toEqual(expect.arrayContaining([ukrainianLine, privateLine]));
    // The same entries as in English: only their words differ.
    const bare = (body: Record<string, unknown>) =>
      (body.events as TimelineEntry[]).map(({ text: _, ...entry }) => entry);
    expect(bare(asked.body)).toEqual(bare(english.body));

    // Without `locale`: the cookie the language switcher keeps, then Accept-Language.
    const cookie = await get(`/tables/${tableId}/timeline?as=instructor`, key, {
      cookie: "theme=dark; red-lines-locale=uk",
      "accept-language": "en-GB,en;q=0.9",
    });
    expect(texts(cookie.body)).toContain(ukrainianLine);
    const browser = await get(`/tables/${tableId}/timeline?as=instructor`, key, {
      "accept-language": "uk-UA,uk;q=0.9,en;q=0.5",
    });
    expect(texts(browser.body)).toContain(ukrainianLine);
    // The query wins over both; a cookie naming no language of ours is passed over.
    const override = await get(`/tables/${tableId}/timeline?as=instructor&locale=en`, key, {
      cookie: "red-lines-locale=uk",
      "accept-language": "uk",
    });
    expect(texts(override.body)).toContain("United States tabled version 1.");
    const unknownCookie = await get(`/tables/${tableId}/timeline?as=instructor`, key, {
      cookie: "red-lines-locale=fr",
      "accept-language": "uk",
    });
    expect(texts(unknownCookie.body)).toContain(ukrainianLine);

    // The replayed table and its event, in Ukrainian from a seat's perspective as from the instructor's.
    const tabled = (asked.body.events as TimelineEntry[]).find((entry) => entry.type === "version-tabled");
    const moment = await get(`/tables/${tableId}/replay?at=${tabled?.seq}&as=us&locale=uk`, key);
    expect(moment.status).toBe(200);
    expect(moment.body.event).toMatchObject({ type: "version-tabled", text: ukrainianLine });
    const view = moment.body.view as TableView;
    expect(view.issues.find((issue) => issue.id === "territory")?.name).toBe(
      "Правовий статус окупованих територій",
    );
    const inEnglish = (await get(`/tables/${tableId}/replay?at=${tabled?.seq}&as=us`, key)).body;
    expect((inEnglish.view as TableView).issues.find((issue) => issue.id === "territory")?.name).toBe(
      "Legal status of the occupied territory",
    );
    // Ukraine's perspective in Ukrainian still never learns of Russia's private message.
    const asUkraine = await get(`/tables/${tableId}/timeline?as=ukraine&locale=uk`, key);
    expect(texts(asUkraine.body)).not.toContain(privateLine);
    expect(JSON.stringify(asUkraine.body)).not.toContain("treaties could work");

    // A language we do not speak is refused with a sentence saying which we do.
    for (const path of [
      "timeline?as=instructor&locale=fr",
      "replay?locale=EN",
      "replay?locale=en&locale=uk",
    ]) {
      const bad = await get(`/tables/${tableId}/${path}`, key);
      expect(bad.status, path).toBe(400);
      expect(bad.body, path).toMatchObject({
        error: { code: "invalid-request", message: "The language is one of en, uk." },
      });
    }
  });
});
