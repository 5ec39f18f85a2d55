// Workshops over HTTP against a real server and database: create, join by code, seats, the
// instructor's overview, and every kind of bad input answered with a sentence.
import { createHash } from "node:crypto";
import { instructorOverviewSchema, seatingOverviewSchema, syntheticScenario } from "@red-lines/shared/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { instructorOn } from "../support/seats.ts";
import { startTestServer } from "../support/server.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
/** Whatever a route answers; each test reads the fields its route has. */
type ApiBody = {
  error: { code: string; message: string };
  workshopId: string;
  joinCode: string;
  instructorKey: string;
  joinUrl: string;
  settings: unknown;
  table: number;
  tableId: string;
  role: string;
  seatToken: string;
  rejoined: boolean;
};
let device = 0;

beforeAll(async () => {
  server = await startTestServer("embedded");
});

afterAll(async () => {
  await server?.stop();
});

/** Each call comes from its own device (the server trusts X-Forwarded-For, as behind a proxy). */
function post(path: string, body: unknown, from = `10.0.0.${++device}`) {
  return postJson<ApiBody>(server.url, path, body, from);
}

/** The i-th of many different well-formed codes no workshop has. */
function guess(i: number): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return `ZZZZ-Z${alphabet[Math.floor(i / alphabet.length) % alphabet.length]}${alphabet[i % alphabet.length]}Z`;
}

async function createWorkshop(tables = 2) {
  const created = await post("/workshops", { scenarioId: "ukraine-2026", tables });
  expect(created.status).toBe(201);
  return created.body;
}

describe("creating a workshop", () => {
  it("answers with a join code, a join link and a secret instructor link, storing only the key's hash", async () => {
    const created = await post("/workshops", {
      scenarioId: "ukraine-2026",
      tables: 3,
      rounds: 6,
      botFill: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(created.body.joinUrl).toBe(
      `${server.url.replace("127.0.0.1", "localhost")}/join/${created.body.joinCode}`,
    );
    expect(created.body.settings).toMatchObject({
      tables: 3,
      rounds: 6,
      botFill: true,
      variant: "back-channel",
    });
    const row = await server.database.prisma.workshop.findUniqueOrThrow({
      where: { id: created.body.workshopId },
      include: { tables: true },
    });
    expect(row.tables.map((table) => table.number).sort()).toEqual([1, 2, 3]);
    expect(row.instructorKeyHash).not.toContain(created.body.instructorKey);
    expect(JSON.stringify(row)).not.toContain(created.body.instructorKey);
  });

  it("refuses bad settings with one sentence per problem", async () => {
    const bad = await post("/workshops", { scenarioId: "ukraine-2026", tables: 40, variant: "nope" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid-request");
    expect(bad.body.error.message).toMatch(/from 1 to 30/);
    expect(bad.body.error.message).toMatch(/no variant "nope"/);
  });

  it("refuses a body that is not JSON, or too large", async () => {
    expect((await post("/workshops", "{not json")).body.error).toMatchObject({ code: "invalid-json" });
    const huge = await post("/workshops", { scenarioId: "x".repeat(20_000), tables: 1 });
    expect(huge.status).toBe(413);
  });
});

describe("joining by code", () => {
  it("seats people evenly across tables and gives each a seat token", async () => {
    const workshop = await createWorkshop(2);
    const a = await post("/join", { code: workshop.joinCode.toLowerCase(), name: "Ada" });
    const b = await post("/join", { code: workshop.joinCode.replace("-", " "), name: "Bo" });
    const c = await post("/join", { code: workshop.joinCode, name: "Cy" });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect([a.body.table, b.body.table, c.body.table]).toEqual([1, 2, 1]);
    expect([a.body.role, b.body.role, c.body.role]).toEqual(["us", "us", "ukraine"]);
    expect(a.body.seatToken).not.toBe(b.body.seatToken);
  });

  it("gives the same person the same seat back with their token", async () => {
    const workshop = await createWorkshop(1);
    const first = await post("/join", { code: workshop.joinCode, name: "Ada", role: "europe" });
    const again = await post("/join", {
      code: workshop.joinCode,
      name: "Ada B.",
      seatToken: first.body.seatToken,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      role: "europe",
      table: 1,
      rejoined: true,
      tableId: first.body.tableId,
    });
    const seats = await server.database.prisma.seat.findMany({ where: { tableId: first.body.tableId } });
    expect(seats).toHaveLength(1);
    expect(seats[0]?.displayName).toBe("Ada B.");
  });

  it("never gives one seat to two people who ask at once", async () => {
    const workshop = await createWorkshop(1);
    const results = await Promise.all(
      ["A", "B", "C", "D", "E", "F"].map((name) => post("/join", { code: workshop.joinCode, name })),
    );
    const seated = results.filter((result) => result.status === 201).map((result) => result.body.role);
    expect(seated.sort()).toEqual(["europe", "russia", "ukraine", "us"]);
    expect(results.filter((result) => result.status === 409).map((result) => result.body.error.code)).toEqual(
      ["workshop-full", "workshop-full"],
    );
  });

  it("explains a wrong code, a taken seat and a missing name", async () => {
    const workshop = await createWorkshop(1);
    await post("/join", { code: workshop.joinCode, name: "Ada", role: "russia" });
    const taken = await post("/join", { code: workshop.joinCode, name: "Bo", role: "russia", table: 1 });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "seat-taken" } } });
    expect(taken.body.error.message).toMatch(/at table 1 is taken/);
    const unknown = await post("/join", { code: "ZZZZ-ZZZZ", name: "Bo" });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "unknown-code" } } });
    const noName = await post("/join", { code: workshop.joinCode, name: " " });
    expect(noName).toMatchObject({ status: 400, body: { error: { message: "Enter a display name." } } });
  });
});

describe("looking a join code up", () => {
  it("shows the roles with their public stances and which seats are free, before joining", async () => {
    const workshop = await createWorkshop(2);
    await post("/join", { code: workshop.joinCode, name: "Ada", role: "europe", table: 2 });
    const get = (code: string, from = `10.0.1.${++device}`) =>
      fetch(`${server.url}/api/join/${encodeURIComponent(code)}`, { headers: { "x-forwarded-for": from } });
    const response = await get(workshop.joinCode.toLowerCase());
    expect(response.status).toBe(200);
    const seating = seatingOverviewSchema.parse(await response.json());
    expect(seating.joinCode).toBe(workshop.joinCode);
    expect(seating.roles.map((role) => role.id)).toEqual(["us", "ukraine", "europe", "russia"]);
    expect(seating.roles.every((role) => role.publicStance.length > 20)).toBe(true);
    expect(seating.tables.map((table) => table.number)).toEqual([1, 2]);
    expect(seating.tables[1]?.seats.find((seat) => seat.role === "europe")).toEqual({
      role: "europe",
      taken: true,
      name: "Ada",
    });
    expect(seating.tables[0]?.seats.every((seat) => !seat.taken)).toBe(true);
    // Nothing secret travels: no tokens, no keys, not even the variant (back-channel would tell
    // every student that Russia is ready to bend).
    expect(JSON.stringify(seating)).not.toMatch(/token|instructor/i);
    expect(await (await get(workshop.joinCode)).text()).not.toMatch(/variant|back-channel|public-positions/);

    const unknown = await get("ZZZZ-ZZZ2");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ApiBody).error.code).toBe("unknown-code");
    // Lookups count as join attempts, so they are no cheaper way to guess codes (30 different new
    // codes a minute per address; tests/integration/joinLimits.test.ts has the rest).
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await get(guess(i), "10.8.8.8")).status;
    expect(last).toBe(429);
  });
});

describe("a workshop's stored scenario", () => {
  it("gives the seats, their names and the scenario's title, whatever the built-in of its id has", async () => {
    const workshop = await createWorkshop(2);
    // Tables are played with the workshop's snapshot: here one of three roles.
    const scenario = syntheticScenario({ seed: "stored", roles: 3, issues: 3, options: 3 });
    const data = JSON.parse(JSON.stringify(scenario));
    const hash = createHash("sha256").update(JSON.stringify(scenario)).digest("hex");
    const { prisma } = server.database;
    await prisma.scenarioSnapshot.create({ data: { hash, scenarioId: scenario.id, data } });
    await prisma.workshop.update({
      where: { id: workshop.workshopId },
      data: { scenarioHash: hash, variant: scenario.defaultVariant },
    });

    const response = await fetch(`${server.url}/api/join/${workshop.joinCode}`, {
      headers: { "x-forwarded-for": `10.0.2.${++device}` },
    });
    const seating = seatingOverviewSchema.parse(await response.json());
    expect(seating.scenario.title).toBe(scenario.title);
    expect(seating.roles.map((role) => role.name)).toEqual(["Party 1", "Party 2", "Party 3"]);
    expect(seating.tables.map((table) => table.seats.length)).toEqual([3, 3]);

    const joined = await post("/join", { code: workshop.joinCode, name: "Ada", role: "party-3", table: 2 });
    expect(joined.status).toBe(201);
    expect([joined.body.role, joined.body.table]).toEqual(["party-3", 2]);
    const refused = await post("/join", { code: workshop.joinCode, name: "Bo", role: "us" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: "no-such-role",
      values: { role: "us", roles: ["Party 1", "Party 2", "Party 3"] },
      message: 'There is no seat "us". The seats are Party 1, Party 2 and Party 3.',
    });

    const overview = await fetch(`${server.url}/api/workshops/${workshop.workshopId}`, {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    });
    const body = await overview.json();
    expect(instructorOverviewSchema.parse(body).scenario).toEqual({
      title: scenario.title,
      variant: "Default",
    });
    expect(instructorOverviewSchema.parse(body).scenarioMissing).toBe(false);
    expect(JSON.stringify(body)).not.toContain(hash);
  });

  it("is flagged, not named, in the instructor overview once it is no longer on the server", async () => {
    const workshop = await createWorkshop(1);
    // A workshop from before snapshots, of a scenario id this server no longer has.
    await server.database.prisma.workshop.update({
      where: { id: workshop.workshopId },
      data: { scenarioHash: null, scenarioId: "retired-scenario" },
    });
    for (const language of ["en", "uk"]) {
      const response = await fetch(`${server.url}/api/workshops/${workshop.workshopId}?locale=${language}`, {
        headers: { authorization: `Bearer ${workshop.instructorKey}` },
      });
      expect(response.status).toBe(200);
      const body = await response.json();
      const overview = instructorOverviewSchema.parse(body);
      // The page words it in its reader's language: the answer carries no sentence for it.
      expect(overview.scenarioMissing).toBe(true);
      expect(overview.scenario).toEqual({ title: null, variant: "" });
      expect(JSON.stringify(body)).not.toMatch(/no longer/i);
      expect(overview.tables.map((table) => table.number)).toEqual([1]);
    }
  });
});

describe("the instructor overview", () => {
  it("opens with the instructor key and shows every table and who sits there", async () => {
    const workshop = await createWorkshop(2);
    await post("/join", { code: workshop.joinCode, name: "Ada" });
    const response = await fetch(`${server.url}/api/workshops/${workshop.workshopId}`, {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    });
    expect(response.status).toBe(200);
    const overview = (await response.json()) as { tables: { number: number; seats: { name: string }[] }[] };
    expect(overview.tables.map((table) => [table.number, table.seats.map((seat) => seat.name)])).toEqual([
      [1, ["Ada"]],
      [2, []],
    ]);
  });

  it("refuses without the key, with a wrong key, and for an unknown workshop alike", async () => {
    const workshop = await createWorkshop(1);
    const none = await fetch(`${server.url}/api/workshops/${workshop.workshopId}`);
    expect(none.status).toBe(401);
    const wrong = await fetch(`${server.url}/api/workshops/${workshop.workshopId}`, {
      headers: { authorization: "Bearer not-the-key" },
    });
    const missing = await fetch(`${server.url}/api/workshops/00000000-0000-4000-8000-000000000000`, {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    });
    expect([wrong.status, missing.status]).toEqual([403, 403]);
    expect(await wrong.json()).toEqual(await missing.json());
  });
});

describe("join attempts", () => {
  it("are rate limited per device, so join codes cannot be guessed", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 31; i++) {
      last = await post("/join", { code: guess(i), name: "Guess" }, "10.9.9.9");
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(last?.status).toBe(429);
    // Another device is not affected.
    expect((await post("/join", { code: "ZZZZ-ZZZ2", name: "Other" }, "10.9.9.10")).status).toBe(404);
    expect(last?.body.error.message).toMatch(/Too many join attempts from this device\. Wait \d+ seconds/);
  });

  it("let a whole class join from one school address: only wrong codes are limited", async () => {
    const workshop = await createWorkshop(10);
    const statuses: number[] = [];
    for (let i = 0; i < 36; i++) {
      statuses.push(
        (await post("/join", { code: workshop.joinCode, name: `Student ${i}` }, "10.7.7.7")).status,
      );
    }
    expect(statuses.every((status) => status === 201)).toBe(true);
    const lookups = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${server.url}/api/join/${workshop.joinCode}`, { headers: { "x-forwarded-for": "10.7.7.7" } }),
      ),
    );
    expect(lookups.every((response) => response.status === 200)).toBe(true);
  });
});

describe("where the talks stand", () => {
  const overviewOf = async (workshop: { workshopId: string; instructorKey: string }) => {
    const response = await fetch(`${server.url}/api/workshops/${workshop.workshopId}`, {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    });
    expect(response.status).toBe(200);
    return instructorOverviewSchema.parse(await response.json());
  };
  const seatingOf = async (code: string) => {
    const response = await fetch(`${server.url}/api/join/${code}`, {
      headers: { "x-forwarded-for": `10.0.2.${++device}` },
    });
    return seatingOverviewSchema.parse(await response.json());
  };
  /** The instructor starts a table (bots fill it) and ends its talks. */
  const endTalks = async (tableId: string, instructorKey: string) => {
    const instructor = await instructorOn(server.url, tableId, instructorKey);
    try {
      await instructor.run({ type: "start" });
      await instructor.run({ type: "end-talks" });
    } finally {
      await instructor.room.leave();
    }
  };

  it("are told per table, and a table whose talks are over takes nobody new", async () => {
    const created = await post("/workshops", {
      scenarioId: "ukraine-2026",
      variant: "back-channel",
      tables: 2,
      botFill: true,
    });
    const workshop = created.body;
    const early = await post("/join", { code: workshop.joinCode, name: "Ada", table: 1, role: "ukraine" });
    expect(early.status).toBe(201);

    const before = await overviewOf(workshop);
    expect(before.scenario).toEqual({ title: "Ukraine peace talks, 2026", variant: "Back channel" });
    expect(Date.parse(before.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(before.tables.map((table) => table.progress)).toEqual(["not-started", "not-started"]);
    const [first, second] = before.tables;
    if (!first || !second) throw new Error("two tables");

    await endTalks(first.id, workshop.instructorKey);
    expect((await overviewOf(workshop)).tables.map((table) => table.progress)).toEqual([
      "over",
      "not-started",
    ]);
    expect((await seatingOf(workshop.joinCode)).tables.map((table) => table.progress)).toEqual([
      "over",
      "not-started",
    ]);

    const atOver = await post("/join", { code: workshop.joinCode, name: "Bo", table: 1, role: "russia" });
    expect(atOver).toMatchObject({ status: 409, body: { error: { code: "talks-over" } } });
    expect(atOver.body.error.message).toBe(
      "The talks at table 1 are over, so it takes nobody new. Choose a seat at another table.",
    );
    // Any free seat: the table still to start, not the finished one with its three free seats.
    const anywhere = await post("/join", { code: workshop.joinCode, name: "Cy" });
    expect(anywhere).toMatchObject({ status: 201, body: { table: 2 } });
    // A seat held there is still given back to its holder.
    const back = await post("/join", {
      code: workshop.joinCode,
      name: "Ada",
      seatToken: early.body.seatToken,
    });
    expect(back).toMatchObject({ status: 200, body: { table: 1, role: "ukraine", rejoined: true } });

    await endTalks(second.id, workshop.instructorKey);
    expect((await overviewOf(workshop)).tables.map((table) => table.progress)).toEqual(["over", "over"]);
    const none = await post("/join", { code: workshop.joinCode, name: "Di" });
    expect(none).toMatchObject({ status: 409, body: { error: { code: "talks-over" } } });
    expect(none.body.error.message).toBe(
      "The talks at every table of this workshop are over, so they take nobody new. Ask your instructor.",
    );
  });

  it("reads a started table as running", async () => {
    const workshop = (await post("/workshops", { scenarioId: "ukraine-2026", tables: 1, botFill: true }))
      .body;
    const [table] = (await overviewOf(workshop)).tables;
    if (!table) throw new Error("one table");
    const instructor = await instructorOn(server.url, table.id, workshop.instructorKey);
    try {
      await instructor.run({ type: "start" });
    } finally {
      await instructor.room.leave();
    }
    expect((await overviewOf(workshop)).tables.map((entry) => entry.progress)).toEqual(["running"]);
  });
});
