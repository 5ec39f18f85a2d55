// Tables of two and six seats in Chromium: a workshop whose scenario snapshot is a generated
// scenario of that many roles (written into the database, as a workshop stores its scenario),
// played through the pages that follow the scenario's roles: the seat picker, the table (its
// seats, its private channels), the console's tiles and the projector's join screen, the
// concluded screen, the debrief, the class view, the replay's perspectives and versions.csv.
// Axe and screenshots at 1280 and 375 px.
import { createHash } from "node:crypto";
import path from "node:path";
import { type Scenario, syntheticScenario } from "@red-lines/shared/engine";
import pg from "pg";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { createDatabase, type PostgresServer, startPostgresServer } from "../support/postgres.ts";
import { instructorContext, instructorOn, type Workshop } from "../support/seats.ts";

const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };

let postgres: PostgresServer;
let databaseUrl: string;
let database: pg.Client;

// The app on a PostgreSQL server this test can write to: the workshop's scenario is swapped there.
// The server starts first and stops last (after hooks run in reverse order).
beforeAll(async () => {
  postgres = await startPostgresServer();
  databaseUrl = await createDatabase(postgres.url, "seats");
});
afterAll(async () => {
  await database?.end();
  await postgres?.stop();
});

const e2e = appAndBrowser(() => ({ DATABASE_URL: databaseUrl, BOT_DELAY_MS: "5" }));
const { contexts } = e2e;

beforeAll(async () => {
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
});

async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** Nothing wider than the viewport: a 375 px phone never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * A workshop of two tables (bot fill, one round) played with a generated scenario of `seats`
 * roles: created over HTTP, then its scenario snapshot replaced by the generated one.
 */
async function workshopOf(seats: number): Promise<{ workshop: Workshop; scenario: Scenario }> {
  const created = await postJson<Workshop>(e2e.app.url, "/workshops", {
    scenarioId: "ukraine-2026",
    tables: 2,
    botFill: true,
    rounds: 1,
    turnSeconds: 600,
  });
  expect(created.status).toBe(201);
  const scenario = syntheticScenario({
    seed: `seats-${seats}`,
    roles: seats,
    issues: 4,
    options: 3,
    redLinesPerRole: 1,
    batna: 35,
  });
  const data = JSON.stringify(scenario);
  const hash = createHash("sha256").update(data).digest("hex");
  await database.query(
    "insert into scenario (hash, scenario_id, data) values ($1, $2, $3) on conflict do nothing",
    [hash, scenario.id, data],
  );
  const settings = { scenarioId: scenario.id, variant: scenario.defaultVariant };
  await database.query(
    "update workshop set scenario_hash = $1, scenario_id = $2, variant = $3, settings = settings || $4::jsonb where id = $5",
    [hash, scenario.id, scenario.defaultVariant, JSON.stringify(settings), created.body.workshopId],
  );
  return { workshop: created.body, scenario };
}

async function page(viewport = desktop, context?: BrowserContext): Promise<Page> {
  const owner = context ?? (await e2e.browser.newContext({ viewport }));
  if (!context) contexts.push(owner);
  return owner.newPage();
}

describe.each([2, 6])("a table of %i seats", (seats) => {
  let workshop: Workshop;
  let scenario: Scenario;
  let student: Page;
  let tableId: string;
  const names = Array.from({ length: seats }, (_, r) => `Party ${r + 1}`);
  const last = names.at(-1) as string;

  beforeAll(async () => {
    ({ workshop, scenario } = await workshopOf(seats));
  });

  it("offers every seat of the scenario on the join page and seats a student in the last one", async () => {
    student = await page(phone);
    await student.goto(`${e2e.app.url}/join/${workshop.joinCode}`);
    await student.getByRole("heading", { name: "Take a seat" }).waitFor();
    for (const name of names) {
      await student.getByRole("radio", { name: new RegExp(`^${name} ?, table 1 — free`) }).waitFor();
    }
    expect(await student.getByRole("radio", { name: /, table 1 — / }).count()).toBe(seats);
    await expectAccessible(student);
    await expectNoSidewaysScroll(student);
    await shoot(student, `seats-${seats}-join-375`);

    await student.getByLabel("Display name").fill("Sam");
    await student.getByRole("radio", { name: new RegExp(`^${last} ?, table 1 — free`) }).check();
    await student.getByRole("button", { name: "Join the table" }).click();
    await student.waitForURL(/\/table\//);
    tableId = new URL(student.url()).pathname.split("/").at(-1) ?? "";
    const list = student.getByRole("list", { name: "Seats at this table" });
    await list.getByText("Sam").waitFor();
    expect(await list.getByRole("listitem").count()).toBe(seats);
    await expectNoSidewaysScroll(student);
  });

  it("shows every seat on the console's tiles and the projector's join screen", async () => {
    const context = await instructorContext(e2e.browser, workshop);
    contexts.push(context);
    const console = await context.newPage();
    await console.goto(`${e2e.app.url}/instructor/${workshop.workshopId}`);
    const tile = console.getByRole("list", { name: "Seats at table 1" });
    await tile.getByText(/Sam/).waitFor();
    expect(await tile.getByRole("listitem").count()).toBe(seats);
    expect(await console.getByRole("list", { name: "Seats at table 2" }).getByRole("listitem").count()).toBe(
      seats,
    );
    await expectAccessible(console);
    await shoot(console, `seats-${seats}-console-1280`);

    const screen = await context.newPage();
    await screen.goto(`${e2e.app.url}/instructor/${workshop.workshopId}/join`);
    const joined = screen.getByRole("list", { name: "Seats at table 1" });
    await joined.getByText("Sam").waitFor();
    expect(await joined.getByRole("listitem").count()).toBe(seats);
    await screen.getByText(`1 of ${2 * seats} seats taken`).waitFor();
    await expectAccessible(screen);
    await shoot(screen, `seats-${seats}-join-screen-1280`);
  });

  it("plays the table with bots in the other seats, a private channel with each of them", async () => {
    const instructor = await instructorOn(e2e.app.url, tableId, workshop.instructorKey);
    await instructor.run({ type: "start" });
    await instructor.run({ type: "start" });
    // The student sits last in the turn order: every bot tables before the student's turn.
    await student
      .getByRole("button", { name: "Pass (end your turn without tabling)" })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(student);
    await expectNoSidewaysScroll(student);
    await shoot(student, `seats-${seats}-table-375`);
    // On a phone the chat is a panel of its own: a private channel with each other seat.
    const parts = student.getByRole("navigation", { name: "Parts of the table screen" });
    await parts.getByRole("button", { name: /^Chat/ }).click();
    const channels = student.getByRole("list", { name: "Channels" });
    for (const name of names.slice(0, -1)) {
      await channels.getByRole("button", { name: new RegExp(`^${name}`) }).waitFor();
    }
    expect(await channels.getByRole("listitem").count()).toBe(seats - 1 + 3);
    await expectAccessible(student);
    await expectNoSidewaysScroll(student);
    await shoot(student, `seats-${seats}-chat-375`);
    await parts.getByRole("button", { name: /^Table/ }).click();
    await student.setViewportSize(desktop);
    await expectAccessible(student);
    await shoot(student, `seats-${seats}-table-1280`);

    await student.getByRole("button", { name: "Pass (end your turn without tabling)" }).click();
    await student.getByRole("heading", { name: "Each party's score against its no-deal value" }).waitFor();
    const scores = student.getByRole("region", { name: "Each party's score against its no-deal value" });
    for (const name of names)
      await scores.getByRole("rowheader", { name: new RegExp(`^${name}\\b`) }).waitFor();
    await expectAccessible(student);
    await student.setViewportSize(phone);
    await expectNoSidewaysScroll(student);
    await shoot(student, `seats-${seats}-concluded-375`);
    await instructor.room.leave();
  });

  it("debriefs every party, side by side in the class view, with a replay from each seat", async () => {
    const context = await instructorContext(e2e.browser, workshop);
    contexts.push(context);
    const debrief = await context.newPage();
    await debrief.goto(`${e2e.app.url}/debrief/${tableId}?workshop=${workshop.workshopId}`);
    const scores = debrief.getByTestId("scores");
    await scores.waitFor({ timeout: 30_000 });
    expect(await scores.locator("tbody tr").count()).toBe(seats);
    for (const role of scenario.roles) await scores.locator(`tr[data-role="${role.id}"]`).waitFor();
    // The frontier's table has a column per party.
    await debrief
      .getByRole("region", { name: "The Pareto frontier" })
      .getByRole("button", { name: "Show as table" })
      .click();
    const frontier = debrief.getByTestId("frontier-table");
    if (await frontier.count()) {
      expect(await frontier.locator("thead th").count()).toBe(seats + 1);
    }
    await expectAccessible(debrief);
    await shoot(debrief, `seats-${seats}-debrief-1280`);
    await debrief.setViewportSize(phone);
    await expectNoSidewaysScroll(debrief);
    await expectAccessible(debrief);
    await shoot(debrief, `seats-${seats}-debrief-375`);

    const classView = await context.newPage();
    await classView.goto(`${e2e.app.url}/instructor/${workshop.workshopId}/class`);
    const table = classView.getByRole("table", { name: "Every table of the workshop" });
    await table.waitFor();
    for (const name of names) await table.getByRole("columnheader", { name: new RegExp(name) }).waitFor();
    await expectAccessible(classView);
    await shoot(classView, `seats-${seats}-class-1280`);

    const replay = await context.newPage();
    await replay.goto(`${e2e.app.url}/replay/${tableId}?workshop=${workshop.workshopId}`);
    const seenBy = replay.getByLabel("Seen by");
    await seenBy.waitFor();
    await expect
      .poll(async () => (await seenBy.locator("option").allTextContents()).filter((t) => names.includes(t)), {
        timeout: 15_000,
      })
      .toEqual(names);
    await expectAccessible(replay);
    await replay.setViewportSize(phone);
    await expectNoSidewaysScroll(replay);
    await shoot(replay, `seats-${seats}-replay-375`);

    const csv = await fetch(`${e2e.app.url}/api/workshops/${workshop.workshopId}/versions.csv`, {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    });
    expect(csv.status).toBe(200);
    const header = (await csv.text()).split("\r\n")[0]?.split(",") ?? [];
    expect(header.filter((column) => column.startsWith("utility_"))).toEqual(
      scenario.turnOrder.map((role) => `utility_${role}`),
    );
  });
});
