// The scenario studio's HTTP API against a real server and database, on both the embedded
// database and PostgreSQL: who may open it, listing, reading and saving versions (checked with
// the CLI's own checks), the refusals, workshops on a stored version, and exports the CLI accepts.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  instructorOverviewSchema,
  loadScenario,
  type Scenario,
  seatingOverviewSchema,
  studioSavedSchema,
  studioScenarioListSchema,
  studioScenarioSchema,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { type Backend, backends } from "../support/backends.ts";
import { instructorOn } from "../support/seats.ts";
import { startTestServer } from "../support/server.ts";
import { waitFor } from "../support/wait.ts";

const root = path.resolve(import.meta.dirname, "../..");
const studioKey = "studio-key-for-tests-0123456789";
const flagship = getScenario("ukraine-2026") as Scenario;

/** The flagship under an id of its own and a new title: what an author saves after starting from it. */
function authored(id: string, title: string): Scenario {
  return { ...structuredClone(flagship), id, title };
}

let addresses = 0;
/** Each call from its own device unless told (the server trusts X-Forwarded-For, as behind a proxy). */
const device = () => `10.9.${Math.floor(++addresses / 250)}.${addresses % 250}`;

describe.each(backends)("the scenario studio on %s", (backend: Backend) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let instructorKey: string;

  /** Whatever a route answers; each test reads the fields its route has. */
  type Body = {
    error: { code: string; message: string; issues: { path: string; message: string }[] };
    id: string;
    title: string;
    version: number;
    hash: string;
    unchanged: boolean;
    workshopId: string;
    joinCode: string;
    instructorKey: string;
    settings: { scenarioId: string; scenarioVersion?: number; variant: string };
  };
  type Answer = { status: number; headers: Headers; text: string; body: Body };
  async function studio(
    route: string,
    options: { auth?: string | null; method?: string; body?: unknown; from?: string } = {},
  ): Promise<Answer> {
    const auth = options.auth === undefined ? `Bearer ${instructorKey}` : options.auth;
    const response = await fetch(`${server.url}/api/studio${route}`, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers: {
        "x-forwarded-for": options.from ?? device(),
        ...(auth === null ? {} : { authorization: auth }),
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(options.body === undefined
        ? {}
        : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
    });
    const text = await response.text();
    let body = null as unknown as Body;
    try {
      body = JSON.parse(text) as Body;
    } catch {
      // An export or an error page: the test reads the text.
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  const save = (scenario: unknown) => studio("/scenarios", { body: { scenario } });

  async function createWorkshop(request: Record<string, unknown>) {
    return postJson<Body>(server.url, "/workshops", { tables: 1, ...request }, device());
  }

  beforeAll(async () => {
    server = await startTestServer(backend, { STUDIO_KEY: studioKey });
    const created = await createWorkshop({ scenarioId: "ukraine-2026" });
    expect(created.status).toBe(201);
    instructorKey = created.body.instructorKey;
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("opens only with a workshop's instructor key or the server's studio key", async () => {
    const none = await studio("/scenarios", { auth: null });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("studio-key-required");
    expect(none.body.error.message).toMatch(/instructor key of one of your workshops/);

    const wrongInstructor = await studio("/scenarios", { auth: "Bearer not-a-key-of-any-workshop" });
    expect(wrongInstructor.status).toBe(401);
    expect(wrongInstructor.body.error).toMatchObject({ code: "wrong-key" });
    expect(wrongInstructor.body.error.message).toMatch(/belongs to no workshop/);

    const wrongStudio = await studio("/scenarios", { auth: `Studio ${studioKey}x` });
    expect(wrongStudio.status).toBe(401);
    expect(wrongStudio.body.error.message).toMatch(/not this server's studio key/);

    // A seat token, or a key under another scheme, is no studio key.
    expect((await studio("/scenarios", { auth: `Seat ${instructorKey}` })).status).toBe(401);
    // Nothing leaks before the key is checked, whatever the route.
    expect((await studio("/scenarios/ukraine-2026", { auth: null })).status).toBe(401);
    expect((await studio("/scenarios", { auth: null, body: { scenario: {} } })).status).toBe(401);

    const byInstructor = await studio("/scenarios");
    expect(byInstructor.status).toBe(200);
    expect(byInstructor.headers.get("cache-control")).toBe("no-store");
    const byStudio = await studio("/scenarios", { auth: `Studio ${studioKey}` });
    expect(byStudio.status).toBe(200);
    expect(byStudio.body).toEqual(byInstructor.body);
  });

  it("lists the built-in scenarios, then the latest version of each stored one", async () => {
    const id = `listed-${backend}`;
    expect((await save(authored(id, "Listed, first"))).status).toBe(201);
    expect((await save(authored(id, "Listed, second"))).status).toBe(201);
    const list = studioScenarioListSchema.parse((await studio("/scenarios")).body);
    expect(list.scenarios.slice(0, 2)).toEqual([
      {
        id: "ukraine-2026",
        title: flagship.title,
        summary: flagship.summary,
        origin: "built-in",
        version: null,
        versions: 0,
        savedAt: null,
        roles: 4,
      },
      expect.objectContaining({ id: "allied-coordination-2026", origin: "built-in", version: null }),
    ]);
    expect(list.scenarios.filter((scenario) => scenario.id === id)).toEqual([
      {
        id,
        title: "Listed, second",
        summary: flagship.summary,
        origin: "stored",
        version: 2,
        versions: 2,
        savedAt: expect.any(String),
        roles: 4,
      },
    ]);
  });

  it("saves versions from 1, content-hashed like workshop snapshots, and the same content again as the latest version", async () => {
    const id = `versions-${backend}`;
    const first = authored(id, "Versions");
    const saved = await save(first);
    expect(saved.status).toBe(201);
    const one = studioSavedSchema.parse(saved.body);
    const parsed = loadScenario(first);
    if (!parsed.ok) throw new Error("the authored scenario is invalid");
    const hash = createHash("sha256").update(JSON.stringify(parsed.scenario)).digest("hex");
    expect(one).toMatchObject({ id, version: 1, hash, unchanged: false });
    const snapshot = await server.database.prisma.scenarioSnapshot.findUniqueOrThrow({ where: { hash } });
    expect(snapshot.scenarioId).toBe(id);

    // The same content, as the studio gets it back from the database (keys in another order).
    const read = studioScenarioSchema.parse((await studio(`/scenarios/${id}`)).body);
    const again = await save(read.scenario);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...one, unchanged: true });

    const changed = { ...read.scenario, summary: "A second summary." };
    const two = await save(changed);
    expect(two.status).toBe(201);
    expect(two.body).toMatchObject({ id, version: 2, unchanged: false });
    expect(two.body.hash).not.toBe(hash);
    // Going back to the first content is a new version, pointing at the first snapshot.
    const three = await save(first);
    expect(three.body).toMatchObject({ version: 3, hash, unchanged: false });
    const rows = await server.database.prisma.storedScenario.findMany({ where: { scenarioId: id } });
    expect(rows.map((row) => row.version).sort()).toEqual([1, 2, 3]);
  });

  it("gives one scenario whole, at any version, and says which ids and versions there are not", async () => {
    const id = `read-${backend}`;
    await save(authored(id, "Read, first"));
    await save(authored(id, "Read, second"));
    const latest = studioScenarioSchema.parse((await studio(`/scenarios/${id}`)).body);
    expect(latest).toMatchObject({ id, origin: "stored", version: 2 });
    expect(latest.scenario.title).toBe("Read, second");
    // Briefs and red lines: the whole scenario, for the people allowed to edit it.
    expect(latest.scenario.roles[0]?.privateBrief).toEqual(flagship.roles[0]?.privateBrief);
    expect(latest.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(latest.hash).toBe(latest.versions[1]?.hash);
    const first = studioScenarioSchema.parse((await studio(`/scenarios/${id}?version=1`)).body);
    expect([first.version, first.scenario.title, first.hash]).toEqual([
      1,
      "Read, first",
      latest.versions[0]?.hash,
    ]);

    const builtIn = studioScenarioSchema.parse((await studio("/scenarios/ukraine-2026")).body);
    expect(builtIn).toMatchObject({ origin: "built-in", version: null, savedAt: null, versions: [] });
    expect(builtIn.scenario).toEqual(flagship);
    expect(builtIn.hash).toBe(createHash("sha256").update(JSON.stringify(flagship)).digest("hex"));

    const unknown = await studio("/scenarios/atlantis-2030");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({
      code: "no-such-scenario",
      reason: "unknown",
      values: { id: "atlantis-2030" },
      message: 'There is no scenario "atlantis-2030": neither built in nor saved from the studio.',
    });
    const notAnId = await studio("/scenarios/Not%20An%20Id");
    expect(notAnId.status).toBe(404);
    expect(notAnId.body.error.message).toBe(
      "There is no scenario with that id: scenario ids are kebab-case, such as my-class-2026.",
    );
    const broken = await studio("/scenarios/%E0%A4%A");
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toBe("The address is not valid: it has a broken %-escape.");
    const noVersion = await studio(`/scenarios/${id}?version=7`);
    expect(noVersion.status).toBe(404);
    expect(noVersion.body.error).toEqual({
      code: "no-such-version",
      reason: "stored",
      values: { id, version: 7, last: 2 },
      message: `Scenario "${id}" has no version 7: its versions are 1 to 2.`,
    });
    expect((await studio("/scenarios/ukraine-2026?version=1")).body.error.code).toBe("no-such-version");
    for (const bad of ["?version=0", "?version=1e3", "?version=two", "?at=3"]) {
      const answer = await studio(`/scenarios/${id}${bad}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error.code).toBe("invalid-request");
    }
  });

  it("refuses an invalid scenario with every problem at its path, in the CLI's words, and saves nothing", async () => {
    const id = `invalid-${backend}`;
    const broken = {
      ...authored(id, "Broken"),
      defaultVariant: "no-such-variant",
      turnOrder: ["us", "ukraine"],
    };
    const expected = loadScenario(broken);
    expect(expected.ok).toBe(false);
    const answer = await save(broken);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("invalid-scenario");
    expect(answer.body.error.message).toMatch(/problems/);
    expect(answer.body.error.issues).toEqual(
      expected.ok ? [] : expected.errors.map(({ path, message }) => ({ path, message })),
    );
    expect(answer.body.error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["defaultVariant", "turnOrder"]),
    );

    const structural = await save({ format: "red-lines/scenario@1", id: "Bad Id", title: "" });
    expect(structural.status).toBe(422);
    expect(structural.body.error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "id" })]),
    );
    expect(structural.body.error.issues.length).toBeGreaterThan(3);

    expect(await server.database.prisma.storedScenario.count({ where: { scenarioId: id } })).toBe(0);
  });

  it("refuses a built-in scenario's id, telling the author to choose their own", async () => {
    const answer = await save(structuredClone(flagship));
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("built-in-id");
    expect(answer.body.error.message).toMatch(/"ukraine-2026" is the id of a built-in scenario/);
    expect(answer.body.error.message).toMatch(/give yours an id of its own/);
  });

  it("takes scenarios up to 1 MB and refuses larger ones, malformed JSON and other bodies with a sentence", async () => {
    const large = { ...authored(`large-${backend}`, "Large"), summary: "A long summary. ".repeat(60_000) };
    expect(JSON.stringify(large).length).toBeGreaterThan(900_000);
    expect((await save(large)).status).toBe(201);

    const huge = await save({ ...large, summary: "A long summary. ".repeat(70_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toEqual({
      code: "too-large",
      reason: "scenario",
      values: { mb: 1 },
      message: "The scenario is too large: the studio takes scenarios of up to 1 MB.",
    });

    const malformed = await studio("/scenarios", { body: '{"scenario": {' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid-json");

    const bare = await studio("/scenarios", { body: authored(`bare-${backend}`, "Bare") });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/A save sends only \{ scenario \}/);
    const empty = await studio("/scenarios", { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/Send the scenario as \{ scenario: \{ … \} \}/);
    const notJson = await fetch(`${server.url}/api/studio/scenarios`, {
      method: "POST",
      headers: { authorization: `Bearer ${instructorKey}`, "x-forwarded-for": device() },
      body: "scenario",
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/content type application\/json/);
    // The server is fine after all of it.
    expect((await studio("/scenarios")).status).toBe(200);
  });

  it("lets a workshop choose a stored scenario, which keeps playing its version after newer saves", async () => {
    const id = `played-${backend}`;
    await save(authored(id, "Played, version 1"));
    const onLatest = await createWorkshop({ scenarioId: id });
    expect(onLatest.status).toBe(201);
    expect(onLatest.body.settings).toMatchObject({
      scenarioId: id,
      scenarioVersion: 1,
      variant: "back-channel",
    });
    await save(authored(id, "Played, version 2"));
    const onFirst = await createWorkshop({ scenarioId: id, scenarioVersion: 1 });
    const onSecond = await createWorkshop({ scenarioId: id });
    expect(onSecond.body.settings.scenarioVersion).toBe(2);
    await save(authored(id, "Played, version 3"));

    for (const [workshop, title] of [
      [onLatest.body, "Played, version 1"],
      [onFirst.body, "Played, version 1"],
      [onSecond.body, "Played, version 2"],
    ] as const) {
      const overview = await fetch(`${server.url}/api/workshops/${workshop.workshopId}`, {
        headers: { authorization: `Bearer ${workshop.instructorKey}` },
      });
      const parsed = instructorOverviewSchema.parse(await overview.json());
      expect(parsed.scenario.title).toBe(title);
      const seating = await fetch(`${server.url}/api/join/${workshop.joinCode}`, {
        headers: { "x-forwarded-for": device() },
      });
      expect(seatingOverviewSchema.parse(await seating.json()).scenario).toEqual({ id, title });
      // The table itself: its view names the scenario it is played with.
      const table = parsed.tables[0]?.id ?? "";
      const instructor = await instructorOn(server.url, table, workshop.instructorKey);
      try {
        const view = await waitFor(() => instructor.views[0], { what: "the table's first view" });
        expect(view.scenario.title).toBe(title);
      } finally {
        await instructor.room.leave();
      }
    }

    const noSuchVersion = await createWorkshop({ scenarioId: id, scenarioVersion: 9 });
    expect(noSuchVersion.status).toBe(400);
    expect(noSuchVersion.body.error.issues).toEqual([
      { path: "scenarioVersion", message: `Scenario "${id}" has no version 9: its versions are 1 to 3.` },
    ]);
    const unknown = await createWorkshop({ scenarioId: "atlantis-2030" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /There is no scenario "atlantis-2030"\. Available: ukraine-2026, allied-coordination-2026, .*played-/,
    );
    const builtInVersion = await createWorkshop({ scenarioId: "ukraine-2026", scenarioVersion: 1 });
    expect(builtInVersion.status).toBe(400);
    expect(builtInVersion.body.error.message).toMatch(/built in and has no versions/);
    const badVariant = await createWorkshop({ scenarioId: id, variant: "nope" });
    expect(badVariant.body.error.message).toMatch(new RegExp(`Scenario "${id}" has no variant "nope"`));
  });

  it("exports a version as a file that `npm run scenario -- check` accepts", async () => {
    const id = `exported-${backend}`;
    await save(authored(id, "Exported, first"));
    await save({ ...authored(id, "Exported, second"), summary: "Another summary." });
    const folder = await mkdtemp(path.join(os.tmpdir(), "red-lines-studio-"));
    try {
      for (const [route, filename, title] of [
        [`/scenarios/${id}/export`, `${id}-v2.json`, "Exported, second"],
        [`/scenarios/${id}/export?version=1`, `${id}-v1.json`, "Exported, first"],
        ["/scenarios/ukraine-2026/export", "ukraine-2026.json", flagship.title],
      ] as const) {
        const answer = await studio(route);
        expect(answer.status).toBe(200);
        expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
        expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
        expect(answer.body.title).toBe(title);
        const file = path.join(folder, filename);
        await writeFile(file, answer.text);
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ["--import", "tsx", "shared/src/cli/scenario.ts", "check", file],
          { cwd: root },
        );
        expect(stdout).toMatch(new RegExp(`^ok {2}${answer.body.id} — `));
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect((await studio(`/scenarios/${id}/export?version=5`)).status).toBe(404);
    expect((await studio(`/scenarios/${id}/export`, { auth: null })).status).toBe(401);
  });

  it("stops a device that tries too many keys, even with the right one, but not another device", async () => {
    const from = device();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(
        (await studio("/scenarios", { auth: `Studio wrong-key-${attempt}-abcdefghijkl`, from })).status,
      ).toBe(401);
    }
    const stopped = await studio("/scenarios", { auth: `Studio ${studioKey}`, from });
    expect(stopped.status).toBe(429);
    expect(stopped.body.error.code).toBe("rate-limited");
    expect(Number(stopped.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await studio("/scenarios", { auth: `Studio ${studioKey}` })).status).toBe(200);
    expect(server.logs.some((line) => line.startsWith("studio limits:"))).toBe(true);
  });
});
