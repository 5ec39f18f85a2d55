// Table log export against a real server and database: a table played by four real clients, its
// log exported as JSON and as CSV behind the instructor key, checked against the stored events;
// a whole workshop at once, with a table long enough to be read in several pages; every refusal.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import { appendEvents } from "@red-lines/db";
import {
  type EventOf,
  effectiveScenario,
  eventSchema,
  type LogExport,
  logCsvColumns,
  logExportFormat,
  logExportSchema,
  negotiationRoomName,
  type RefusalMessage,
  utility,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toNewEvent } from "../../server/src/tables/tableLog.ts";
import { postJson } from "../support/api.ts";
import { type Backend, backends } from "../support/backends.ts";
import { startTestServer } from "../support/server.ts";
import { withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

/** Chat typed by a student: a comma, quotes, a line break, unicode, and a leading formula sign. */
const trickyChat = '=HYPERLINK("http://evil.example","click"), then\n"quote" — Україна 🇺🇦';
/** More than the server reads in one page (1000), so the export crosses page boundaries. */
const longTableEvents = 2_345;

/** RFC 4180, strictly: records end with CRLF, quotes only around whole fields, doubled inside. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error("a quoted field is never closed");
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const special = /[,\r\n"]/g;
      special.lastIndex = i;
      const hit = special.exec(text);
      const end = hit ? hit.index : text.length;
      if (hit?.[0] === '"') throw new Error(`a quote inside an unquoted field at ${end}`);
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (text[i] === ",") {
      i++;
    } else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
    }
  }
  if (record.length > 0) throw new Error("the last record does not end with CRLF");
  return records;
}

/** Rows as objects keyed by the header, checking every row has as many fields as the header. */
function csvObjects(text: string, columns: readonly string[] = logCsvColumns): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([...columns]);
  return rows.map((row) => {
    expect(row).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((column, index) => [column, row[index] ?? ""]));
  });
}

describe.each(backends)("table log export on %s", (backend: Backend) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const rooms: Room[] = [];
  type Created = { workshopId: string; joinCode: string; instructorKey: string };
  let workshop: Created;
  let other: Created;
  let playedTableId: string;
  let longTableId: string;
  let otherTableId: string;

  async function api<T = Record<string, string>>(path: string, body: unknown) {
    return (await postJson<T>(server.url, path, body)).body;
  }

  function get(path: string, key?: string) {
    return fetch(`${server.url}/api${path}`, {
      headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    });
  }

  async function connect(options: Record<string, string>) {
    const room = await new Client(server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
    rooms.push(room);
    const done: string[] = [];
    const refusals: RefusalMessage[] = [];
    room.onMessage("*", (type, payload) => {
      if (type === "done") done.push((payload as { intentId: string }).intentId);
      if (type === "refusal") refusals.push(payload as RefusalMessage);
    });
    return {
      room,
      async act(command: Record<string, unknown>) {
        const intentId = randomUUID();
        room.send("command", { intentId, command });
        await waitFor(() => done.includes(intentId) || refusals.some((r) => r.intentId === intentId), {
          what: `${String(command.type)} to be answered`,
          timeout: 20_000,
        });
        return refusals.find((r) => r.intentId === intentId)?.refusal;
      },
    };
  }

  async function storedEvents(tableId: string) {
    const rows = await server.database.prisma.event.findMany({ where: { tableId }, orderBy: { seq: "asc" } });
    return rows.map((row) => ({
      seq: row.seq,
      time: row.time.toISOString(),
      type: row.type,
      actor: row.actor,
      payload: row.payload,
    }));
  }

  beforeAll(async () => {
    server = await startTestServer(backend);
    workshop = await api<Created>("/workshops", { scenarioId: "ukraine-2026", tables: 2, turnSeconds: 600 });
    other = await api<Created>("/workshops", { scenarioId: "ukraine-2026", tables: 1 });
    const tables = await server.database.prisma.table.findMany({
      where: { workshopId: { in: [workshop.workshopId, other.workshopId] } },
    });
    const tableOf = (workshopId: string, number: number) => {
      const table = tables.find((t) => t.workshopId === workshopId && t.number === number);
      if (!table) throw new Error(`no table ${number}`);
      return table.id;
    };
    playedTableId = tableOf(workshop.workshopId, 1);
    longTableId = tableOf(workshop.workshopId, 2);
    otherTableId = tableOf(other.workshopId, 1);

    // Table 1: four people join by code and play over WebSockets.
    const names = { us: 'Sam, "the envoy"', ukraine: "Олена Коваль", europe: "=1+1", russia: "Ivan" };
    const seats: Record<string, Awaited<ReturnType<typeof connect>>> = {};
    for (const [role, name] of Object.entries(names)) {
      const joined = await api("/join", { code: workshop.joinCode, name, table: 1, role });
      expect(joined.tableId).toBe(playedTableId);
      seats[role] = await connect({ tableId: playedTableId, seatToken: joined.seatToken as string });
    }
    const instructor = await connect({ tableId: playedTableId, instructorKey: workshop.instructorKey });
    await waitFor(
      async () =>
        (await server.database.prisma.event.count({
          where: { tableId: playedTableId, type: "seat-claimed" },
        })) === 4,
      { what: "all four seats to be claimed", timeout: 20_000 },
    );
    const seat = (role: string) => {
      const connection = seats[role];
      if (!connection) throw new Error(`no ${role}`);
      return connection;
    };
    const played: [string, Record<string, unknown>][] = [
      ["instructor", { type: "start" }], // lobby → briefing
      ["instructor", { type: "start" }], // briefing → negotiating, round 1, the US to move
      ["us", { type: "say", text: trickyChat }],
      ["ukraine", { type: "say", to: "europe", text: "Між нами: так, «домовились»." }],
      ["us", { type: "set-option", issue: "territory", option: "deferred" }],
      ["us", { type: "pass" }],
      ["ukraine", { type: "set-option", issue: "nato", option: "deferred" }],
      ["ukraine", { type: "set-option", issue: "territory", option: "recognize-crimea" }],
    ];
    for (const [actor, command] of played) {
      const refusal = await (actor === "instructor" ? instructor : seat(actor)).act(command);
      if (refusal) throw new Error(`${actor}'s ${String(command.type)} refused: ${refusal.message}`);
    }
    // Past Ukraine's own red line: refused, and the refusal is kept in the log.
    expect(await seat("ukraine").act({ type: "table-draft" })).toMatchObject({ code: "red-line" });

    // Table 2: a long log written straight to the database, longer than one page of reading.
    const start = Date.parse("2026-01-01T09:00:00.000Z");
    const chat: EventOf<"message-sent">[] = Array.from({ length: longTableEvents }, (_, index) => ({
      type: "message-sent",
      at: start + index * 1000,
      from: index % 2 === 0 ? "us" : "russia",
      to: null,
      text: `message ${index + 1}`,
    }));
    for (let offset = 0; offset < chat.length; offset += 500) {
      const batch = chat.slice(offset, offset + 500);
      await appendEvents(
        server.database.prisma,
        longTableId,
        batch.map((event) => toNewEvent({ event, actor: event.from, intent: null })),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
    await server?.stop();
  });

  it("gives one table's log as JSON: exactly the stored events in order, each a valid event", async () => {
    const response = await get(
      `/workshops/${workshop.workshopId}/tables/${playedTableId}/log.json`,
      workshop.instructorKey,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="red-lines-${workshop.joinCode}-table-1.json"`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body: LogExport = logExportSchema.parse(await response.json());
    expect(body.format).toBe(logExportFormat);
    expect(Date.parse(body.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(body.workshop).toMatchObject({
      id: workshop.workshopId,
      joinCode: workshop.joinCode,
      scenarioId: "ukraine-2026",
      variant: "back-channel",
      settings: { tables: 2, turnSeconds: 600 },
    });
    expect(body.tables).toHaveLength(1);
    const [table] = body.tables;
    expect(table?.id).toBe(playedTableId);
    expect(table?.number).toBe(1);
    expect(table?.seats).toEqual(
      expect.arrayContaining([
        { role: "us", displayName: 'Sam, "the envoy"' },
        { role: "ukraine", displayName: "Олена Коваль" },
      ]),
    );
    const stored = await storedEvents(playedTableId);
    expect(stored.length).toBeGreaterThan(10);
    expect(table?.events).toEqual(stored);
    for (const event of table?.events ?? []) {
      expect(eventSchema.parse(event.payload)).toEqual(event.payload);
      expect(event.type).toBe(event.payload.type);
      expect(Date.parse(event.time)).toBe(event.payload.at);
    }
    expect(table?.events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        "seat-claimed",
        "briefing-started",
        "negotiations-started",
        "turn-started",
        "message-sent",
        "option-set",
        "turn-passed",
        "red-line-refused",
      ]),
    );
  });

  it("carries the scenario snapshot in the JSON, and a CSV of tabled versions × issues with utilities", async () => {
    const json = logExportSchema.parse(
      await (
        await get(
          `/workshops/${workshop.workshopId}/tables/${playedTableId}/log.json`,
          workshop.instructorKey,
        )
      ).json(),
    );
    expect(json.scenario?.id).toBe("ukraine-2026");
    expect(json.scenario?.issues.length).toBe(getScenario("ukraine-2026")?.issues.length);

    const response = await get(
      `/workshops/${workshop.workshopId}/tables/${playedTableId}/versions.csv`,
      workshop.instructorKey,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="red-lines-${workshop.joinCode}-table-1-versions.csv"`,
    );
    const roles = ["us", "ukraine", "europe", "russia"];
    const columns = [
      ...[
        "workshop_id",
        "table",
        "table_id",
        "version",
        "tabled_by",
        "time",
        "round",
        "issue",
        "option",
        "option_label",
      ],
      ...["score", "utility", "no_deal", "gain"].flatMap((measure) =>
        roles.map((role) => `${measure}_${role}`),
      ),
    ];
    const rows = csvObjects(await response.text(), columns);
    const tabled = (
      await server.database.prisma.event.findMany({
        where: { tableId: playedTableId, type: "version-tabled" },
      })
    ).map((row) => eventSchema.parse(row.payload));
    const scenario = getScenario("ukraine-2026");
    if (!scenario) throw new Error("no flagship");
    expect(rows.length).toBe(tabled.length * scenario.issues.length);
    const effective = effectiveScenario(scenario, "back-channel");
    for (const event of tabled) {
      if (event.type !== "version-tabled") continue;
      const mine = rows.filter((row) => row.version === String(event.version));
      expect(mine.map((row) => row.issue)).toEqual(scenario.issues.map((issue) => issue.id));
      for (const role of ["us", "ukraine", "europe", "russia"]) {
        const expected = Math.round(utility(effective, role, event.package) * 100) / 100;
        expect(Number(mine[0]?.[`utility_${role}`])).toBeCloseTo(expected, 2);
      }
      const territory = mine.find((row) => row.issue === "territory");
      expect(territory?.option ?? "").toBe(event.package.territory ?? "");
    }
  });

  it("gives one table's log as RFC 4180 CSV, one row per event, chat text exact behind the formula guard", async () => {
    const response = await get(
      `/workshops/${workshop.workshopId}/tables/${playedTableId}/log.csv`,
      workshop.instructorKey,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="red-lines-${workshop.joinCode}-table-1.csv"`,
    );
    const text = await response.text();
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = csvObjects(text);
    const stored = await storedEvents(playedTableId);
    expect(rows.map((row) => Number(row.seq))).toEqual(stored.map((event) => event.seq));
    for (const [index, row] of rows.entries()) {
      const event = stored[index];
      expect(row).toMatchObject({
        workshop_id: workshop.workshopId,
        table: "1",
        table_id: playedTableId,
        time: event?.time,
        type: event?.type,
        actor: event?.actor,
      });
      expect(JSON.parse(row.payload_json ?? "")).toEqual(event?.payload);
    }

    const publicChat = rows.find((row) => row.type === "message-sent" && row.to === "");
    expect(publicChat).toMatchObject({ actor: "us", seat: "us", round: "1", text: `'${trickyChat}` });
    expect(JSON.parse(publicChat?.payload_json ?? "").text).toBe(trickyChat);
    expect(rows.find((row) => row.type === "message-sent" && row.to === "europe")).toMatchObject({
      seat: "ukraine",
      text: "Між нами: так, «домовились».",
    });
    expect(rows.filter((row) => row.type === "option-set")).toEqual([
      expect.objectContaining({ seat: "us", issue: "territory", option: "deferred", round: "1" }),
      expect.objectContaining({ seat: "ukraine", issue: "nato", option: "deferred", round: "1" }),
      expect.objectContaining({ seat: "ukraine", issue: "territory", option: "recognize-crimea" }),
    ]);
    expect(rows.find((row) => row.type === "red-line-refused")).toMatchObject({
      seat: "ukraine",
      rules: expect.stringContaining("ua-no-legal-cession"),
      version: "",
      round: "1",
    });
    expect(rows.find((row) => row.type === "seat-claimed" && row.seat === "europe")).toBeDefined();
    expect(rows.filter((row) => row.type === "briefing-started").map((row) => row.round)).toEqual([""]);
  });

  it("gives a whole workshop in one file, table by table, across pages of a long log", async () => {
    const json = await get(`/workshops/${workshop.workshopId}/log.json`, workshop.instructorKey);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toBe(
      `attachment; filename="red-lines-${workshop.joinCode}.json"`,
    );
    const body = logExportSchema.parse(await json.json());
    expect(body.tables.map((table) => [table.id, table.number])).toEqual([
      [playedTableId, 1],
      [longTableId, 2],
    ]);
    expect(body.tables[0]?.events).toEqual(await storedEvents(playedTableId));
    const long = await storedEvents(longTableId);
    expect(long).toHaveLength(longTableEvents);
    expect(body.tables[1]?.events).toEqual(long);
    expect(body.tables[1]?.seats).toEqual([]);

    const csv = await get(`/workshops/${workshop.workshopId}/log.csv`, workshop.instructorKey);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      `attachment; filename="red-lines-${workshop.joinCode}.csv"`,
    );
    const rows = csvObjects(await csv.text());
    const played = await storedEvents(playedTableId);
    expect(rows).toHaveLength(played.length + longTableEvents);
    expect(rows.map((row) => `${row.table}:${row.seq}`)).toEqual([
      ...played.map((event) => `1:${event.seq}`),
      ...long.map((event) => `2:${event.seq}`),
    ]);
    expect(rows.at(-1)).toMatchObject({
      table_id: longTableId,
      seat: "us",
      text: `message ${longTableEvents}`,
      time: new Date(Date.parse("2026-01-01T09:00:00.000Z") + (longTableEvents - 1) * 1000).toISOString(),
    });
  });

  it("refuses without the key, with a wrong key, and for an unknown workshop, alike", async () => {
    const routes = [
      `/workshops/${workshop.workshopId}/log.json`,
      `/workshops/${workshop.workshopId}/log.csv`,
      `/workshops/${workshop.workshopId}/tables/${playedTableId}/log.json`,
      `/workshops/${workshop.workshopId}/tables/${playedTableId}/log.csv`,
    ];
    for (const route of routes) {
      const missing = await get(route);
      expect(missing.status).toBe(401);
      expect((await missing.json()).error).toMatchObject({ code: "instructor-key-required" });
      const wrong = await get(route, other.instructorKey);
      expect(wrong.status).toBe(403);
      expect((await wrong.json()).error).toMatchObject({ code: "not-instructor" });
    }
    const wrongKey = await (await get(routes[0] ?? "", "not-the-key")).json();
    const unknown = await (await get(`/workshops/${randomUUID()}/log.csv`, workshop.instructorKey)).json();
    expect(unknown).toEqual(wrongKey);
    // The same check and answers as the instructor overview.
    expect(await (await get(`/workshops/${workshop.workshopId}`, "not-the-key")).json()).toEqual(wrongKey);
  });

  it("answers 404 for another workshop's table, once the key is verified", async () => {
    const theirs = await get(
      `/workshops/${workshop.workshopId}/tables/${otherTableId}/log.json`,
      workshop.instructorKey,
    );
    expect(theirs.status).toBe(404);
    expect((await theirs.json()).error).toMatchObject({ code: "no-such-table" });
    const unknown = await get(
      `/workshops/${workshop.workshopId}/tables/${randomUUID()}/log.csv`,
      workshop.instructorKey,
    );
    expect(unknown.status).toBe(404);
    // Without the right key, the same request says nothing about the table.
    const guessed = await get(`/workshops/${workshop.workshopId}/tables/${otherTableId}/log.json`, "guess");
    expect(guessed.status).toBe(403);
    const ownKeyWrongWorkshop = await get(
      `/workshops/${other.workshopId}/tables/${playedTableId}/log.json`,
      other.instructorKey,
    );
    expect(ownKeyWrongWorkshop.status).toBe(404);
  });

  it("refuses ids that are not UUIDs with a sentence, and unknown formats as no route", async () => {
    const badWorkshop = await get("/workshops/not-a-uuid/log.json", workshop.instructorKey);
    expect(badWorkshop.status).toBe(400);
    const body = await badWorkshop.json();
    expect(body.error).toMatchObject({ code: "invalid-request", issues: [{ path: "id" }] });
    expect(body.error.message).toMatch(/workshop id .* not valid/);
    const badTable = await get(
      `/workshops/${workshop.workshopId}/tables/12345/log.csv`,
      workshop.instructorKey,
    );
    expect(badTable.status).toBe(400);
    expect((await badTable.json()).error).toMatchObject({
      code: "invalid-request",
      issues: [{ path: "tableId" }],
    });
    const xml = await get(`/workshops/${workshop.workshopId}/log.xml`, workshop.instructorKey);
    expect(xml.status).toBe(404);
    expect((await xml.json()).error).toMatchObject({ code: "not-found" });
  });
});
