// The entry pages' scenario words over HTTP, in the reader's language: the join-code look-up (the
// scenario's title, the roles' names and public stances) and the instructor's overview (the
// scenario's and variant's titles) answer a Ukrainian reader in Ukrainian and anyone else in
// English, by `?locale=`, else the `red-lines-locale` cookie, else Accept-Language; a locale not of
// ours is refused with a sentence. Names people typed stay as typed. A scenario saved from the
// studio is read in its own translation, on those routes and in the set-up page's choices.
import {
  instructorOverviewSchema,
  type Scenario,
  type ScenarioChoice,
  type SeatingOverview,
  type StoredScenarioChoices,
  seatingOverviewSchema,
  storedScenarioChoicesKey,
  studioSavedSchema,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offerStoredScenarios } from "../../server/src/studio/pageData.ts";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";

const studioKey = "studio-key-for-entry-language-0123456789";
const flagship = getScenario("ukraine-2026") as Scenario;
const uk = flagship.translations?.uk;
if (!uk) throw new Error("the flagship scenario has no Ukrainian translation");

let server: Awaited<ReturnType<typeof startTestServer>>;
let addresses = 0;
/** Each call from its own device (the server trusts X-Forwarded-For), so join limits never add up. */
const device = () => `10.6.${Math.floor(++addresses / 250)}.${addresses % 250}`;

type Created = { workshopId: string; joinCode: string; instructorKey: string; error?: { code: string } };

beforeAll(async () => {
  server = await startTestServer("embedded", { STUDIO_KEY: studioKey });
});

afterAll(async () => {
  await server?.stop();
});

async function createWorkshop(request: Record<string, unknown>): Promise<Created> {
  const created = await postJson<Created>(server.url, "/workshops", { tables: 1, ...request }, device());
  expect(created.status).toBe(201);
  return created.body;
}

/** A reader's request: `?locale=` in the query, a cookie, and the browser's languages, as given. */
type Reader = { query?: string; cookie?: string; acceptLanguage?: string };

function headersOf(reader: Reader, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "x-forwarded-for": device(),
    ...(reader.cookie === undefined ? {} : { cookie: `red-lines-locale=${reader.cookie}` }),
    ...(reader.acceptLanguage === undefined ? {} : { "accept-language": reader.acceptLanguage }),
    ...extra,
  };
}

const queryOf = (reader: Reader) => (reader.query === undefined ? "" : `?locale=${reader.query}`);

async function lookUp(code: string, reader: Reader) {
  const response = await fetch(`${server.url}/api/join/${code}${queryOf(reader)}`, {
    headers: headersOf(reader),
  });
  return { response, body: (await response.json()) as unknown };
}

async function overview(workshop: Created, reader: Reader) {
  const response = await fetch(`${server.url}/api/workshops/${workshop.workshopId}${queryOf(reader)}`, {
    headers: headersOf(reader, { authorization: `Bearer ${workshop.instructorKey}` }),
  });
  return { response, body: (await response.json()) as unknown };
}

/** The seating's scenario words: its title, and each role's name and public stance. */
function wordsOf(seating: SeatingOverview) {
  return {
    title: seating.scenario.title,
    roles: seating.roles.map(({ id, name, publicStance }) => ({ id, name, publicStance })),
  };
}

const english = {
  title: flagship.title,
  roles: flagship.turnOrder.map((id) => {
    const role = flagship.roles.find((candidate) => candidate.id === id);
    return { id, name: role?.name, publicStance: role?.publicStance };
  }),
};
const ukrainian = {
  title: uk.title,
  roles: flagship.turnOrder.map((id) => ({
    id,
    name: uk.roles?.[id]?.name,
    publicStance: uk.roles?.[id]?.publicStance,
  })),
};

describe("the join-code look-up", () => {
  it("names the scenario and its roles in the reader's language; names people typed stay as typed", async () => {
    const workshop = await createWorkshop({ scenarioId: "ukraine-2026" });
    const joined = await postJson(
      server.url,
      "/join",
      { code: workshop.joinCode, name: "Ada", role: "ukraine" },
      device(),
    );
    expect(joined.status).toBe(201);
    // The translation differs where it is checked, so an English answer cannot pass for Ukrainian.
    expect(ukrainian.title).not.toBe(english.title);
    expect(ukrainian.roles.every((role, i) => role.name && role.name !== english.roles[i]?.name)).toBe(true);

    const cases: { reader: Reader; locale: "en" | "uk"; why: string }[] = [
      { reader: {}, locale: "en", why: "nothing said" },
      { reader: { acceptLanguage: "de-DE,fr;q=0.8" }, locale: "en", why: "a browser in no language of ours" },
      { reader: { acceptLanguage: "uk-UA,uk;q=0.9,en;q=0.8" }, locale: "uk", why: "a Ukrainian browser" },
      { reader: { cookie: "uk", acceptLanguage: "en-GB" }, locale: "uk", why: "the kept choice" },
      { reader: { cookie: "en", acceptLanguage: "uk-UA" }, locale: "en", why: "the kept choice" },
      { reader: { cookie: "fr", acceptLanguage: "uk-UA" }, locale: "uk", why: "a cookie of no language" },
      { reader: { query: "uk", acceptLanguage: "de-DE" }, locale: "uk", why: "?locale=uk" },
      { reader: { query: "en", cookie: "uk", acceptLanguage: "uk-UA" }, locale: "en", why: "?locale=en" },
    ];
    for (const { reader, locale, why } of cases) {
      const { response, body } = await lookUp(workshop.joinCode, reader);
      expect(response.status, why).toBe(200);
      expect(response.headers.get("content-language"), why).toBe(locale);
      expect(response.headers.get("cache-control"), why).toBe("no-store");
      const seating = seatingOverviewSchema.parse(body);
      expect(wordsOf(seating), why).toEqual(locale === "uk" ? ukrainian : english);
      expect(
        seating.tables[0]?.seats.find((seat) => seat.role === "ukraine"),
        why,
      ).toEqual({
        role: "ukraine",
        taken: true,
        name: "Ada",
      });
    }
  });

  it("refuses a locale that is not one of the product's languages, saying so", async () => {
    const workshop = await createWorkshop({ scenarioId: "ukraine-2026" });
    for (const asked of ["fr", "UK", ""]) {
      const { response, body } = await lookUp(workshop.joinCode, { query: asked });
      expect(response.status, asked).toBe(400);
      const error = (body as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("invalid-request");
      expect(error.message).toMatch(/^The locale in the address is not valid/);
    }
    // An unknown code is still unknown, in any language.
    const unknown = await lookUp("ZZZZ-ZZZ2", { query: "uk" });
    expect(unknown.response.status).toBe(404);
  });
});

describe("the instructor's overview", () => {
  it("names the scenario and the variant in the reader's language", async () => {
    const workshop = await createWorkshop({ scenarioId: "ukraine-2026", variant: "public-positions" });
    const variant = flagship.variants.find((candidate) => candidate.id === "public-positions");
    const ukVariant = uk.variants?.["public-positions"]?.name;
    expect(ukVariant).toBeTruthy();
    expect(ukVariant).not.toBe(variant?.name);
    for (const [reader, locale] of [
      [{}, "en"],
      [{ acceptLanguage: "de-DE" }, "en"],
      [{ acceptLanguage: "uk-UA,uk;q=0.9" }, "uk"],
      [{ cookie: "uk" }, "uk"],
      [{ query: "uk" }, "uk"],
      [{ query: "en", acceptLanguage: "uk-UA" }, "en"],
    ] as const) {
      const { response, body } = await overview(workshop, reader);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-language")).toBe(locale);
      const parsed = instructorOverviewSchema.parse(body);
      expect(parsed.scenario).toEqual(
        locale === "uk"
          ? { title: uk.title, variant: ukVariant }
          : { title: flagship.title, variant: variant?.name },
      );
      expect(parsed.scenarioMissing).toBe(false);
      // The join code is as the server made it, in any language.
      expect(parsed.joinCode).toBe(workshop.joinCode);
    }
    const refused = await overview(workshop, { query: "de" });
    expect(refused.response.status).toBe(400);
    expect((refused.body as { error: { code: string } }).error.code).toBe("invalid-request");
  });
});

describe("a scenario saved from the studio", () => {
  it("is read in its own translation: the look-up, the overview and the set-up page's choices", async () => {
    const id = "translated-in-studio";
    const authored: Scenario = { ...structuredClone(flagship), id, title: "Saved with its Ukrainian" };
    const saved = await fetch(`${server.url}/api/studio/scenarios`, {
      method: "POST",
      headers: {
        authorization: `Studio ${studioKey}`,
        "content-type": "application/json",
        "x-forwarded-for": device(),
      },
      body: JSON.stringify({ scenario: authored }),
    });
    expect(saved.status).toBe(201);
    expect(studioSavedSchema.parse(await saved.json())).toMatchObject({ id, version: 1 });

    const workshop = await createWorkshop({ scenarioId: id });
    const inUkrainian = seatingOverviewSchema.parse((await lookUp(workshop.joinCode, { query: "uk" })).body);
    expect(wordsOf(inUkrainian)).toEqual(ukrainian);
    const inEnglish = seatingOverviewSchema.parse((await lookUp(workshop.joinCode, { query: "en" })).body);
    expect(wordsOf(inEnglish)).toEqual({ ...english, title: "Saved with its Ukrainian" });
    const overviewUk = instructorOverviewSchema.parse((await overview(workshop, { cookie: "uk" })).body);
    expect(overviewUk.scenario.title).toBe(uk.title);

    // The set-up page (rendered by Next in the server's process) asks for them in its reader's language.
    const withdraw = offerStoredScenarios(server.database.prisma);
    try {
      const offered = (globalThis as unknown as Record<symbol, StoredScenarioChoices | undefined>)[
        Symbol.for(storedScenarioChoicesKey)
      ];
      if (!offered) throw new Error("the server offers no stored scenarios");
      const choiceOf = (choices: ScenarioChoice[]) => choices.find((choice) => choice.id === id);
      const ukChoice = choiceOf(await offered("uk"));
      expect(ukChoice).toMatchObject({
        title: uk.title,
        summary: uk.summary,
        version: 1,
        seats: ukrainian.roles.map((role) => role.name),
        variants: flagship.variants.map((v) => ({
          id: v.id,
          name: uk.variants?.[v.id]?.name,
          description: uk.variants?.[v.id]?.description,
        })),
        documents: flagship.documents.map((d) => ({ file: d.file, title: uk.documents?.[d.file]?.title })),
      });
      for (const choices of [await offered("en"), await offered()]) {
        expect(choiceOf(choices)).toMatchObject({
          title: "Saved with its Ukrainian",
          summary: flagship.summary,
          seats: english.roles.map((role) => role.name),
          variants: flagship.variants.map(({ id: variantId, name, description }) => ({
            id: variantId,
            name,
            description,
          })),
          documents: flagship.documents.map(({ file, title }) => ({ file, title })),
        });
      }
    } finally {
      withdraw();
    }
  });
});
