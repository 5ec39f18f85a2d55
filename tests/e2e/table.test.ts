import path from "node:path";
import type { Scenario } from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nashPackage } from "../../shared/src/fixtures/ukraine2026.ts";
import { watchTokenOf } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import {
  type Instructor,
  instructorContext,
  instructorOn,
  type JoinedSeat,
  openTable,
  seatContext,
  seatedWorkshop,
  setDraft as setOption,
} from "../support/seats.ts";
import { waitFor } from "../support/wait.ts";

const roles = ["us", "ukraine", "europe", "russia"] as const;
type Role = (typeof roles)[number];
const scenario = getScenario("ukraine-2026") as Scenario;
const issueName = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
const optionText = (issue: string, option: string) =>
  scenario.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option;

const e2e = appAndBrowser();
const { contexts, rooms } = e2e;

const setUpWorkshop = () => seatedWorkshop(e2e.app.url);

/** A seat's browser context, closed with the others after the tests. */
async function seatAt(joinCode: string, seat: JoinedSeat): Promise<BrowserContext> {
  const context = await seatContext(e2e.browser, joinCode, seat);
  contexts.push(context);
  return context;
}

async function instructorAt(tableId: string, instructorKey: string): Promise<Instructor> {
  const instructor = await instructorOn(e2e.app.url, tableId, instructorKey);
  rooms.push(instructor.room);
  return instructor;
}

/** Sets a draft option by the issue's id. */
const setDraft = (page: Page, issue: string, option: string) => setOption(page, issueName(issue), option);

/** The term sheet row of an issue. */
function sheetRow(page: Page, issue: string) {
  return page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: issueName(issue), exact: true }) });
}

async function expectAccessible(page: Page, what: string) {
  expect(await accessibilityViolations(page), what).toEqual([]);
}

async function checkBothWidths(page: Page, what: string) {
  await expectAccessible(page, `${what} at 1280 px`);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page, `${what} at 375 px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what}: no sideways scrolling at 375 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the table screen in Chromium", () => {
  it("takes four students from the lobby through the briefing and several turns to an agreement", async () => {
    const { workshop, seats, tableId } = await setUpWorkshop();
    const pages = {} as Record<Role, Page>;
    for (const role of roles) {
      const context = await seatAt(workshop.joinCode, seats[role]);
      pages[role] = await openTable(context, `${e2e.app.url}/table/${tableId}`);
    }
    const instructor = await instructorAt(tableId, workshop.instructorKey);
    await waitFor(() => instructor.views.at(-1)?.seats.every((s) => s.occupied), {
      what: "all four seats taken",
      timeout: 10_000,
    });

    // Lobby: who sits where, and the wait for the facilitator.
    const ua = pages.ukraine;
    await ua.getByRole("heading", { name: "Waiting for the facilitator to start" }).waitFor();
    const seatList = ua.getByRole("list", { name: "Seats at this table" });
    for (const role of roles) await seatList.getByText(seats[role].name).waitFor();
    await expect.poll(() => seatList.getByText("connected", { exact: true }).count()).toBe(4);
    await checkBothWidths(ua, "lobby");

    // Briefing: own brief, red lines with a citation that opens the cited section.
    await instructor.run({ type: "start" });
    await ua.getByRole("heading", { name: "Your red lines" }).waitFor();
    await ua.getByText("No legal cession of Ukrainian land", { exact: true }).first().waitFor();
    const citation = ua
      .getByRole("link", { name: /Ukraine peace talks status 2026.*Ukraine's Position and Red Lines/ })
      .first();
    expect(await citation.getAttribute("href")).toBe(
      "/sources/002_dc4659ee7f7471a7.txt?section=Ukraine%27s+Position+and+Red+Lines#ukraine-s-position-and-red-lines",
    );
    await pages.russia.getByRole("heading", { name: "Your red lines" }).waitFor();
    expect(await pages.russia.content()).not.toContain("ua-no-legal-cession");
    expect(await pages.russia.content()).not.toContain("No legal cession of Ukrainian land");
    await ua.getByRole("heading", { name: "Your scores" }).waitFor();
    await checkBothWidths(ua, "briefing");
    await ua.setViewportSize({ width: 375, height: 800 });
    await ua.screenshot({ path: path.join(artifactsDir, "table-briefing-375-full.png"), fullPage: true });
    await ua.setViewportSize({ width: 1280, height: 900 });
    const sourcePage = await contexts[1]?.newPage();
    if (!sourcePage) throw new Error("no context");
    await sourcePage.goto(`${e2e.app.url}/sources/002_dc4659ee7f7471a7.txt#ukraine-s-position-and-red-lines`);
    await sourcePage.getByRole("heading", { level: 1, name: /Ukraine peace talks status 2026/ }).waitFor();
    expect(await sourcePage.locator("#ukraine-s-position-and-red-lines").count()).toBe(1);
    await expectAccessible(sourcePage, "sources page");
    await sourcePage.screenshot({ path: path.join(artifactsDir, "sources-1280.png") });
    await sourcePage.close();

    // Negotiations: the US edits the draft; the others see each change live.
    await instructor.run({ type: "start" });
    const us = pages.us;
    await us.getByText("Your turn", { exact: true }).waitFor();
    await setDraft(us, "territory", "deferred");
    for (const role of ["ukraine", "europe", "russia"] as const) {
      await sheetRow(pages[role], "territory")
        .getByText(optionText("territory", "deferred"))
        .waitFor({ timeout: 5_000 });
    }
    await sheetRow(ua, "territory").getByText("United States (draft)").waitFor();
    for (const [issue, option] of Object.entries(nashPackage)) {
      if (issue !== "territory") await setDraft(us, issue, option);
    }
    await us.getByRole("button", { name: "Table this draft as version 1" }).click();
    await ua.getByRole("heading", { name: "Stances on version 1" }).waitFor();
    await ua.getByText("Your turn", { exact: true }).waitFor();
    await expect.poll(() => ua.getByTestId("announcer").textContent()).toContain("version 1");

    // Ukraine drafts a recognition of annexation: the live check warns, the server refuses.
    await setDraft(ua, "territory", "recognize-crimea");
    await ua
      .getByText(/this would break “No legal cession of Ukrainian land”:/)
      .first()
      .waitFor();
    await ua.getByRole("button", { name: "Table this draft as version 2" }).click();
    const refusal = ua
      .getByRole("alert")
      .filter({ hasText: "Refused by the server: this would break “No legal cession of Ukrainian land”" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("source");
    await ua.screenshot({ path: path.join(artifactsDir, "table-1280-refusal.png") });
    await ua.evaluate(() => window.scrollTo(0, 0));
    await ua.screenshot({ path: path.join(artifactsDir, "table-1280.png") });
    await ua.setViewportSize({ width: 375, height: 800 });
    await ua.evaluate(() => window.scrollTo(0, 0));
    await ua.screenshot({ path: path.join(artifactsDir, "table-375.png") });
    await ua.screenshot({ path: path.join(artifactsDir, "table-375-full.png"), fullPage: true });
    const overflow = await ua.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "the term sheet being edited fits 375 px").toBeLessThanOrEqual(0);
    await ua.setViewportSize({ width: 1280, height: 900 });

    // Ukraine tables a version the others can live with but Europe objects to.
    await setDraft(ua, "territory", "deferred");
    await setDraft(ua, "humanitarian", "exchanges-only");
    await ua.getByRole("button", { name: "Table this draft as version 2" }).click();
    const eu = pages.europe;
    await eu.getByRole("heading", { name: "Stances on version 2" }).waitFor();
    await eu
      .getByRole("list", { name: "Changes in version 2" })
      .getByText(/Prisoner exchanges only/)
      .waitFor();
    await eu.getByRole("button", { name: "Object to version 2…" }).click();
    await eu.getByLabel(issueName("humanitarian"), { exact: true }).check();
    await eu.getByLabel("Note to the table (optional)").fill("Families need every prisoner home.");
    await eu.getByRole("button", { name: "Send objection to version 2" }).click();
    for (const role of roles) {
      await pages[role]
        .getByText(/objected on Humanitarian measures: “Families need every prisoner home\.”/)
        .waitFor();
    }

    // Europe restores the comprehensive package and tables version 3.
    await eu.getByText("Your turn", { exact: true }).waitFor();
    await setDraft(eu, "humanitarian", "all-for-all");
    await eu.getByRole("button", { name: "Table this draft as version 3" }).click();
    await pages.russia.getByRole("heading", { name: "Stances on version 3" }).waitFor();
    // Tabling a complete package is Europe's acceptance, on its own screen and on the others'.
    const tabledAndAccepted = eu.getByRole("button", { name: "You tabled version 3, so you accept it" });
    await tabledAndAccepted.waitFor();
    expect(await tabledAndAccepted.isDisabled()).toBe(true);

    // A private back-channel: Russia to the United States; Ukraine and Europe never see it.
    const secret = "Quiet word: we can live with bilateral treaties.";
    const ru = pages.russia;
    await ru.getByRole("button", { name: /^United States \(private\)/ }).click();
    await ru.getByLabel("Private message to United States").fill(secret);
    await ru.getByRole("button", { name: "Send", exact: true }).click();
    await ru.getByRole("log", { name: "Messages: United States" }).getByText(secret).waitFor();
    await us.getByRole("button", { name: /^Russia \(private\) 1 unread/ }).waitFor();
    await us.getByRole("button", { name: /^Russia \(private\)/ }).click();
    await us.getByRole("log", { name: "Messages: Russia" }).getByText(secret).waitFor();
    const observerContext = await instructorContext(e2e.browser, workshop);
    contexts.push(observerContext);
    const facilitator = await openTable(
      observerContext,
      `${e2e.app.url}/table/${tableId}?workshop=${workshop.workshopId}`,
    );
    await facilitator.getByText("You are watching as the facilitator").waitFor();
    await facilitator.getByRole("button", { name: /^Russia ↔ United States/ }).click();
    await facilitator.getByText(secret).waitFor();

    // An injected event lands as a news flash, with its source, for everyone.
    await instructor.run({ type: "inject-event", event: "paris-guarantees" });
    for (const role of roles) {
      const flash = pages[role].getByRole("region", { name: "News flash" });
      await flash.getByText("News flash: Paris summit: European guarantees").waitFor();
      expect(await flash.getByRole("link").count()).toBeGreaterThan(0);
    }
    await checkBothWidths(us, "negotiating");
    await facilitator.getByRole("button", { name: "Seats", exact: true }).click();
    await facilitator.getByRole("heading", { name: "Every seat's numbers (facilitator only)" }).waitFor();
    await expectAccessible(facilitator, "the facilitator's view of the table");

    // Europe tabled version 3, so it has accepted it already; the other three accept it and the
    // talks conclude with a fragile ceasefire. Ukraine's page is scrolled down to the bottom when
    // it happens; it opens on the outcome anyway.
    for (const role of roles.filter((r) => r !== "europe")) {
      await pages[role].getByRole("button", { name: "Accept version 3" }).click();
      await pages[role]
        .getByText("You accepted version 3")
        .or(pages[role].getByText("Outcome:"))
        .first()
        .waitFor();
      if (role === "ukraine") {
        await ua.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        expect(await ua.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      }
    }
    for (const role of roles) {
      await pages[role].getByRole("heading", { name: "Outcome: Fragile ceasefire" }).waitFor();
      await pages[role].getByText("All 4 parties accepted version 3.").waitFor();
    }
    await expect.poll(() => ua.evaluate(() => window.scrollY)).toBe(0);
    expect(await ua.evaluate(() => document.activeElement?.id)).toBe("outcome-heading");
    const scores = ua.getByRole("table").filter({ hasText: "No-deal value" });
    await scores.getByRole("row", { name: /Ukraine \(you\).*better/ }).waitFor();
    await checkBothWidths(ua, "concluded");
    await ua.screenshot({ path: path.join(artifactsDir, "table-concluded-1280.png"), fullPage: true });

    for (const role of ["ukraine", "europe"] as const) {
      expect(await pages[role].content()).not.toContain(secret);
    }
    expect(instructor.views.at(-1)?.outcome).toMatchObject({
      class: "fragile-ceasefire",
      reason: "agreement",
    });
  }, 240_000);

  it("gives a student who reloads mid-turn the same seat, draft, chat and unread counts", async () => {
    const { workshop, seats, tableId } = await setUpWorkshop();
    const pages = {} as Record<Role, Page>;
    for (const role of roles) {
      const context = await seatAt(workshop.joinCode, seats[role]);
      pages[role] = await openTable(context, `${e2e.app.url}/table/${tableId}`);
    }
    const instructor = await instructorAt(tableId, workshop.instructorKey);
    await waitFor(() => instructor.views.at(-1)?.seats.every((s) => s.occupied), {
      what: "all four seats taken",
      timeout: 10_000,
    });
    await instructor.run({ type: "start" });
    await instructor.run({ type: "start" });

    const { us, russia, ukraine } = pages;
    await us.getByText("Your turn", { exact: true }).waitFor();
    await setDraft(us, "territory", "deferred");
    await setDraft(us, "nato", "constitutional-ban");
    await ukraine.getByLabel("Message to the table").fill("Kyiv is listening.");
    await ukraine.getByRole("button", { name: "Send", exact: true }).click();
    await russia.getByRole("log", { name: "Messages: Table chat" }).getByText("Kyiv is listening.").waitFor();
    // A private message Russia has not opened yet: one unread on its channel with the US.
    await us.getByRole("button", { name: /^Russia \(private\)/ }).click();
    await us.getByLabel("Private message to Russia").fill("A word before the next round.");
    await us.getByRole("button", { name: "Send", exact: true }).click();
    await russia.getByRole("button", { name: /^United States \(private\) 1 unread$/ }).waitFor();

    for (const page of [russia, us]) {
      await page.reload();
      await page
        .getByRole("status")
        .filter({ hasText: /\bConnected\b/ })
        .waitFor({ timeout: 15_000 });
    }
    await russia.getByText("You are Russia (RUSSIA student)").waitFor();
    await russia.getByRole("button", { name: /^United States \(private\) 1 unread$/ }).waitFor();
    await russia.getByRole("log", { name: "Messages: Table chat" }).getByText("Kyiv is listening.").waitFor();
    await sheetRow(russia, "nato").getByText(optionText("nato", "constitutional-ban")).waitFor();

    await us.getByText("You are United States (US student)").waitFor();
    await us.getByText("Your turn", { exact: true }).waitFor();
    expect(
      await us.getByLabel(`Draft option for ${issueName("territory")}`, { exact: true }).inputValue(),
    ).toBe("deferred");
    expect(await us.getByLabel(`Draft option for ${issueName("nato")}`, { exact: true }).inputValue()).toBe(
      "constitutional-ban",
    );
    await us
      .getByRole("log", { name: "Messages: Russia" })
      .getByText("A word before the next round.")
      .waitFor();
    // The US keeps editing after the reload, and the others still see it live.
    await setDraft(us, "sanctions", "phased-relief");
    await sheetRow(russia, "sanctions").getByText(optionText("sanctions", "phased-relief")).waitFor();

    // Someone with only the table's address is not let in, and is told how to join or watch.
    const watcherContext = await e2e.newContext({ viewport: { width: 375, height: 800 } });
    const stranger = await watcherContext.newPage();
    await stranger.goto(`${e2e.app.url}/table/${tableId}`);
    await stranger.getByRole("heading", { name: "This table is open to its players" }).waitFor();
    expect(await stranger.getByRole("link", { name: "Join with a workshop code" }).getAttribute("href")).toBe(
      "/",
    );
    expect(await stranger.content()).not.toContain(optionText("sanctions", "phased-relief"));
    // It does not pretend to be connecting to a table it will never join.
    expect(
      await stranger
        .getByRole("status")
        .filter({ hasText: /Connecting/ })
        .count(),
    ).toBe(0);
    await stranger.close();
    // With the observer link the instructor hands out, they watch the public table only.
    const watchToken = await watchTokenOf(e2e.app.url, workshop);
    const watcher = await openTable(watcherContext, `${e2e.app.url}/table/${tableId}?watch=${watchToken}`);
    await watcher.getByText("You are watching this table.").waitFor();
    await sheetRow(watcher, "sanctions").getByText(optionText("sanctions", "phased-relief")).waitFor();
    expect(await watcher.content()).not.toContain("A word before the next round.");
    await expectAccessible(watcher, "an observer's view at 375 px");

    // The facilitator releases Europe's seat: its page says so and how to join again.
    const europe = pages.europe;
    await instructor.run({ type: "release-seat", seat: "europe" });
    await europe.getByRole("heading", { name: "Your seat was released" }).waitFor();
    expect(await europe.getByRole("link", { name: "Join with a code" }).getAttribute("href")).toBe(
      `/join/${encodeURIComponent(workshop.joinCode)}`,
    );
    // This test's browser puts the old seat back into storage on every load: the server refuses the
    // revoked link, and the page says so with the way back in.
    await europe.reload();
    const problem = europe.getByRole("alert", { name: "Connection problem" });
    await problem.waitFor();
    expect(
      await problem.getByRole("link", { name: "join again with the workshop code" }).getAttribute("href"),
    ).toBe(`/join/${encodeURIComponent(workshop.joinCode)}`);
  }, 120_000);
});
