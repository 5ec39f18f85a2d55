// Debriefs over HTTP against a real server and database: one table's debrief equals the shared
// `debriefFor` on the stored log (and the analysis engine's own figures), who may read it and
// when, the instructor's sharing choice (private channels withheld from students unless
// revealed), the class view, and a table played to its end by bots.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  analyze,
  classRow,
  type Debrief,
  debriefFor,
  debriefResponseSchema,
  effectiveScenario,
  eventSchema,
  type Locale,
  loadScenario,
  negotiationRoomName,
  type Scenario,
  workshopSettingsSchema,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";
import { withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const rooms: Room[] = [];
const scenario = getScenario("ukraine-2026") as Scenario;
const nash = analyze(effectiveScenario(scenario, "back-channel")).nash;
if (!nash) throw new Error("no Nash point in the back channel");

beforeAll(async () => {
  server = await startTestServer("embedded", { BOT_DELAY_MS: "5" });
});

afterAll(async () => {
  await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await server?.stop();
});

type Seat = {
  room: Room;
  done: string[];
  refused: string[];
  act(command: Record<string, unknown>): Promise<void>;
  attempt(command: Record<string, unknown>): Promise<void>;
};

async function sit(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const send = (command: Record<string, unknown>) => {
    const intentId = randomUUID();
    room.send("command", { intentId, command });
    return intentId;
  };
  const seat: Seat = {
    room,
    done: [],
    refused: [],
    async act(command) {
      const intentId = send(command);
      await waitFor(() => seat.done.includes(intentId), { what: `${String(command.type)} to be done` });
    },
    async attempt(command) {
      const intentId = send(command);
      await waitFor(() => seat.refused.includes(intentId), { what: `${String(command.type)} to be refused` });
    },
  };
  room.onMessage("done", (message: { intentId: string }) => seat.done.push(message.intentId));
  room.onMessage("refusal", (message: { intentId: string }) => seat.refused.push(message.intentId));
  room.onMessage("*", () => {});
  return seat;
}

type Workshop = { workshopId: string; joinCode: string; instructorKey: string };

/** A GET as a browser makes it: `headers` may carry its Cookie and Accept-Language. */
async function get(path: string, auth?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api${path}`, {
    headers: { ...headers, ...(auth === undefined ? {} : { authorization: auth }) },
  });
  return {
    status: response.status,
    language: response.headers.get("content-language"),
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function post(path: string, body: unknown, auth?: string) {
  const response = await fetch(`${server.url}/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth === undefined ? {} : { authorization: auth }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * The table's log and config as stored, folded into a debrief by the shared engine here in the
 * test, for a reader of `locale`.
 */
async function expectedDebrief(tableId: string, locale: Locale = "en"): Promise<Debrief> {
  const { prisma } = server.database;
  const table = await prisma.table.findUniqueOrThrow({
    where: { id: tableId },
    include: { workshop: { include: { scenario: true } } },
  });
  const settings = workshopSettingsSchema.parse(table.workshop.settings);
  const snapshot = loadScenario(table.workshop.scenario?.data);
  if (!snapshot.ok) throw new Error("the workshop's scenario snapshot does not load");
  const rows = await prisma.event.findMany({ where: { tableId }, orderBy: { seq: "asc" } });
  return debriefFor(
    {
      config: {
        scenario: snapshot.scenario,
        variant: settings.variant,
        rounds: settings.rounds,
        turnSeconds: settings.turnSeconds,
      },
      events: rows.map((row) => eventSchema.parse(row.payload)),
    },
    { locale },
  );
}

const strip = ({ sharing: _s, viewer: _v, ...debrief }: Record<string, unknown>) => debrief;

/**
 * Table 1 played by four people to an agreement on the Nash package, with a back-channel
 * message, a red-line refusal and a piece of news; table 2 left in the lobby with one student.
 */
async function playedWorkshop() {
  const workshop = (
    await postJson<Workshop>(server.url, "/workshops", { scenarioId: "ukraine-2026", tables: 2 })
  ).body;
  const seats: Record<string, Seat> = {};
  const tokens: Record<string, string> = {};
  let tableId = "";
  for (const role of ["us", "ukraine", "europe", "russia"]) {
    const joined = (
      await postJson(server.url, "/join", { code: workshop.joinCode, name: role, role, table: 1 })
    ).body;
    tableId = joined.tableId as string;
    tokens[role] = joined.seatToken as string;
    seats[role] = await sit({ tableId, seatToken: tokens[role] });
  }
  const lobby = (
    await postJson(server.url, "/join", { code: workshop.joinCode, name: "late", role: "us", table: 2 })
  ).body;
  const instructor = await sit({ tableId, instructorKey: workshop.instructorKey });
  await waitFor(async () => (await server.database.prisma.event.count({ where: { tableId } })) >= 4);
  await instructor.act({ type: "start" });
  await instructor.act({ type: "start" });
  const [us, ukraine, europe, russia] = ["us", "ukraine", "europe", "russia"].map((r) => seats[r] as Seat);
  if (!us || !ukraine || !europe || !russia) throw new Error("seats missing");
  for (const [issue, option] of Object.entries(nash?.package ?? {})) {
    await us.act({ type: "set-option", issue, option });
  }
  await us.act({ type: "table-draft" });
  await ukraine.act({ type: "say", to: "europe", text: "Back channel: can we count on a European force?" });
  await europe.act({ type: "say", text: "We support this text." });
  await ukraine.act({ type: "set-option", issue: "territory", option: "recognize-crimea" });
  await ukraine.attempt({ type: "table-draft" });
  await instructor.act({ type: "inject-event", event: "pokrovsk-breakthrough" });
  // The US tabled version 1, which is its acceptance.
  for (const seat of [ukraine, europe, russia]) await seat.act({ type: "accept", version: 1 });
  return {
    workshop,
    tableId,
    tokens,
    lobbyTableId: lobby.tableId as string,
    lobbyToken: lobby.seatToken as string,
  };
}

describe("a table's debrief over HTTP", () => {
  let played: Awaited<ReturnType<typeof playedWorkshop>>;
  beforeAll(async () => {
    played = await playedWorkshop();
  });

  it("gives the instructor the shared engine's debrief of the stored log, private channels included", async () => {
    const { workshop, tableId } = played;
    const answer = await get(
      `/workshops/${workshop.workshopId}/tables/${tableId}/debrief`,
      `Bearer ${workshop.instructorKey}`,
    );
    expect(answer.status).toBe(200);
    const parsed = debriefResponseSchema.parse(answer.body);
    expect(parsed.viewer).toBe("instructor");
    expect(parsed.sharing).toEqual({ shared: false, revealChannels: false, revealRedLines: false });
    expect(strip(answer.body)).toEqual(await expectedDebrief(tableId));

    // Spot checks against the analysis engine itself.
    const after = analyze(effectiveScenario(scenario, "back-channel", ["pokrovsk-breakthrough"]));
    expect(parsed.status).toMatchObject({ phase: "concluded", outcomeClass: "fragile-ceasefire" });
    expect(parsed.analysis.end).toMatchObject({ feasible: after.feasible, zopa: after.zopa });
    expect(parsed.analysis.start).toMatchObject({ feasible: 7776, zopa: 5452 });
    expect(parsed.deal?.package).toEqual(nash?.package);
    expect(parsed.deal?.distanceToNash).toBeCloseTo(
      Math.hypot(
        ...Object.entries(after.nash?.utilities ?? {}).map(
          ([role, u]) => u - (parsed.deal?.parties.find((p) => p.role === role)?.utility ?? 0),
        ),
      ),
      9,
    );
    expect(parsed.redLines.refusals.map((r) => [r.seat, r.rules.map((x) => x.rule)])).toEqual([
      ["ukraine", ["ua-no-legal-cession"]],
    ]);
    expect(parsed.injectedEvents[0]).toMatchObject({
      event: "pokrovsk-breakthrough",
      before: { zopa: 5452 },
      after: { zopa: after.zopa },
    });
    expect(parsed.communication.privateMessages.map((m) => m.text)).toEqual([
      "Back channel: can we count on a European force?",
    ]);
    expect(parsed.summary[0]).toMatch(/^Your table agreed on version 1 in round 1, a fragile ceasefire, /);

    // The same, addressed by the table alone.
    const byTable = await get(`/tables/${tableId}/debrief`, `Bearer ${workshop.instructorKey}`);
    expect(byTable.status).toBe(200);
    expect(byTable.body).toEqual(answer.body);
  });

  it("answers bad addresses and credentials as the export routes do", async () => {
    const { workshop, tableId, lobbyTableId } = played;
    const key = `Bearer ${workshop.instructorKey}`;
    const path = `/workshops/${workshop.workshopId}/tables/${tableId}/debrief`;
    const bad = await get(`/workshops/nope/tables/${tableId}/debrief`, key);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: "invalid-request",
        message: "The workshop id in the address is not valid: it is a UUID.",
      },
    });
    expect((await get(`/workshops/${workshop.workshopId}/tables/nope/debrief`, key)).status).toBe(400);
    expect((await get(path)).body).toMatchObject({ error: { code: "instructor-key-required" } });
    expect((await get(path)).status).toBe(401);
    const wrong = await get(path, "Bearer not-the-key");
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: "not-instructor" } });
    const unknown = await get(`/workshops/${randomUUID()}/tables/${tableId}/debrief`, key);
    expect(unknown.status).toBe(403);
    // A table of another workshop, asked with this workshop's key: 404, told only to the key holder.
    const other = (
      await postJson<Workshop>(server.url, "/workshops", { scenarioId: "ukraine-2026", tables: 1 })
    ).body;
    const foreign = await get(
      `/workshops/${other.workshopId}/tables/${tableId}/debrief`,
      `Bearer ${other.instructorKey}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({
      error: { code: "no-such-table", reason: "id", message: "This workshop has no table with that id." },
    });
    // Each refusal names which of its code's sentences it is, for a page to say in its reader's language.
    const anonymous = await get(`/tables/${tableId}/debrief`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: "credentials-required", reason: "debrief" } });
    const otherKey = await get(`/tables/${tableId}/debrief`, `Bearer ${other.instructorKey}`);
    expect(otherKey.status).toBe(403);
    expect(otherKey.body).toMatchObject({
      error: {
        code: "not-instructor",
        reason: "table",
        message: "That instructor link is not valid for this table.",
      },
    });
    expect((await get(`/tables/${lobbyTableId}/debrief`, key)).status).toBe(200);
  });

  it("opens to the table's students only when shared, without private channels unless revealed", async () => {
    const { workshop, tableId, tokens, lobbyTableId, lobbyToken } = played;
    const key = `Bearer ${workshop.instructorKey}`;
    const sharingPath = `/workshops/${workshop.workshopId}/tables/${tableId}/debrief/sharing`;
    const path = `/workshops/${workshop.workshopId}/tables/${tableId}/debrief`;
    const student = `Seat ${tokens.ukraine}`;

    const early = await get(path, student);
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({
      error: {
        code: "debrief-not-shared",
        message: "The facilitator has not shared this table's debrief yet. It opens here once they do.",
      },
    });
    // Only the instructor sets the choice, with a well-formed body.
    expect((await post(sharingPath, { shared: true, revealChannels: false }, student)).status).toBe(401);
    expect((await post(sharingPath, { shared: true, revealChannels: false }, "Bearer wrong")).status).toBe(
      403,
    );
    const malformed = await post(sharingPath, { shared: "yes" }, key);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: "invalid-request" } });

    const shared = await post(sharingPath, { shared: true, revealChannels: false }, key);
    expect(shared).toEqual({
      status: 200,
      body: { sharing: { shared: true, revealChannels: false, revealRedLines: false } },
    });
    const read = await get(path, student);
    expect(read.status).toBe(200);
    const withheld = debriefResponseSchema.parse(read.body);
    expect(withheld.viewer).toBe("ukraine");
    expect(withheld.sharing).toEqual({ shared: true, revealChannels: false, revealRedLines: false });
    expect(withheld.communication.privateMessages).toEqual([]);
    expect(withheld.communication.privateMessagesIncluded).toBe(false);
    expect(JSON.stringify(read.body)).not.toContain("European force?");
    // Counts of who talked to whom stay; so does everything else.
    const full = await expectedDebrief(tableId);
    expect(withheld.communication.privateByPair).toEqual(full.communication.privateByPair);
    expect(withheld.summary).toEqual(full.summary);
    // Sharing the debrief opens the table's replay to its seats as well (from their own seat).
    expect((await get(`/tables/${tableId}/timeline?as=ukraine`, student)).status).toBe(200);
    // The instructor still sees the channels.
    expect(
      debriefResponseSchema.parse((await get(path, key)).body).communication.privateMessages,
    ).toHaveLength(1);
    // By the table alone too; but a seat of another table is not let in.
    expect((await get(`/tables/${tableId}/debrief`, student)).body).toEqual(read.body);
    const stranger = await get(path, `Seat ${lobbyToken}`);
    expect(stranger.status).toBe(403);
    expect(stranger.body).toMatchObject({ error: { code: "not-seated" } });
    expect((await get(path, "Seat not-a-token")).status).toBe(403);

    await post(sharingPath, { shared: true, revealChannels: true }, key);
    const revealed = debriefResponseSchema.parse((await get(path, student)).body);
    expect(revealed.communication.privateMessages.map((m) => m.text)).toEqual([
      "Back channel: can we count on a European force?",
    ]);

    // Ukraine's refused red line: Ukraine reads it in full, another seat only that Ukraine had one.
    const refusedRule = full.redLines.refusals[0]?.rules[0];
    expect(refusedRule).toMatchObject({ role: "ukraine", rule: "ua-no-legal-cession" });
    expect(refusedRule?.explanation).not.toBe("");
    expect(revealed.redLines.refusals[0]?.rules[0]).toEqual(refusedRule);
    const otherSeat = debriefResponseSchema.parse((await get(path, `Seat ${tokens.russia}`)).body);
    expect(otherSeat.viewer).toBe("russia");
    expect(otherSeat.redLines.refusals[0]?.rules[0]).toEqual({
      role: "ukraine",
      rule: "undisclosed-1",
      title: "Undisclosed red line 1",
      explanation: "",
      sources: refusedRule?.sources,
    });
    expect(JSON.stringify(otherSeat)).not.toContain("ua-no-legal-cession");
    expect(JSON.stringify(otherSeat)).not.toContain(refusedRule?.title);
    expect(JSON.stringify(otherSeat)).not.toContain(refusedRule?.explanation);
    // Unless the instructor reveals every party's red lines.
    await post(sharingPath, { shared: true, revealChannels: true, revealRedLines: true }, key);
    const allRevealed = debriefResponseSchema.parse((await get(path, `Seat ${tokens.russia}`)).body);
    expect(allRevealed.redLines.refusals[0]?.rules[0]).toEqual(refusedRule);
    // Everything but the other parties' sides, which say what each gave up where: a seat reads
    // its own side only, whatever is revealed.
    expect(allRevealed.sides.map((side) => side.role)).toEqual(["russia"]);
    expect(strip(allRevealed)).toEqual({
      ...full,
      sides: full.sides.filter((side) => side.role === "russia"),
    });

    // A shared table still in play keeps its debrief closed: everyone's scores are in it.
    await post(
      `/workshops/${workshop.workshopId}/tables/${lobbyTableId}/debrief/sharing`,
      { shared: true, revealChannels: false },
      key,
    );
    const live = await get(
      `/workshops/${workshop.workshopId}/tables/${lobbyTableId}/debrief`,
      `Seat ${lobbyToken}`,
    );
    expect(live.status).toBe(409);
    expect(live.body).toMatchObject({ error: { code: "talks-not-over" } });

    await post(sharingPath, { shared: false, revealChannels: false }, key);
    expect((await get(path, student)).status).toBe(403);
    expect((await get(`/tables/${tableId}/timeline?as=ukraine`, student)).status).toBe(403);
  });

  it("lists every table of the workshop in the class view", async () => {
    const { workshop, tableId, lobbyTableId } = played;
    const path = `/workshops/${workshop.workshopId}/class`;
    expect((await get(path)).status).toBe(401);
    expect((await get(path, "Bearer wrong")).status).toBe(403);
    expect((await get("/workshops/nope/class", "Bearer wrong")).status).toBe(400);
    const view = await get(path, `Bearer ${workshop.instructorKey}`);
    expect(view.status).toBe(200);
    expect(view.body.workshop).toEqual({
      id: workshop.workshopId,
      joinCode: workshop.joinCode,
      scenarioId: "ukraine-2026",
      variant: "back-channel",
      variantName: "Back channel",
    });
    expect(view.body.roles).toEqual([
      { id: "ukraine", name: "Ukraine" },
      { id: "russia", name: "Russia" },
      { id: "us", name: "United States" },
      { id: "europe", name: "Europe" },
    ]);
    const tables = view.body.tables as Record<string, unknown>[];
    expect(tables).toHaveLength(2);
    expect(tables[0]).toEqual(classRow(await expectedDebrief(tableId), { number: 1, id: tableId }));
    expect(tables[0]).toMatchObject({ outcomeClass: "fragile-ceasefire", redLineRefusals: 1, rounds: 1 });
    expect(tables[1]).toMatchObject({ table: 2, tableId: lobbyTableId, phase: "lobby", outcomeClass: null });
  });

  it("speaks the reader's language: ?locale=, else their kept choice (cookie), else their browser's", async () => {
    const { workshop, tableId, tokens } = played;
    const key = `Bearer ${workshop.instructorKey}`;
    const path = `/workshops/${workshop.workshopId}/tables/${tableId}/debrief`;
    const sharingPath = `${path}/sharing`;
    const uk = scenario.translations?.uk;
    const cession = uk?.redLines?.["ua-no-legal-cession"];
    if (!uk || !cession) throw new Error("ukraine-2026 has no Ukrainian translation of ua-no-legal-cession");

    // The instructor asks in Ukrainian: the shared engine's debrief for a Ukrainian reader.
    const asked = await get(`${path}?locale=uk`, key);
    expect(asked.status).toBe(200);
    expect(asked.language).toBe("uk");
    const ukrainian = await expectedDebrief(tableId, "uk");
    expect(strip(asked.body)).toEqual(ukrainian);
    const read = debriefResponseSchema.parse(asked.body);
    expect(read.summary[0]).toMatch(/^Ваш стіл погодив версію 1 у раунді 1 \(підсумок — крихке перемирʼя\)/);
    expect(read.questions.length).toBeGreaterThanOrEqual(3);
    expect(read.questions.join(" ")).toMatch(/[А-Яа-яІіЇїЄє]/);
    expect(read.roles.map((r) => r.name)).toEqual(["Україна", "Росія", "Сполучені Штати", "Європа"]);
    expect(read.scenario.variantName).toBe("Неофіційний канал");
    expect(read.status.outcome?.title).toBe("Крихке перемирʼя");
    expect(read.injectedEvents[0]?.title).toBe(uk.events?.["pokrovsk-breakthrough"]?.title);
    expect(read.redLines.refusals[0]?.rules[0]).toMatchObject({
      rule: "ua-no-legal-cession",
      title: cession.title,
      explanation: cession.explanation,
    });
    // The same figures as in English, which is what a request without a language gets.
    const inEnglish = await get(path, key);
    expect(inEnglish.language).toBe("en");
    const english = debriefResponseSchema.parse(inEnglish.body);
    expect(english.summary[0]).toMatch(/^Your table agreed on version 1 in round 1/);
    expect(read.analysis).toEqual(english.analysis);
    expect(read.deal).toEqual(english.deal);

    // Without ?locale=: the kept choice, then the browser's languages; ?locale= over both.
    expect((await get(path, key, { cookie: "theme=dark; red-lines-locale=uk" })).body).toEqual(asked.body);
    expect((await get(path, key, { "accept-language": "uk-UA,uk;q=0.9,en;q=0.8" })).body).toEqual(asked.body);
    expect((await get(path, key, { cookie: "red-lines-locale=en", "accept-language": "uk" })).body).toEqual(
      inEnglish.body,
    );
    expect((await get(`${path}?locale=en`, key, { cookie: "red-lines-locale=uk" })).body).toEqual(
      inEnglish.body,
    );
    expect((await get(`/tables/${tableId}/debrief?locale=uk`, key)).body).toEqual(asked.body);
    // A language the product does not speak, asked by name, is refused; a cookie's is passed over.
    const unknown = await get(`${path}?locale=fr`, key);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: {
        code: "invalid-request",
        message: "The locale in the address is not valid: the language is one of en, uk.",
        issues: [{ path: "locale" }],
      },
    });
    expect((await get(`/tables/${tableId}/debrief?locale=`, key)).status).toBe(400);
    expect((await get(path, key, { cookie: "red-lines-locale=fr" })).body).toEqual(inEnglish.body);

    // A seat reads its copy in Ukrainian: another seat's red line stays withheld in every language.
    await post(sharingPath, { shared: true, revealChannels: false }, key);
    const russia = await get(path, `Seat ${tokens.russia}`, { cookie: "red-lines-locale=uk" });
    expect(russia.language).toBe("uk");
    const copy = debriefResponseSchema.parse(russia.body);
    expect(copy.viewer).toBe("russia");
    expect(copy.redLines.refusals[0]?.rules[0]).toMatchObject({
      role: "ukraine",
      rule: "undisclosed-1",
      title: "Нерозкрита червона лінія 1",
      explanation: "",
    });
    const englishLine = scenario.redLines.ukraine?.find((r) => r.id === "ua-no-legal-cession");
    const text = JSON.stringify(russia.body);
    for (const words of [
      "ua-no-legal-cession",
      cession.title,
      cession.explanation,
      englishLine?.title,
      englishLine?.explanation,
    ]) {
      if (words) expect(text).not.toContain(words);
    }
    expect(copy.summary).toEqual(ukrainian.summary);
    // Ukraine's own seat reads its red line in full, in Ukrainian.
    const ukraine = debriefResponseSchema.parse(
      (await get(`${path}?locale=uk`, `Seat ${tokens.ukraine}`)).body,
    );
    expect(ukraine.redLines.refusals[0]?.rules[0]).toMatchObject({
      title: cession.title,
      explanation: cession.explanation,
    });
    await post(sharingPath, { shared: false, revealChannels: false }, key);

    // The class view names the seats, the variant and the outcomes in the reader's language.
    const classPath = `/workshops/${workshop.workshopId}/class`;
    const view = await get(`${classPath}?locale=uk`, key);
    expect(view.status).toBe(200);
    expect(view.language).toBe("uk");
    expect(view.body.workshop).toMatchObject({ variant: "back-channel", variantName: "Неофіційний канал" });
    expect(view.body.roles).toEqual([
      { id: "ukraine", name: "Україна" },
      { id: "russia", name: "Росія" },
      { id: "us", name: "Сполучені Штати" },
      { id: "europe", name: "Європа" },
    ]);
    const rows = view.body.tables as Record<string, unknown>[];
    expect(rows[0]).toEqual(classRow(ukrainian, { number: 1, id: tableId }));
    expect(rows[0]).toMatchObject({ outcomeTitle: "Крихке перемирʼя" });
    expect((await get(classPath, key, { "accept-language": "uk" })).body).toEqual(view.body);
    expect((await get(`${classPath}?locale=klingon`, key)).status).toBe(400);
  });
});

describe("a table played by bots", () => {
  it("keeps the bots' reasoning in the debrief, for students too", async () => {
    const workshop = (
      await postJson<Workshop>(server.url, "/workshops", {
        scenarioId: "ukraine-2026",
        tables: 1,
        botFill: true,
        rounds: 4,
        turnSeconds: 600,
      })
    ).body;
    const joined = (
      await postJson(server.url, "/join", { code: workshop.joinCode, name: "Olena", role: "ukraine" })
    ).body;
    const tableId = joined.tableId as string;
    const person = await sit({ tableId, seatToken: joined.seatToken as string });
    const instructor = await sit({ tableId, instructorKey: workshop.instructorKey });
    await instructor.act({ type: "start" });
    await instructor.act({ type: "start" });
    // The person passes on each turn; the bots play; the facilitator ends it if no agreement comes.
    const key = `Bearer ${workshop.instructorKey}`;
    const path = `/workshops/${workshop.workshopId}/tables/${tableId}/debrief`;
    await waitFor(
      async () => {
        const table = await server.database.prisma.table.findUnique({ where: { id: tableId } });
        const rows = await server.database.prisma.event.findMany({
          where: { tableId },
          orderBy: { seq: "asc" },
        });
        const events = rows.map((row) => eventSchema.parse(row.payload));
        if (events.some((e) => e.type === "talks-concluded")) return true;
        const turn = events.filter((e) => e.type === "turn-started").at(-1);
        if (turn?.type === "turn-started" && turn.seat === "ukraine" && table) {
          const passed = events.slice(events.lastIndexOf(turn)).some((e) => e.type === "turn-passed");
          if (!passed) person.room.send("command", { intentId: randomUUID(), command: { type: "pass" } });
        }
        return false;
      },
      { timeout: 60_000, interval: 50, what: "the bots' table to conclude" },
    );
    const answer = await get(path, key);
    expect(answer.status).toBe(200);
    expect(strip(answer.body)).toEqual(await expectedDebrief(tableId));
    const debrief = debriefResponseSchema.parse(answer.body);
    expect(debrief.communication.botNotes.length).toBeGreaterThan(0);
    expect(
      debrief.roles
        .filter((r) => r.bot !== null)
        .map((r) => r.id)
        .sort(),
    ).toEqual(["europe", "russia", "us"]);
    await post(`${path}/sharing`, { shared: true, revealChannels: false }, key);
    const student = debriefResponseSchema.parse((await get(path, `Seat ${joined.seatToken}`)).body);
    expect(student.communication.botNotes).toEqual(debrief.communication.botNotes);
  });
});
