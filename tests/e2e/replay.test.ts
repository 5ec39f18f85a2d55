import path from "node:path";
import {
  evolve,
  initialTableState,
  type LogExport,
  logExportSchema,
  type Scenario,
  type TableState,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nashPackage } from "../../shared/src/fixtures/ukraine2026.ts";
import { postJson, shareDebrief } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { actorOn, seatContext } from "../support/seats.ts";

const roles = ["us", "ukraine", "europe", "russia"] as const;
type Role = (typeof roles)[number];
const scenario = getScenario("ukraine-2026") as Scenario;
const issueName = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
const optionText = (issue: string, option: string | undefined) =>
  option === undefined
    ? "open"
    : (scenario.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option);

const usToUkraine = "Between us: Washington can carry the sanctions question.";
const russiaToEurope = "Off the record: Moscow could accept a European monitoring force.";

const e2e = appAndBrowser();
const { rooms } = e2e;

type Workshop = { workshopId: string; joinCode: string; instructorKey: string };
type Joined = { tableId: string; seatToken: string };
type Actor = { run(command: Record<string, unknown>): Promise<void> };

async function connect(options: Record<string, string>): Promise<Actor> {
  const actor = await actorOn(e2e.app.url, options);
  rooms.push(actor.room);
  return actor;
}

type Played = {
  workshop: Workshop;
  tableId: string;
  ukraineSeat: Joined & { role: string; name: string; workshopId: string; table: number };
  /** Everyone accepts version 3: the talks end in agreement. */
  conclude(): Promise<void>;
};

/**
 * A table of four students up to version 3 on the table, with back-channels and a news flash;
 * `conclude` takes it to an agreement.
 */
async function playTable(): Promise<Played> {
  const created = await postJson<Workshop>(e2e.app.url, "/workshops", {
    scenarioId: "ukraine-2026",
    variant: "back-channel",
    tables: 1,
    turnSeconds: 900,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const workshop = created.body;
  const seats = {} as Record<Role, Actor>;
  const joins = {} as Record<Role, Played["ukraineSeat"]>;
  let tableId = "";
  for (const role of roles) {
    const name = `${role.toUpperCase()} student`;
    const joined = await postJson<Played["ukraineSeat"]>(e2e.app.url, "/join", {
      code: workshop.joinCode,
      name,
      role,
    });
    expect(joined.status).toBe(201);
    joins[role] = { ...joined.body, name };
    tableId = joined.body.tableId;
    seats[role] = await connect({ tableId, seatToken: joined.body.seatToken });
  }
  const instructor = await connect({ tableId, instructorKey: workshop.instructorKey });
  await instructor.run({ type: "start" });
  await instructor.run({ type: "start" });

  for (const [issue, option] of Object.entries(nashPackage)) {
    await seats.us.run({ type: "set-option", issue, option });
  }
  await seats.us.run({ type: "table-draft" });
  await seats.us.run({ type: "say", to: "ukraine", text: usToUkraine });
  await seats.russia.run({ type: "say", to: "europe", text: russiaToEurope });
  await seats.ukraine.run({ type: "say", text: "Kyiv is listening." });
  await seats.ukraine.run({ type: "set-option", issue: "humanitarian", option: "exchanges-only" });
  await seats.ukraine.run({ type: "table-draft" });
  await instructor.run({ type: "inject-event", event: "paris-guarantees" });
  await seats.europe.run({ type: "set-option", issue: "humanitarian", option: "all-for-all" });
  await seats.europe.run({ type: "table-draft" });
  return {
    workshop,
    tableId,
    ukraineSeat: joins.ukraine,
    async conclude() {
      // Europe tabled version 3, which is its acceptance.
      for (const role of roles.filter((r) => r !== "europe"))
        await seats[role].run({ type: "accept", version: 3 });
    },
  };
}

async function exportedLog(workshop: Workshop, tableId: string): Promise<LogExport> {
  const response = await fetch(
    `${e2e.app.url}/api/workshops/${workshop.workshopId}/tables/${tableId}/log.json`,
    {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    },
  );
  expect(response.status).toBe(200);
  return logExportSchema.parse(await response.json());
}

/** The table after the log's first `seq` events, folded with the shared engine. */
function foldTo(log: LogExport, seq: number): TableState {
  const settings = log.workshop.settings;
  let state = initialTableState({
    scenario: log.scenario ?? settings.scenarioId,
    variant: settings.variant,
    rounds: settings.rounds,
    turnSeconds: settings.turnSeconds,
  });
  for (const event of log.tables[0]?.events.slice(0, seq) ?? []) state = evolve(state, event.payload);
  return state;
}

const position = (page: Page) => page.getByTestId("replay-position");

/** The position line once the moment asked for is on screen ("Event 12 of 40 · 14:03 · …"); "" before. */
async function settled(page: Page): Promise<string> {
  if ((await page.locator("[aria-busy='true']").count()) > 0) return "";
  if ((await page.locator("[aria-busy='false']").count()) === 0) return "";
  const text = (await position(page).textContent()) ?? "";
  return text.includes("loading") ? "" : text;
}

/** Waits until the replay shows the log's event `seq`; its position line. */
async function at(page: Page, seq: number): Promise<string> {
  await expect.poll(async () => seqOf(await settled(page)), { timeout: 10_000 }).toBe(seq);
  return settled(page);
}

const seqOf = (text: string) => Number(/^Event (\d+) of/.exec(text)?.[1] ?? Number.NaN);

/** The issue's row of the term sheet: its "on the table" and "draft" cells. */
function sheetCells(page: Page, issue: string) {
  const row = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: issueName(issue), exact: true }) });
  return { onTable: row.locator("dd").nth(0), draft: row.locator("dd").nth(1) };
}

/** Every issue on screen shows what the folded state has on the table and in the draft. */
async function expectSheetMatches(page: Page, state: TableState, what: string) {
  const current = state.versions.at(-1);
  for (const issue of scenario.issues) {
    const cells = sheetCells(page, issue.id);
    expect(await cells.onTable.textContent(), `${what}: ${issue.name} on the table`).toBe(
      optionText(issue.id, current?.package[issue.id]),
    );
    expect(
      (await cells.draft.textContent())?.replace(/ ✎ changed$/, ""),
      `${what}: ${issue.name} draft`,
    ).toBe(optionText(issue.id, state.draft[issue.id]));
  }
}

async function expectAccessible(page: Page, what: string) {
  expect(await accessibilityViolations(page), what).toEqual([]);
}

describe("the replay page in Chromium", () => {
  it("replays a played table move by move, from the facilitator's and each seat's point of view", async () => {
    const played = await playTable();
    const { workshop, tableId } = played;
    const context = await e2e.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(
      ([id, key]: [string, string]) =>
        window.localStorage.setItem(`red-lines:instructor:${id}`, JSON.stringify(key)),
      [workshop.workshopId, workshop.instructorKey] as [string, string],
    );
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/replay/${tableId}?workshop=${workshop.workshopId}`);
    await page.getByRole("heading", { level: 1, name: "Replay" }).waitFor();
    expect(await at(page, 1)).toMatch(/^Event 1 of \d+ · /);
    expect(await page.getByLabel("Seen by").inputValue()).toBe("instructor");
    await page.getByText("Keys:").waitFor();

    // The table is still in play: at its end the replay waits for new moves, and plays them.
    await page.keyboard.press("End");
    await expect.poll(async () => await settled(page)).toContain("Round 1: Russia's turn");
    await page.getByText("This table is still in play").waitFor();
    await page.getByRole("button", { name: "Play" }).click();
    await played.conclude();
    const log = await exportedLog(workshop, tableId);
    const events = log.tables[0]?.events ?? [];
    const tabled = events.filter((e) => e.type === "version-tabled");
    expect(tabled.map((e) => e.payload.type === "version-tabled" && e.payload.version)).toEqual([1, 2, 3]);
    expect(events.at(-1)?.type).toBe("talks-concluded");
    await expect
      .poll(() => settled(page), { timeout: 20_000 })
      .toMatch(new RegExp(`^Event ${events.length} of ${events.length} · .*Agreement on version 3$`));
    await page.getByRole("button", { name: "Play" }).waitFor();
    expect(await page.getByText("This table is still in play").count()).toBe(0);
    await page.keyboard.press("Home");
    await at(page, 1);

    // Keys: → steps one event, End and Home go to the ends, Shift+→ jumps to the next version.
    await page.keyboard.press("ArrowRight");
    await at(page, 2);
    await page.keyboard.press("End");
    expect(await at(page, events.length)).toMatch(
      new RegExp(`^Event ${events.length} of ${events.length} · .*Agreement on version 3$`),
    );
    await page.getByRole("heading", { name: "Outcome: Fragile ceasefire" }).waitFor();
    await page.keyboard.press("Home");
    await at(page, 1);

    // Each tabled version: the sheet on screen is the table folded from the log to that event.
    for (const [index, event] of tabled.entries()) {
      await page.keyboard.press("Shift+ArrowRight");
      expect(await at(page, event.seq)).toContain(`tabled version ${index + 1}`);
      await page
        .getByRole("heading", { name: new RegExp(`Term sheet version ${index + 1} on the table`) })
        .waitFor();
      await expectSheetMatches(page, foldTo(log, event.seq), `version ${index + 1}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifactsDir, "replay-1280-version-3.png"), fullPage: true });
    // The address follows the moment.
    const second = tabled[1]?.seq ?? 0;
    await page.getByRole("button", { name: "Previous version" }).click();
    await at(page, second);
    await expect.poll(() => new URL(page.url()).searchParams.get("at")).toBe(String(second));
    expect(new URL(page.url()).searchParams.get("as")).toBe("instructor");
    // A step back from a version is the move before it, on screen as the fold has it.
    await page.getByRole("button", { name: "Back one event" }).click();
    await at(page, second - 1);
    await expectSheetMatches(page, foldTo(log, second - 1), "the move before version 2");
    // The list of versions and news jumps too.
    const news = events.find((e) => e.type === "event-injected");
    await page.getByRole("button", { name: /^News .*Paris summit/ }).click();
    expect(await at(page, news?.seq ?? 0)).toContain("News: Paris summit: European guarantees");

    // The facilitator reads every private channel.
    await page.keyboard.press("End");
    await at(page, events.length);
    await page.getByRole("button", { name: /^Ukraine ↔ United States/ }).click();
    await page.getByText(usToUkraine).waitFor();
    await page.getByRole("button", { name: /^Europe ↔ Russia/ }).click();
    await page.getByText(russiaToEurope).waitFor();
    await expectAccessible(page, "the facilitator's replay at 1280 px");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(artifactsDir, "replay-1280.png") });

    // Ukraine's perspective: its own back-channel, nothing of Russia's with Europe.
    const ukraineViews: string[] = [];
    page.on("response", (response) => {
      if (/\/replay\?.*as=ukraine/.test(response.url())) {
        void response.text().then((body) => ukraineViews.push(body));
      }
    });
    await page.getByLabel("Seen by").selectOption("ukraine");
    await page.locator("[data-perspective='ukraine'][aria-busy='false']").waitFor();
    await at(page, events.length);
    await page.getByText("Only what Ukraine could see then").waitFor();
    const channels = page.getByRole("list", { name: "Channels" }).getByRole("button");
    const names = await channels.allTextContents();
    expect(names.some((name) => name.includes("↔"))).toBe(false);
    for (let i = 0; i < names.length; i++) {
      await channels.nth(i).click();
      expect(await page.content(), `channel ${names[i]}`).not.toContain(russiaToEurope);
    }
    await page.getByRole("button", { name: /^United States \(private\)/ }).click();
    await page.getByRole("log", { name: "Messages: United States" }).getByText(usToUkraine).waitFor();
    await page.getByRole("heading", { name: /Your brief: Ukraine/ }).waitFor();
    expect(await page.getByText("Every seat's numbers (facilitator only)").count()).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.get("as")).toBe("ukraine");
    // Stepping through Ukraine's timeline never lands on the others' back-channel.
    await page.keyboard.press("Home");
    await at(page, 1);
    for (let step = 0; step < events.length; step++) {
      const before = seqOf(await settled(page));
      if (before === events.length) break;
      await page.keyboard.press("ArrowRight");
      await expect.poll(async () => seqOf(await settled(page))).toBeGreaterThan(before);
      expect(await page.content()).not.toContain(russiaToEurope);
    }
    expect(ukraineViews.length).toBeGreaterThan(0);
    for (const body of ukraineViews) expect(body).not.toContain(russiaToEurope);

    // A link to a moment opens at that moment, from that perspective.
    await page.getByRole("button", { name: /^Version .*tabled version 2/ }).click();
    await at(page, second);
    await expect.poll(() => new URL(page.url()).searchParams.get("at")).toBe(String(second));
    const link = page.url();
    const opened = await context.newPage();
    await opened.goto(link);
    await at(opened, second);
    expect(await opened.getByLabel("Seen by").inputValue()).toBe("ukraine");
    await expectSheetMatches(opened, foldTo(log, second), "the linked moment");

    // Playing moves on by itself; pausing stops it.
    await opened.getByLabel("Speed").selectOption("8");
    await opened.getByRole("button", { name: "Play" }).click();
    await expect
      .poll(async () => seqOf((await position(opened).textContent()) ?? ""), { timeout: 10_000 })
      .toBeGreaterThan(second + 1);
    await opened.keyboard.press("Space");
    await opened.getByRole("button", { name: "Play" }).waitFor();
    await opened.close();

    // A phone: the controls wrap, the table stacks, nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, "the replay at 375 px");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "no sideways scrolling at 375 px").toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(artifactsDir, "replay-375.png") });
    await page.screenshot({ path: path.join(artifactsDir, "replay-375-full.png"), fullPage: true });
    await context.close();

    // A student replays from the browser they played in, once the facilitator shares the debrief:
    // as their own seat or as an observer, nothing else.
    const student = await seatContext(e2e.browser, workshop.joinCode, played.ukraineSeat);
    const mine = await student.newPage();
    await mine.goto(`${e2e.app.url}/replay/${tableId}?as=russia&at=${second}`);
    const refusal = mine.getByRole("alert", { name: "The replay could not be loaded" });
    await refusal.getByText("The facilitator has not shared this table's debrief and replay yet.").waitFor();
    expect(await shareDebrief(e2e.app.url, workshop, tableId)).toBe(200);
    await mine.reload();
    await at(mine, second);
    await mine.getByText("This link shows the table as russia").waitFor();
    const seenBy = mine.getByLabel("Seen by");
    expect(await seenBy.inputValue()).toBe("ukraine");
    expect(await seenBy.locator("option").allTextContents()).toEqual([
      "Ukraine",
      "Observer (the public table)",
    ]);
    await mine.keyboard.press("End");
    await at(mine, events.length);
    await mine.getByRole("button", { name: /^United States \(private\)/ }).click();
    await mine.getByText(usToUkraine).waitFor();
    expect(await mine.content()).not.toContain(russiaToEurope);
    await seenBy.selectOption("observer");
    await mine.locator("[data-perspective='observer'][aria-busy='false']").waitFor();
    expect(await mine.getByRole("list", { name: "Channels" }).getByRole("button").allTextContents()).toEqual([
      "Table chat",
      "Facilitator",
      "News",
    ]);
    expect(await mine.content()).not.toContain(usToUkraine);
    await expectAccessible(mine, "a student's replay");
    await student.close();
  }, 240_000);
});
