// A negotiating table over real WebSockets: a workshop created over HTTP, four seats and the
// instructor connected with the Colyseus SDK, commands decided by the shared engine, every event
// durable before it is told, and each connection seeing only what its perspective may see.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import {
  analyze,
  effectiveScenario,
  negotiationRoomName,
  type RefusalMessage,
  type TableView,
  ViewFollower,
  type ViewPatchMessage,
  viewFor,
  type WholeViewMessage,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTable } from "../../server/src/tables/tableLog.ts";
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

type Seen = { views: TableView[]; refusals: RefusalMessage[]; done: string[]; raw: unknown[] };
type Connection = { room: Room; seen: Seen; send(command: Record<string, unknown>): string };

async function api(path: string, body: unknown) {
  return (await postJson(server.url, path, body)).body;
}

async function connect(options: Record<string, string>): Promise<Connection> {
  const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const seen: Seen = { views: [], refusals: [], done: [], raw: [] };
  // Every message is kept as it came (patches included), and the views are followed from them.
  const follower = new ViewFollower();
  room.onMessage("*", (type, payload) => {
    seen.raw.push({ type, payload });
    const followed =
      type === "view"
        ? follower.whole(payload as WholeViewMessage)
        : type === "patch"
          ? follower.patch(payload as ViewPatchMessage)
          : null;
    if (followed && "view" in followed) seen.views.push(followed.view);
    if (type === "refusal") seen.refusals.push(payload as RefusalMessage);
    if (type === "done") seen.done.push((payload as { intentId: string }).intentId);
  });
  return {
    room,
    seen,
    send(command) {
      const intentId = randomUUID();
      room.send("command", { intentId, command });
      return intentId;
    },
  };
}

const lastView = (connection: Connection) => connection.seen.views.at(-1);

async function act(connection: Connection, command: Record<string, unknown>) {
  const intentId = connection.send(command);
  await waitFor(
    () =>
      connection.seen.done.includes(intentId) ||
      connection.seen.refusals.find((r) => r.intentId === intentId),
    { what: `${String(command.type)} to be answered` },
  );
  const refusal = connection.seen.refusals.find((r) => r.intentId === intentId);
  if (refusal) throw new Error(`${String(command.type)} refused: ${refusal.refusal.message}`);
}

/** A table of four seats and the instructor; `locales` names the seats that join in another language. */
async function setUpTable(locales: Partial<Record<string, string>> = {}) {
  const workshop = await api("/workshops", { scenarioId: "ukraine-2026", tables: 1, turnSeconds: 600 });
  const seats: Record<string, Connection> = {};
  for (const role of ["us", "ukraine", "europe", "russia"]) {
    const joined = await api("/join", { code: workshop.joinCode, name: `${role} player`, role });
    const locale = locales[role];
    seats[role] = await connect({
      tableId: joined.tableId as string,
      seatToken: joined.seatToken as string,
      ...(locale ? { locale } : {}),
    });
  }
  const tableId = (
    await server.database.prisma.table.findFirstOrThrow({ where: { workshopId: workshop.workshopId } })
  ).id;
  const instructor = await connect({ tableId, instructorKey: workshop.instructorKey as string });
  await waitFor(
    () => Object.values(lastView(instructor)?.seats ?? []).filter((s) => s.occupied).length === 4,
    {
      what: "all four seats to be taken",
    },
  );
  return { tableId, seats: seats as Record<"us" | "ukraine" | "europe" | "russia", Connection>, instructor };
}

describe("a negotiating table", () => {
  it("is played by four clients from the lobby to an agreement, and the stored log folds to what they saw", async () => {
    const { tableId, seats, instructor } = await setUpTable();
    await act(instructor, { type: "start" }); // lobby → briefing
    await act(instructor, { type: "start" }); // briefing → negotiating
    expect(lastView(seats.us)?.turn?.seat).toBe("us");

    const scenario = getScenario("ukraine-2026");
    if (!scenario) throw new Error("scenario missing");
    const nash = analyze(effectiveScenario(scenario, "back-channel")).nash;
    if (!nash) throw new Error("no Nash point");
    for (const [issue, option] of Object.entries(nash.package)) {
      await act(seats.us, { type: "set-option", issue, option });
    }
    await act(seats.us, { type: "table-draft" });
    const version = lastView(seats.russia)?.currentVersion;
    expect(version).toBe(1);
    // Tabling a complete package is the tabler's acceptance: the US stands by version 1 already.
    expect(lastView(seats.russia)?.versions[0]?.acceptedBy).toEqual(["us"]);
    for (const role of ["ukraine", "europe", "russia"] as const) {
      await act(seats[role], { type: "accept", version });
    }
    await waitFor(() => lastView(seats.ukraine)?.phase === "concluded", { what: "the talks to conclude" });
    expect(lastView(instructor)?.outcome).toMatchObject({ reason: "agreement" });

    const stored = await loadTable(server.database.prisma, tableId);
    if (!stored) throw new Error("table missing");
    for (const role of ["us", "ukraine", "europe", "russia"] as const) {
      expect(viewFor(stored.state, role)).toEqual(lastView(seats[role]));
    }
    expect(viewFor(stored.state, "instructor")).toEqual(lastView(instructor));
  });

  it("refuses a seat acting out of turn, and a seat tabling past its own red line, naming the rule", async () => {
    const { seats, instructor } = await setUpTable();
    await act(instructor, { type: "start" });
    await act(instructor, { type: "start" });
    const outOfTurn = seats.russia.send({ type: "set-option", issue: "nato", option: "constitutional-ban" });
    await waitFor(() => seats.russia.seen.refusals.some((r) => r.intentId === outOfTurn));
    expect(seats.russia.seen.refusals[0]?.refusal.code).toBe("not-your-turn");

    await act(seats.us, { type: "pass" }); // ukraine's turn
    await act(seats.ukraine, { type: "set-option", issue: "territory", option: "recognize-crimea" });
    const tabled = seats.ukraine.send({ type: "table-draft" });
    await waitFor(() => seats.ukraine.seen.refusals.some((r) => r.intentId === tabled));
    const refusal = seats.ukraine.seen.refusals.find((r) => r.intentId === tabled)?.refusal;
    expect(refusal).toMatchObject({ code: "red-line", rule: "ua-no-legal-cession" });
    expect(refusal?.source).toBeTruthy();
  });

  it("speaks each connection's language: one version, refusals and news in Ukrainian for Kyiv, English for Washington", async () => {
    const { seats, instructor } = await setUpTable({ ukraine: "uk", europe: "uk" });
    const scenario = getScenario("ukraine-2026");
    const uk = scenario?.translations?.uk;
    if (!scenario || !uk) throw new Error("the scenario's Ukrainian is missing");
    await act(instructor, { type: "start" });
    await act(instructor, { type: "start" });
    await act(seats.us, { type: "set-option", issue: "territory", option: "deferred" });
    await act(seats.us, { type: "table-draft" });
    await waitFor(
      () => lastView(seats.ukraine)?.currentVersion === 1 && lastView(seats.us)?.currentVersion === 1,
    );

    // The same version 1, each reader's words for its issue and option.
    const named = (connection: Connection) => {
      const view = lastView(connection);
      const issue = view?.issues.find((i) => i.id === "territory");
      const option = issue?.options.find((o) => o.id === view?.versions[0]?.package.territory);
      return {
        issue: issue?.name,
        option: option?.label,
        seat: view?.seats.find((s) => s.role === "ukraine")?.name,
      };
    };
    const english = scenario.issues.find((i) => i.id === "territory");
    expect(named(seats.ukraine)).toEqual({
      issue: uk.issues?.territory?.name,
      option: uk.issues?.territory?.options?.deferred?.label,
      seat: uk.roles?.ukraine?.name,
    });
    expect(named(seats.europe)).toEqual(named(seats.ukraine));
    expect(named(seats.us)).toEqual({
      issue: english?.name,
      option: english?.options.find((o) => o.id === "deferred")?.label,
      seat: "Ukraine",
    });
    expect(lastView(seats.ukraine)?.versions[0]?.package).toEqual(lastView(seats.us)?.versions[0]?.package);

    // A red-line refusal in Ukrainian: the rule's title and explanation too.
    await act(seats.ukraine, { type: "set-option", issue: "territory", option: "recognize-crimea" });
    const tabled = seats.ukraine.send({ type: "table-draft" });
    await waitFor(() => seats.ukraine.seen.refusals.some((r) => r.intentId === tabled));
    const refusal = seats.ukraine.seen.refusals.find((r) => r.intentId === tabled)?.refusal;
    const rule = uk.redLines?.["ua-no-legal-cession"];
    expect(refusal).toMatchObject({ code: "red-line", title: rule?.title, explanation: rule?.explanation });
    expect(refusal?.message).toContain(`порушує вашу червону лінію «${rule?.title}»`);

    // News reaches each reader in their language.
    await act(instructor, { type: "inject-event", event: "paris-guarantees" });
    const news = (connection: Connection) => lastView(connection)?.news.at(-1);
    await waitFor(() => news(seats.ukraine) && news(seats.us));
    expect(news(seats.ukraine)).toMatchObject({
      title: uk.events?.["paris-guarantees"]?.title,
      flash: uk.events?.["paris-guarantees"]?.flash,
    });
    expect(news(seats.us)?.title).toBe(scenario.events.find((e) => e.id === "paris-guarantees")?.title);

    // Secrets stay with their seat in every language: Kyiv's and Brussels' Ukrainian messages
    // carry no other seat's brief or red lines, in Ukrainian or in English.
    for (const role of ["ukraine", "europe"] as const) {
      const everything = JSON.stringify(seats[role].seen.raw);
      for (const other of scenario.roles.filter((r) => r.id !== role)) {
        const theirs = uk.roles?.[other.id]?.privateBrief?.summary;
        expect(theirs).toBeTruthy();
        expect(everything).not.toContain(theirs);
        expect(everything).not.toContain(other.privateBrief.summary);
        for (const rule of scenario.redLines[other.id] ?? []) {
          const title = uk.redLines?.[rule.id]?.title;
          expect(title).toBeTruthy();
          expect(everything).not.toContain(title);
          expect(everything).not.toContain(rule.title);
        }
      }
    }

    // A reader who switches language gets the whole view again in it; a language the product does
    // not speak is answered with an error naming the ones it does.
    const before = seats.us.seen.views.length;
    seats.us.room.send("locale", { locale: "uk" });
    await waitFor(() => seats.us.seen.views.length > before);
    expect(named(seats.us)).toEqual(named(seats.ukraine));
    seats.us.room.send("locale", { locale: "fr" });
    await waitFor(() => seats.us.seen.raw.some((m) => (m as { type: string }).type === "error"));
    const error = seats.us.seen.raw.find((m) => (m as { type: string }).type === "error") as {
      payload: { message: string };
    };
    expect(error.payload.message).toMatch(/en, uk/);
  });

  it("lets nobody act as another seat or as the instructor", async () => {
    const { seats, instructor } = await setUpTable();
    // A seat naming another actor is ignored: the server sets the actor from the connection.
    const spoofed = seats.ukraine.send({ type: "start", actor: "instructor" });
    await waitFor(() => seats.ukraine.seen.refusals.some((r) => r.intentId === spoofed));
    expect(seats.ukraine.seen.refusals.find((r) => r.intentId === spoofed)?.refusal.code).toBe("not-allowed");
    const asRussia = seats.ukraine.send({ type: "claim-seat", actor: "russia" });
    await waitFor(() => seats.ukraine.seen.refusals.some((r) => r.intentId === asRussia));
    const forbidden = seats.ukraine.send({ type: "start" });
    await waitFor(() => seats.ukraine.seen.refusals.some((r) => r.intentId === forbidden));
    expect(seats.ukraine.seen.refusals.find((r) => r.intentId === forbidden)?.refusal.code).toBe(
      "not-allowed",
    );
    expect(lastView(instructor)?.phase).toBe("lobby");
  });

  it("never shows a seat another seat's private data, in any message it receives", async () => {
    const { seats, instructor } = await setUpTable();
    await act(instructor, { type: "start" });
    await act(instructor, { type: "start" });
    await act(seats.us, { type: "say", to: "ukraine", text: "a private word for Kyiv" });
    await act(seats.us, { type: "say", text: "hello everyone" });
    const scenario = getScenario("ukraine-2026");
    if (!scenario) throw new Error("scenario missing");
    for (const role of ["us", "ukraine", "europe", "russia"] as const) {
      const everything = JSON.stringify(seats[role].seen.raw);
      for (const other of scenario.roles.filter((r) => r.id !== role)) {
        expect(everything).not.toContain(other.privateBrief.summary);
        for (const rule of scenario.redLines[other.id] ?? []) {
          // A rule id shared by text with one's own (none in this scenario) would be a false alarm.
          expect(everything).not.toContain(`"${rule.id}"`);
        }
      }
      const inChannel = role === "us" || role === "ukraine";
      expect(everything.includes("a private word for Kyiv")).toBe(inChannel);
      expect(everything).toContain("hello everyone");
    }
    expect(JSON.stringify(instructor.seen.raw)).toContain("a private word for Kyiv");
  });

  it("acts once on an intent sent twice with one idempotency key", async () => {
    const { seats, instructor } = await setUpTable();
    const intentId = randomUUID();
    instructor.room.send("command", { intentId, command: { type: "start" } });
    instructor.room.send("command", { intentId, command: { type: "start" } });
    await waitFor(() => instructor.seen.done.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lastView(seats.us)?.phase).toBe("briefing");
  });

  it("answers malformed commands with a reply and keeps the log clean", async () => {
    const { tableId, seats } = await setUpTable();
    const before = await server.database.prisma.event.count({ where: { tableId } });
    seats.us.room.send("command", { intentId: "nope", command: { type: "pass" } });
    seats.us.room.send("command", { intentId: randomUUID(), command: { type: "fly-to-moon" } });
    seats.us.room.send("command", "garbage");
    seats.us.room.send("whatever", { x: 1 });
    await waitFor(
      () =>
        seats.us.seen.raw.filter((m) => ["error", "refusal"].includes((m as { type: string }).type)).length >=
        4,
      { what: "four replies" },
    );
    expect(await server.database.prisma.event.count({ where: { tableId } })).toBe(before);
    expect(seats.us.room.connection.isOpen).toBe(true);
  });
});
