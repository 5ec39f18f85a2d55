import { readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { negotiationRoomName, type RefusalMessage, type TableView } from "@red-lines/shared/engine";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { nashPackage } from "../../shared/src/fixtures/ukraine2026.ts";
import { postJson } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorContext } from "../support/seats.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

let context: BrowserContext;

const e2e = appAndBrowser();
const { rooms } = e2e;

beforeAll(async () => {
  context = await e2e.newContext({ viewport: { width: 1280, height: 900 } });
});

const roles = ["us", "ukraine", "europe", "russia"] as const;

type Created = { workshopId: string; joinCode: string; instructorKey: string; instructorUrl: string };

type Seat = {
  views: TableView[];
  refusals: RefusalMessage[];
  send(command: Record<string, unknown>): void;
};

async function sit(tableId: string, seatToken: string): Promise<Seat> {
  const room = await new Client(e2e.app.url).joinOrCreate(
    negotiationRoomName,
    withProtocol({ tableId, seatToken }),
  );
  rooms.push(room);
  const seat: Seat = {
    views: [],
    refusals: [],
    send: (command) => room.send("command", { intentId: crypto.randomUUID(), command }),
  };
  followViews(room, (view: TableView) => seat.views.push(view));
  room.onMessage("refusal", (refusal: RefusalMessage) => seat.refusals.push(refusal));
  room.onMessage("*", () => {});
  return seat;
}

/** A workshop of `tables` tables (three unless said) with four players seated at tables 1 and 2. */
async function workshopWithPlayers(tables = 3) {
  const created = await postJson<Created>(e2e.app.url, "/workshops", {
    scenarioId: "ukraine-2026",
    tables,
    turnSeconds: 600,
  });
  expect(created.status).toBe(201);
  const workshop = created.body;
  const seats: Record<string, Seat> = {};
  for (const table of [1, 2]) {
    for (const role of roles) {
      const joined = await postJson<{ tableId: string; seatToken: string }>(e2e.app.url, "/join", {
        code: workshop.joinCode,
        name: `${role} ${table}`,
        role,
        table,
      });
      expect(joined.status).toBe(201);
      seats[`${table}:${role}`] = await sit(joined.body.tableId, joined.body.seatToken);
    }
  }
  return { workshop, seat: (table: number, role: string) => seats[`${table}:${role}`] as Seat };
}

const tile = (page: Page, table: number): Locator => page.getByRole("article", { name: `Table ${table}` });
/** The commands for several tables at once. */
const toolbar = (page: Page): Locator => page.getByRole("region", { name: "Several tables at once" });

async function openControls(page: Page, table: number): Promise<Locator> {
  await page.getByRole("button", { name: `Controls for table ${table}` }).click();
  const dialog = page.getByRole("dialog", { name: `Table ${table} controls` });
  await dialog.waitFor();
  return dialog;
}

async function eventOptionDisabled(dialog: Locator, title: string): Promise<boolean> {
  return dialog
    .getByLabel("Event to inject")
    .locator("option", { hasText: title })
    .evaluate((option) => (option as HTMLOptionElement).disabled);
}

async function expectNoSeriousViolations(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** What a screen reader reads as an element's description: the text its aria-describedby names. */
async function description(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? "") : ""))
      .join(" ")
      .trim(),
  );
}

/** The page fits its viewport: nothing to scroll, across or down. */
async function fitsViewport(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth;
  });
}

describe("the instructor console in Chromium", () => {
  it("runs a workshop's tables from the page, showing each table's answer, the alerts and the connection", async () => {
    const { workshop, seat } = await workshopWithPlayers();
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/instructor/${workshop.workshopId}#key=${workshop.instructorKey}`);

    await page.getByText(workshop.joinCode, { exact: true }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /\bConnected\b/ })
      .waitFor();
    // The key left the address bar as soon as the page read it.
    expect(page.url()).not.toContain("key=");
    expect(page.url()).not.toContain(workshop.instructorKey);
    expect(await page.getByRole("article").count()).toBe(3);
    await expect.poll(() => tile(page, 1).getByText("not connected").count()).toBe(0);
    expect(await tile(page, 3).getByText("empty seat").count()).toBe(4);
    await expect
      .poll(() => page.getByRole("link", { name: "Join screen for the projector" }).getAttribute("href"))
      .toBe(`/instructor/${workshop.workshopId}/join`);
    expect(await page.getByRole("link", { name: "Observe table 2" }).getAttribute("href")).toMatch(
      new RegExp(`^/table/[0-9a-f-]{36}\\?workshop=${workshop.workshopId}$`),
    );

    // Start all: tables 1 and 2 begin their briefing; table 3 answers why not, at its tile.
    await page.getByRole("button", { name: "Start briefing at all 3 tables" }).click();
    await tile(page, 3)
      .getByText(/still empty; fill every seat/)
      .waitFor();
    await tile(page, 1).getByText("Briefing", { exact: true }).waitFor();
    await tile(page, 2).getByText("Briefing", { exact: true }).waitFor();
    await page.getByRole("status").filter({ hasText: "not done at table 3" }).waitFor();
    // Tables in different phases: the toolbar says what starts where (it said "the next phase").
    await page
      .getByRole("button", {
        name: "Start briefing at table 3 and negotiations at tables 1 and 2",
        exact: true,
      })
      .waitFor();

    // Start negotiations at the two full tables, chosen in the toolbar.
    await page.getByRole("checkbox", { name: "Table 1" }).check();
    await page.getByRole("checkbox", { name: "Table 2" }).check();
    await page.getByRole("button", { name: "Start negotiations at tables 1 and 2" }).click();
    for (const table of [1, 2]) {
      await tile(page, table).getByText("Negotiating", { exact: true }).waitFor();
      await tile(page, table)
        .getByText(/United States' turn · \d+:\d\d left/)
        .waitFor();
    }

    // Pause all: the two running tables pause with frozen clocks; the lobby table says why not.
    await page.getByRole("radio", { name: "All 3 tables" }).check();
    await page.getByRole("button", { name: "Pause all 3 tables" }).click();
    for (const table of [1, 2]) {
      await tile(page, table)
        .getByText(/Paused$/)
        .waitFor();
      await tile(page, table)
        .getByText(/left \(frozen\)/)
        .waitFor();
    }
    await tile(page, 3)
      .getByText("You cannot pause the table while the table is still in the lobby.")
      .waitFor();
    await page.getByRole("button", { name: "Resume all 3 tables" }).click();
    for (const table of [1, 2]) {
      await tile(page, table)
        .getByText(/Paused$/)
        .waitFor({ state: "detached" });
    }

    // An event into table 2 only, from its controls.
    const event = "Paris summit: European guarantees";
    let controls = await openControls(page, 2);
    await controls.getByLabel("Event to inject").selectOption({ label: event });
    await controls.getByRole("button", { name: "Inject into table 2" }).click();
    await controls.getByRole("status").filter({ hasText: /done/ }).waitFor();
    await page.keyboard.press("Escape");
    await controls.waitFor({ state: "detached" });
    await tile(page, 2).getByText(`News: ${event}.`).waitFor();
    await expect.poll(() => tile(page, 2).textContent()).toContain(`News so far${event}`);
    expect(await tile(page, 1).textContent()).toContain("News so farnone");

    // The observer link the instructor hands out: anyone who opens it watches the public table.
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.app.url });
    controls = await openControls(page, 2);
    await controls.getByRole("button", { name: "Copy the observer link of table 2" }).click();
    await controls.getByText("Copied.").waitFor();
    await controls.screenshot({ path: `${artifactsDir}/console-observer-link.png` });
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${e2e.app.url}/table/[0-9a-f-]{36}\\?watch=[\\w-]{32}$`));
    await page.keyboard.press("Escape");
    await controls.waitFor({ state: "detached" });
    const guest = await e2e.newContext({ viewport: { width: 375, height: 800 } });
    const watcher = await guest.newPage();
    await watcher.goto(link);
    await watcher.getByText("You are watching this table.").waitFor();
    await watcher.getByText(event).first().waitFor();
    await guest.close();
    controls = await openControls(page, 2);
    expect(await eventOptionDisabled(controls, event)).toBe(true);
    await controls.getByRole("button", { name: "Close" }).click();
    controls = await openControls(page, 1);
    expect(await eventOptionDisabled(controls, event)).toBe(false);
    await page.keyboard.press("Escape");
    await controls.waitFor({ state: "detached" });
    // Focus came back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Controls for table 1");

    // A broadcast to every table reaches the seats.
    await page.getByText("Inject an event, broadcast or add rounds at all 3 tables").click();
    await page.getByLabel("Message to broadcast").fill("Ten minutes to the plenary.");
    await page.getByRole("button", { name: "Broadcast to all 3 tables" }).click();
    await page.getByRole("status").filter({ hasText: "Broadcast — all 3 tables: done." }).waitFor();
    await waitFor(
      () => seat(1, "russia").views.at(-1)?.broadcasts.at(-1)?.text === "Ten minutes to the plenary.",
      {
        what: "a seat at table 1 to receive the broadcast",
      },
    );
    await waitFor(
      () => seat(2, "us").views.at(-1)?.broadcasts.at(-1)?.text === "Ten minutes to the plenary.",
      {
        what: "a seat at table 2 to receive the broadcast",
      },
    );

    // End table 1, confirmed in a dialog; Cancel first leaves it running.
    controls = await openControls(page, 1);
    await controls.getByRole("button", { name: "End talks at table 1…" }).click();
    let confirm = page.getByRole("alertdialog", { name: "End the talks at table 1?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await tile(page, 1).getByText("Negotiating", { exact: true }).count()).toBe(1);
    await controls.getByRole("button", { name: "End talks at table 1…" }).click();
    confirm = page.getByRole("alertdialog", { name: "End the talks at table 1?" });
    await confirm.getByText(/without an agreement: every party is left with its no-deal value/).waitFor();
    await confirm.getByRole("button", { name: "End talks at table 1", exact: true }).click();
    await controls
      .getByRole("status")
      .filter({ hasText: /End talks: done/ })
      .waitFor();
    await page.keyboard.press("Escape");
    await tile(page, 1).getByText("Concluded", { exact: true }).waitFor();
    await tile(page, 1).getByText("Outcome: Stalemate").waitFor();
    // How it ended, in words where the round was: not "Round — of 6".
    expect(await tile(page, 1).getByTestId("round").textContent()).toBe(
      "Ended without agreement: stopped by the facilitator in round 1",
    );
    await page
      .getByRole("list", { name: "Alerts, newest first" })
      .getByText("Talks over without agreement (the facilitator ended them): Stalemate.")
      .waitFor();

    // Skip the United States' turn at table 2; then Ukraine tries to table past its red line.
    controls = await openControls(page, 2);
    await controls.getByRole("button", { name: "Skip United States' turn at table 2" }).click();
    await controls
      .getByRole("status")
      .filter({ hasText: /Skip the turn: done/ })
      .waitFor();
    await page.keyboard.press("Escape");
    await tile(page, 2)
      .getByText(/^Ukraine's turn · /)
      .waitFor();
    const ukraine = seat(2, "ukraine");
    ukraine.send({ type: "set-option", issue: "territory", option: "recognize-occupied" });
    ukraine.send({ type: "table-draft" });
    await waitFor(() => ukraine.refusals.find((refusal) => refusal.refusal.code === "red-line"), {
      what: "Ukraine's red-line refusal",
    });
    const alerts = page.getByRole("list", { name: "Alerts, newest first" });
    await alerts
      .getByText(/Ukraine tried to table the draft past its red line .*“No legal cession of Ukrainian land”/)
      .waitFor();
    await alerts.getByText("Red line", { exact: true }).first().waitFor();
    await expect.poll(() => tile(page, 2).textContent()).toContain("Red-line attempts1");
    // Filtered to table 1, the red line (table 2's) is not listed.
    await page.getByLabel("Show alerts from").selectOption({ label: "Table 1" });
    const tableOne = page.getByRole("list", { name: "Alerts from table 1, newest first" });
    await tableOne.waitFor();
    expect(await tableOne.getByText(/No legal cession of Ukrainian land/).count()).toBe(0);
    await page.getByLabel("Show alerts from").selectOption({ label: "All tables" });

    // More rounds, a released seat and the table's log, from table 2's controls.
    controls = await openControls(page, 2);
    await controls.getByLabel("Rounds to add (1–50)").fill("2");
    await controls.getByRole("button", { name: "Add 2 rounds at table 2" }).click();
    await controls
      .getByRole("status")
      .filter({ hasText: /Add 2 rounds: done/ })
      .waitFor();
    await expect.poll(() => tile(page, 2).textContent()).toContain("Round1 of 8");
    await controls.getByLabel("Seat to release for someone new").selectOption({ label: "Russia — russia 2" });
    await controls.getByRole("button", { name: "Release Russia's seat…" }).click();
    confirm = page.getByRole("alertdialog", { name: "Release Russia's seat at table 2?" });
    await confirm.getByText(/russia 2 is disconnected/).waitFor();
    await confirm.getByRole("button", { name: "Release Russia's seat", exact: true }).click();
    await controls
      .getByRole("status")
      .filter({ hasText: /Release Russia's seat: done/ })
      .waitFor();
    await tile(page, 2).getByText("Russia — empty seat").waitFor();
    // The freed seat goes to a bot until someone joins it.
    await controls.getByLabel(/Empty seat for a bot/).selectOption({ label: "Russia" });
    await controls.getByLabel("How the bot negotiates").selectOption({ label: "Flexible (concedes early)" });
    await controls.getByRole("button", { name: "Seat a bot as Russia" }).click();
    await controls
      .getByRole("status")
      .filter({ hasText: /Seat a bot as Russia: done/ })
      .waitFor();
    await tile(page, 2).getByText("Russia — Bot, flexible").waitFor();
    const [tableLog] = await Promise.all([
      page.waitForEvent("download"),
      controls.getByRole("button", { name: "Download table 2's log (CSV)" }).click(),
    ]);
    expect(tableLog.suggestedFilename()).toBe(`red-lines-${workshop.joinCode}-table-2.csv`);
    await page.keyboard.press("Escape");
    await controls.waitFor({ state: "detached" });
    const [workshopLog] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the workshop's log (JSON)" }).click(),
    ]);
    expect(workshopLog.suggestedFilename()).toBe(`red-lines-${workshop.joinCode}.json`);
    const exported = JSON.parse(await readFile((await workshopLog.path()) as string, "utf8")) as {
      tables: unknown[];
    };
    expect(exported.tables).toHaveLength(3);

    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(artifactsDir, "console-1280.png"), fullPage: true });

    // A reload keeps working: the key comes from this browser's storage.
    await page.reload();
    await page.getByText(workshop.joinCode, { exact: true }).waitFor();
    await tile(page, 1).getByText("Concluded", { exact: true }).waitFor();
    await page
      .getByRole("list", { name: "Alerts, newest first" })
      .getByText(/past its red line/)
      .waitFor();
    expect(page.url()).not.toContain("key=");

    // On a projector the tiles sit side by side.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect
      .poll(async () => {
        const [one, three] = await Promise.all([tile(page, 1).boundingBox(), tile(page, 3).boundingBox()]);
        return one?.y === three?.y;
      })
      .toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, "console-1920.png") });

    // On a 375 px phone: one column, nothing wider than the screen, still accessible.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
      .toBeLessThanOrEqual(0);
    const [first, second] = await Promise.all([tile(page, 1).boundingBox(), tile(page, 2).boundingBox()]);
    expect(second?.y ?? 0).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(artifactsDir, "console-375.png"), fullPage: true });
    controls = await openControls(page, 2);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(artifactsDir, "console-375-table-controls.png") });
    await page.keyboard.press("Escape");
    await page.close();
  });

  it("says how a finished table ended and offers none of the controls that no longer apply", async () => {
    const { workshop, seat } = await workshopWithPlayers(2);
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/instructor/${workshop.workshopId}#key=${workshop.instructorKey}`);
    await page.getByText(workshop.joinCode, { exact: true }).waitFor();
    await expect.poll(() => page.getByText("not connected").count()).toBe(0);
    // Two tables read "both", and the button names the phase it starts.
    await page.getByRole("radio", { name: "Both tables" }).waitFor();
    expect(await tile(page, 1).getByTestId("round").textContent()).toBe("None yet (6 planned)");
    await page.getByRole("button", { name: "Start briefing at both tables", exact: true }).click();
    for (const table of [1, 2]) await tile(page, table).getByText("Briefing", { exact: true }).waitFor();
    await tile(page, 1).getByRole("button", { name: "Start negotiations at table 1" }).click();
    await tile(page, 1).getByText("Negotiating", { exact: true }).waitFor();
    // Only table 2 can start now, so the toolbar starts only table 2, and says so.
    await toolbar(page).getByRole("button", { name: "Start negotiations at table 2", exact: true }).click();
    await tile(page, 2).getByText("Negotiating", { exact: true }).waitFor();
    await tile(page, 1)
      .getByText(/United States' turn · \d+:\d\d left/)
      .waitFor();
    // Nothing left to start: the button is disabled and says why to a screen reader.
    const start = toolbar(page).getByRole("button", { name: "Start at both tables", exact: true });
    expect(await start.isDisabled()).toBe(true);
    expect(await description(start)).toBe("Nothing to start: neither table is in the lobby or its briefing.");
    expect(await page.getByText(/next phase/).count()).toBe(0);

    // Table 1 agrees on the Nash package in round 1.
    const us = seat(1, "us");
    for (const [issue, option] of Object.entries(nashPackage)) us.send({ type: "set-option", issue, option });
    us.send({ type: "table-draft" });
    await waitFor(() => us.views.at(-1)?.versions.length === 1, { what: "version 1 at table 1" });
    for (const role of roles) seat(1, role).send({ type: "accept", version: 1 });
    await tile(page, 1).getByText("Concluded", { exact: true }).waitFor();
    await tile(page, 1).getByText("Outcome: Fragile ceasefire").waitFor();
    expect(await tile(page, 1).getByTestId("round").textContent()).toBe("Agreement in round 1");
    expect(await tile(page, 1).textContent()).not.toContain("— of");
    await page
      .getByRole("list", { name: "Alerts, newest first" })
      .getByText("Agreement on version 1: Fragile ceasefire.")
      .waitFor();

    // Its controls offer no flow, no news, no rounds and no seats, each with the reason.
    let controls = await openControls(page, 1);
    await controls.getByText("Concluded · Agreement in round 1 · Fragile ceasefire").waitFor();
    const over = "The talks at table 1 are over (agreement in round 1).";
    await controls.getByText(`${over} There is nothing left to start`).waitFor();
    for (const name of ["Pause table 1", "Resume table 1", "End talks at table 1…"]) {
      expect(await controls.getByRole("button", { name }).count()).toBe(0);
    }
    const addRound = controls.getByRole("button", { name: "Add 1 round at table 1" });
    expect(await addRound.isDisabled()).toBe(true);
    expect(await description(addRound)).toBe("No rounds can be added: the talks at table 1 are over.");
    expect(await controls.getByLabel(/Rounds to add/).isDisabled()).toBe(true);
    const inject = controls.getByRole("button", { name: "Inject into table 1" });
    expect(await inject.isDisabled()).toBe(true);
    expect(await description(inject)).toBe("No news can land: the talks at table 1 are over.");
    await controls.getByText("Seats no longer change hands: the talks at table 1 are over.").waitFor();
    expect(await controls.getByRole("button", { name: /Seat a bot/ }).count()).toBe(0);
    // A broadcast still reaches a finished table.
    await controls.getByLabel("Message to broadcast").fill("Well done: stay for the debrief.");
    expect(await controls.getByRole("button", { name: "Broadcast to table 1" }).isEnabled()).toBe(true);
    await expectNoSeriousViolations(page);
    await controls.screenshot({ path: path.join(artifactsDir, "console-finished-table-controls.png") });
    await page.keyboard.press("Escape");
    await controls.waitFor({ state: "detached" });

    // Table 2 ended by the instructor: every toolbar command but the broadcast is disabled, with why.
    controls = await openControls(page, 2);
    await controls.getByRole("button", { name: "End talks at table 2…" }).click();
    await page
      .getByRole("alertdialog", { name: "End the talks at table 2?" })
      .getByRole("button", { name: "End talks at table 2", exact: true })
      .click();
    await controls
      .getByRole("status")
      .filter({ hasText: /End talks: done/ })
      .waitFor();
    await page.keyboard.press("Escape");
    await tile(page, 2).getByText("Concluded", { exact: true }).waitFor();
    expect(await tile(page, 2).getByTestId("round").textContent()).toBe(
      "Ended without agreement: stopped by the facilitator in round 1",
    );
    const allOver = "The talks at both tables are over: only a broadcast can still reach them.";
    await page.getByText(allOver, { exact: true }).first().waitFor();
    for (const name of [
      "Start at both tables",
      "Pause both tables",
      "Resume both tables",
      "Skip the turn at both tables",
      "End talks at both tables…",
    ]) {
      const button = toolbar(page).getByRole("button", { name, exact: true });
      expect(await button.isDisabled(), name).toBe(true);
      expect(await description(button), name).toBe(allOver);
    }
    await page.getByText("Inject an event, broadcast or add rounds at both tables").click();
    const addRounds = page.getByRole("button", { name: "Add 1 round at both tables" });
    expect(await addRounds.isDisabled()).toBe(true);
    expect(await description(addRounds)).toBe("No rounds can be added: the talks at both tables are over.");
    await page.getByLabel("Message to broadcast").fill("The debrief starts now.");
    expect(await page.getByRole("button", { name: "Broadcast to both tables" }).isEnabled()).toBe(true);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(artifactsDir, "console-finished-1280.png"), fullPage: true });

    // The facilitator's guide, one click from the console, and back.
    await page.getByRole("link", { name: "Facilitator's guide" }).click();
    await page.waitForURL(`${e2e.app.url}/guide?workshop=${workshop.workshopId}`);
    await page.getByRole("heading", { level: 1, name: "Facilitator's guide" }).waitFor();
    for (const section of [
      "Learning goals",
      "A 50-minute class",
      "A 90-minute class",
      "Using the debrief in class",
    ]) {
      await page.getByRole("heading", { level: 2, name: section }).waitFor();
    }
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(artifactsDir, "guide-1280.png"), fullPage: true });
    await page.getByRole("link", { name: "Back to the console" }).click();
    await page.waitForURL(`${e2e.app.url}/instructor/${workshop.workshopId}`);
    await tile(page, 1).getByText("Agreement in round 1").waitFor();
    await page.close();

    const phone = await e2e.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const guide = await phone.newPage();
    await guide.goto(`${e2e.app.url}/guide`);
    await guide.getByRole("heading", { level: 1, name: "Facilitator's guide" }).waitFor();
    expect(
      await guide.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(guide);
    await guide.screenshot({ path: path.join(artifactsDir, "guide-375.png"), fullPage: true });
    await guide.screenshot({ path: path.join(artifactsDir, "guide-375-top.png") });
    await phone.close();
  });

  it("fits the projector's join screen, who has joined included, on one screen at 1280×800 and 1920×1080", async () => {
    const { workshop } = await workshopWithPlayers(2);
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      const projector = await instructorContext(e2e.browser, workshop, viewport);
      const screen = await projector.newPage();
      await screen.goto(`${e2e.app.url}/instructor/${workshop.workshopId}/join`);
      await screen.getByText("8 of 8 seats taken").waitFor();
      const joined = screen.getByRole("region", { name: "Who has joined" });
      const box = await joined.boundingBox();
      expect(box, `${viewport.width}×${viewport.height}`).not.toBeNull();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      // Every seat is in view: the list did not scroll inside itself, nor the page.
      for (const table of [1, 2]) {
        const seats = screen.getByRole("list", { name: `Seats at table ${table}` });
        const seatsBox = await seats.boundingBox();
        expect((seatsBox?.y ?? 0) + (seatsBox?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      }
      expect(await fitsViewport(screen)).toBe(true);
      // The words say what is true: the link and the QR code carry the code; the home page takes it typed.
      const code = (await screen.getByTestId("join-code").textContent()) ?? "";
      await screen.getByText("Scan the QR code, or open").waitFor();
      expect(
        await screen.getByRole("link", { name: `${e2e.app.url}/join/${code}` }).getAttribute("href"),
      ).toBe(`${e2e.app.url}/join/${code}`);
      await screen.getByText(`or go to ${new URL(e2e.app.url).host} and type the code`).waitFor();
      expect(await screen.getByText(/enter the join code/).count()).toBe(0);
      await expectNoSeriousViolations(screen);
      await screen.screenshot({
        path: path.join(artifactsDir, `join-screen-${viewport.width}x${viewport.height}.png`),
      });
      await projector.close();
    }
  });

  it("without the key explains where it comes from and opens with the pasted instructor link", async () => {
    const created = await postJson<Created>(e2e.app.url, "/workshops", {
      scenarioId: "ukraine-2026",
      tables: 2,
    });
    const workshop = created.body;
    const fresh = await e2e.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await fresh.newPage();
    await page.goto(`${e2e.app.url}/instructor/${workshop.workshopId}`);
    await page.getByRole("heading", { name: "This console needs the instructor link" }).waitFor();
    await expectNoSeriousViolations(page);
    await page.getByLabel("Instructor link or key").fill("not a link");
    await page.getByRole("button", { name: "Open the console" }).click();
    await page.getByRole("alert").filter({ hasText: "does not look like an instructor link" }).waitFor();

    // A wrong key is refused by the server, said in a sentence, and another one can be pasted.
    await page.getByLabel("Instructor link or key").fill("wrong-key");
    await page.getByRole("button", { name: "Open the console" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "That instructor link is not valid for this workshop." })
      .waitFor();
    await page.getByLabel("Instructor link or key").fill(workshop.instructorUrl);
    await page.getByRole("button", { name: "Open the console" }).click();
    await page.getByText(workshop.joinCode, { exact: true }).waitFor();
    expect(await page.getByRole("article").count()).toBe(2);
    await fresh.close();
  });
});
