import path from "node:path";
import { instructorOverviewSchema } from "@red-lines/shared/protocol";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorOn } from "../support/seats.ts";

const desktop = { width: 1280, height: 720 };
const phone = { width: 375, height: 740 };

// Each browser context is its own device: with TRUST_PROXY the server counts join attempts per
// X-Forwarded-For address, as it would count them per student's phone.
const e2e = appAndBrowser({ TRUST_PROXY: "true" });

let devices = 0;
async function device(
  viewport: { width: number; height: number },
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  devices += 1;
  const context = await e2e.newContext({
    viewport,
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${devices}` },
    ...options,
  });
  return context.newPage();
}

async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

type StoredSeat = { tableId: string; seatToken: string; name: string; role: string; table: number };

/** The seat this page's browser stored for the code. */
async function storedSeat(page: Page, code: string): Promise<StoredSeat> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), `red-lines:code:${code}`);
  expect(raw).not.toBeNull();
  return JSON.parse(raw ?? "{}") as StoredSeat;
}

/** The table page a join leads to, once it is connected: its connection takes the seat. */
async function seated(page: Page) {
  await page
    .getByRole("status")
    .filter({ hasText: /\bConnected\b/ })
    .waitFor({ timeout: 30_000 });
}

const tableUrl = /\/table\/[0-9a-f-]{36}$/;

/** The workshops the home page lists, as the page's words. */
function myWorkshops(page: Page) {
  return page.getByRole("region", { name: "Your workshops" }).getByRole("listitem");
}

describe("entry pages in Chromium", () => {
  let workshopId = "";
  let code = "";
  let setUp: Page;
  let joinLink = "";
  let screen: Page;
  let ada: Page;
  let bo: Page;
  let adaSeat: StoredSeat;

  it("sets up a workshop from the landing page, with a sentence for a bad value and the link to keep", async () => {
    const page = await device(desktop);
    await page.goto(`${e2e.app.url}/`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Set up a workshop" }).click();
    await page.waitForURL(/\/workshop\/new$/);
    await page.getByRole("heading", { name: "Set up a workshop" }).waitFor();
    await page.getByText("Ukraine peace talks status 2026: where negotiations stand").waitFor();
    // Sources by their titles, never their seed file names.
    expect(await page.locator("main").textContent()).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(artifactsDir, "workshop-new-1280.png"), fullPage: true });

    const tables = page.getByLabel("Number of tables");
    await tables.fill("40");
    await page.keyboard.press("Tab");
    const tablesError = page.getByRole("alert").filter({ hasText: "The number of tables is a whole number" });
    await tablesError.waitFor();
    expect(await tables.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await tables.fill("2");
    await tablesError.waitFor({ state: "detached" });

    await page.getByRole("radio", { name: /Back channel/ }).check();
    expect(await page.getByLabel("Rounds").inputValue()).toBe("6");
    await page.getByLabel("Turn clock (seconds)").fill("90");
    await page.getByLabel("Bot fill: bots take the empty seats when a table starts").check();
    await page.getByLabel("Turn clock (seconds)").press("Enter");

    await page.getByRole("heading", { name: "Your workshop is ready" }).waitFor();
    await page.getByRole("heading", { name: "Keep this link" }).waitFor();
    const instructorLink = await page.getByLabel("Instructor link").inputValue();
    const match = /\/instructor\/([0-9a-f-]{36})#key=.+$/.exec(instructorLink);
    expect(match, instructorLink).not.toBeNull();
    workshopId = match?.[1] ?? "";
    expect(instructorLink.startsWith(e2e.app.url)).toBe(true);
    await page.getByText("2 tables, 6 rounds, 90 seconds a turn").waitFor();
    await page.getByRole("button", { name: "Copy the instructor link" }).waitFor();
    await page.getByRole("link", { name: "Open the console" }).waitFor();
    await expectAccessible(page);
    setUp = page;
  });

  it("never offers a blank form again for a workshop it created, and lists it on the home page after a reload", async () => {
    const page = setUp;
    const created = `${e2e.app.url}/workshop/new?created=${workshopId}`;
    const ready = page.getByRole("heading", { name: "Your workshop is ready" });
    const blankForm = page.getByRole("button", { name: "Create the workshop" });
    code =
      (await page
        .locator("strong")
        .filter({ hasText: /^[A-Z2-9]{4}-[A-Z2-9]{4}$/ })
        .textContent()) ?? "";

    // On to the console in the page, then Back: the workshop again, from the router.
    await page.getByRole("link", { name: "Open the console" }).click();
    await page.waitForURL(`${e2e.app.url}/instructor/${workshopId}`);
    await page.goBack();
    await ready.or(blankForm).waitFor();
    expect(await blankForm.count()).toBe(0);
    // The history entry of the form now names the workshop.
    expect(page.url()).toBe(created);

    // Home, then Back: the page loads again from the server, and still shows the workshop.
    await page.goto(`${e2e.app.url}/`);
    const listed = myWorkshops(page);
    await listed.first().waitFor();
    await page.goBack();
    await ready.or(blankForm).waitFor();
    expect(await blankForm.count()).toBe(0);
    expect(page.url()).toBe(created);
    await expectAccessible(page);
    // A reload of that address too.
    await page.reload();
    await ready.waitFor();
    expect(await blankForm.count()).toBe(0);

    // The home page lists it after a reload: title, date, tables, status, the console link.
    await page.goto(`${e2e.app.url}/`);
    await page.reload();
    await expect.poll(() => listed.count()).toBe(1);
    const item = listed.first();
    await item.getByRole("heading", { name: "Ukraine peace talks, 2026 · Back channel" }).waitFor();
    await item.getByText("Not started", { exact: true }).waitFor();
    const text = (await item.textContent()) ?? "";
    expect(text).toContain(`Join code${code}`);
    expect(text).toContain("Tables2");
    const today = await page.evaluate(
      () => new Date().toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }).split(",")[0],
    );
    expect(text).toContain(`Created${today}`);
    const consoleLink = item.getByRole("link", { name: `Open the console of workshop ${code}` });
    expect(await consoleLink.getAttribute("href")).toBe(`/instructor/${workshopId}`);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(artifactsDir, "home-workshops-1280.png"), fullPage: true });
    await page.setViewportSize(phone);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(artifactsDir, "home-workshops-375.png"), fullPage: true });
    await page.setViewportSize(desktop);
    // Keyboard: the console link is reached with Tab from the join form's button.
    await page.getByRole("button", { name: "Find my table" }).focus();
    let reached = false;
    for (let step = 0; step < 6 && !reached; step++) {
      await page.keyboard.press("Tab");
      reached = await consoleLink.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    await consoleLink.click();
    await page.waitForURL(`${e2e.app.url}/instructor/${workshopId}`);

    await page.goto(created);
    await page.getByRole("link", { name: "Show the join screen" }).click();
    await page.waitForURL(`${e2e.app.url}/instructor/${workshopId}/join`);
    screen = page;
  });

  it("projects the join code, a QR code of the join link and the seats, all without scrolling", async () => {
    // The code comes with the workshop from the server ("…" until then): wait for it on screen,
    // not for a second's polling, which a loaded machine outlasts.
    const codeText = screen
      .getByTestId("join-code")
      .filter({ hasText: /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/ });
    await codeText.waitFor();
    code = (await codeText.textContent()) ?? "";
    joinLink = `${e2e.app.url}/join/${code}`;
    await screen.getByText(joinLink, { exact: true }).waitFor();
    const qr = screen.getByRole("img", { name: `QR code of the join link ${joinLink}` });
    await qr.waitFor();
    expect(await qr.evaluate((element) => element.tagName.toLowerCase())).toBe("svg");
    await screen
      .getByRole("status")
      .filter({ hasText: /\bConnected\b/ })
      .waitFor();
    await screen.getByRole("list", { name: "Seats at table 2" }).waitFor();
    await screen.getByText("0 of 8 seats taken").waitFor();
    for (const box of [await codeText.boundingBox(), await qr.boundingBox()]) {
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(desktop.height);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(desktop.width);
    }
    expect(
      await codeText.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    ).toBeGreaterThan(90);
    await expectAccessible(screen);
  });

  it("seats two students who come through the QR code's link and refuses a taken seat with a sentence", async () => {
    ada = await device(phone);
    bo = await device(desktop);
    await ada.goto(joinLink);
    await ada.getByRole("heading", { name: "Take a seat" }).waitFor();
    await ada.getByText("Ukraine peace talks, 2026").first().waitFor();
    await ada.getByText(/will never sign away legal title/).waitFor();
    await expectAccessible(ada);
    await ada.screenshot({ path: path.join(artifactsDir, "join-page-375.png"), fullPage: true });

    // Bo comes from the landing page with the code and a name, and picks Ukraine at table 1 ...
    await bo.goto(`${e2e.app.url}/`);
    await bo.getByLabel("Join code").fill(code.toLowerCase().replace("-", " "));
    await bo.getByLabel("Display name").fill("Bo");
    await bo.getByRole("button", { name: "Find my table" }).click();
    await bo.waitForURL(`${e2e.app.url}/join/${code}?name=Bo`);
    expect(await bo.getByLabel("Display name").inputValue()).toBe("Bo");
    await bo.getByRole("radio", { name: /^Ukraine ?, table 1 — free/ }).check();

    // ... while Ada takes that seat first, from her phone.
    await ada.getByLabel("Display name").fill("Ada");
    await ada.getByRole("radio", { name: /^Ukraine ?, table 1 — free/ }).check();
    await ada.getByRole("button", { name: "Join the table" }).click();
    await ada.waitForURL(tableUrl);
    adaSeat = await storedSeat(ada, code);
    expect(adaSeat).toMatchObject({ name: "Ada", role: "ukraine", table: 1 });
    expect(ada.url()).toBe(`${e2e.app.url}/table/${adaSeat.tableId}`);
    // Her table page takes the seat at the table (one connection per seat: the page's own).
    await seated(ada);
    const tableOne = screen.getByRole("list", { name: "Seats at table 1" });
    await tableOne.getByText("Ada").waitFor({ timeout: 5_000 });

    // Bo's choice was free when chosen: the server refuses it (or the refreshed list already shows
    // it taken), and either way Bo reads why next to the seats.
    await bo.getByRole("button", { name: "Join the table" }).click();
    await bo
      .getByRole("alert")
      .filter({ hasText: /Ukraine at table 1 (is|was just) taken/ })
      .waitFor();
    await bo.getByRole("radio", { name: /^Ukraine ?, table 1 — taken by Ada/ }).waitFor();
    expect(await bo.getByRole("radio", { name: /^Ukraine ?, table 1/ }).isDisabled()).toBe(true);
    await expectAccessible(bo);
    expect(bo.url()).toContain("/join/");

    await bo.getByRole("radio", { name: /^Russia ?, table 1 — free/ }).check();
    await bo.getByRole("button", { name: "Join the table" }).click();
    await bo.waitForURL(tableUrl);
    const boSeat = await storedSeat(bo, code);
    expect(boSeat).toMatchObject({ name: "Bo", role: "russia", table: 1, tableId: adaSeat.tableId });
    await seated(bo);
    await tableOne.getByText("Bo").waitFor({ timeout: 5_000 });
    await screen.getByText("2 of 8 seats taken").waitFor();
    await expectAccessible(screen);
    await screen.screenshot({ path: path.join(artifactsDir, "join-screen-1280x720.png") });
  });

  it("offers a returning student the same seat", async () => {
    await ada.goto(joinLink);
    const again = ada.getByRole("button", { name: "Continue as Ada (Ukraine, table 1)" });
    await again.waitFor();
    await expectAccessible(ada);
    await again.click();
    await ada.waitForURL(`${e2e.app.url}/table/${adaSeat.tableId}`);
    expect((await storedSeat(ada, code)).seatToken).toBe(adaSeat.seatToken);
  });

  it("asks for the code again when it is unknown", async () => {
    await bo.goto(`${e2e.app.url}/join/ABCD-EFGH`);
    await bo.getByRole("alert").filter({ hasText: "No workshop has that join code" }).waitFor();
    await expectAccessible(bo);
    await bo.getByLabel("Join code", { exact: true }).fill(code);
    await bo.getByRole("button", { name: "Look up this code" }).click();
    await bo.waitForURL(`${e2e.app.url}/join/${code}`);
    await bo.getByRole("button", { name: /^Continue as Bo \(Russia, table 1\)$/ }).waitFor();
  });

  it("has no serious accessibility problems at 375 px either", async () => {
    const page = await device(phone);
    await page.goto(`${e2e.app.url}/`);
    await expectAccessible(page);
    await page.goto(`${e2e.app.url}/workshop/new`);
    await page.getByRole("heading", { name: "Tables and clock" }).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(artifactsDir, "workshop-new-375.png"), fullPage: true });
    await page.getByLabel("Rounds").fill("0");
    await page.getByRole("button", { name: "Create the workshop" }).click();
    await page.getByRole("alert").filter({ hasText: "Rounds is a whole number from 1 to 100." }).waitFor();
    await expectAccessible(page);
    await page.goto(`${e2e.app.url}/instructor/${workshopId}/join`);
    await page.getByRole("heading", { name: "This screen needs the instructor link" }).waitFor();
    await expectAccessible(page);

    // The projector page on a phone, reached with the instructor link's key.
    const key = await screen.evaluate(
      (id) => window.localStorage.getItem(`red-lines:instructor:${id}`),
      workshopId,
    );
    await page.goto(`${e2e.app.url}/instructor/${workshopId}/join#key=${JSON.parse(key ?? '""')}`);
    await page.getByRole("list", { name: "Seats at table 1" }).getByText("Ada").waitFor();
    expect(page.url()).toBe(`${e2e.app.url}/instructor/${workshopId}/join`);
    await expectAccessible(page);
  });
  it("keeps a join code typed before the page's scripts ran", async () => {
    const page = await device(desktop);
    // The page's scripts are held back, as on a loaded network: the server-rendered form is there
    // to type into, but React has not taken it over yet.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/_next\/static\/.+\.js(\?.*)?$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${e2e.app.url}/`, { waitUntil: "domcontentloaded" });
    const codeField = page.getByLabel("Join code");
    const hydrated = () =>
      codeField.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps")));
    await codeField.fill(code.toLowerCase());
    expect(await hydrated()).toBe(false);
    release();
    await expect.poll(hydrated, { timeout: 30_000 }).toBe(true);
    await page.waitForLoadState("load");
    // Typing the name after hydration renders the form again: the code typed before must stay.
    await page.getByLabel("Display name").fill("Cy");
    expect(await codeField.inputValue()).toBe(code.toLowerCase());
    await page.getByRole("button", { name: "Find my table" }).click();
    await page.waitForURL(`${e2e.app.url}/join/${code}?name=Cy`);
    await page.getByRole("heading", { name: "Take a seat" }).waitFor();
    expect(await page.getByLabel("Display name").inputValue()).toBe("Cy");

    // Sent before any script ran (here: none at all), the form still leads to the join page.
    const noScripts = await device(phone, { javaScriptEnabled: false });
    await noScripts.goto(`${e2e.app.url}/`);
    await noScripts.getByLabel("Join code").fill(code.replace("-", ""));
    await noScripts.getByLabel("Display name").fill("Dee");
    await noScripts.getByLabel("Display name").press("Enter");
    await noScripts.waitForURL(`${e2e.app.url}/join/${code}?name=Dee`);
  });

  it("says the talks are over at a finished table, offers no seat there, and points its student to the debrief", async () => {
    const key = JSON.parse(
      (await screen.evaluate(
        (id) => window.localStorage.getItem(`red-lines:instructor:${id}`),
        workshopId,
      )) ?? '""',
    ) as string;
    const response = await fetch(`${e2e.app.url}/api/workshops/${workshopId}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const overview = instructorOverviewSchema.parse(await response.json());
    const ended: string[] = [];
    const endTalks = async (number: number) => {
      const tableId = overview.tables.find((table) => table.number === number)?.id ?? "";
      const instructor = await instructorOn(e2e.app.url, tableId, key);
      try {
        await instructor.run({ type: "start" });
        await instructor.run({ type: "end-talks" });
      } finally {
        await instructor.room.leave();
      }
      ended.push(tableId);
    };

    // Table 1 (Ada's and Bo's) is over; table 2 has not started.
    await endTalks(1);
    const student = await device(phone);
    await student.goto(joinLink);
    await student.getByRole("heading", { name: "Take a seat" }).waitFor();
    await student.getByText("Table 1 · the talks are over: no seats to take.").waitFor();
    await student
      .getByText("4 seats are free. The talks at table 1 are over, so it takes nobody new.")
      .waitFor();
    expect(await student.getByRole("radio", { name: /table 1/ }).count()).toBe(0);
    expect(await student.getByRole("radio", { name: /table 2 — free/ }).count()).toBe(4);
    await expectAccessible(student);
    await student.screenshot({ path: path.join(artifactsDir, "join-page-one-over-375.png"), fullPage: true });

    // Ada's browser holds a seat at table 1: the page sends her to its debrief, not to a seat.
    await ada.goto(joinLink);
    await ada.getByRole("heading", { name: "The talks at your table are over" }).waitFor();
    const debrief = ada.getByRole("link", { name: "Read your table's debrief" });
    expect(await debrief.getAttribute("href")).toBe(`/debrief/${adaSeat.tableId}`);
    expect(await ada.getByRole("button", { name: /^Continue as Ada/ }).count()).toBe(0);
    await ada.getByRole("heading", { name: "Or join as someone new" }).waitFor();
    await expectAccessible(ada);

    // Every table over: no seats at all, and no count of free ones.
    await endTalks(2);
    await student.reload();
    await student.getByRole("heading", { name: "The talks are over" }).waitFor();
    await student
      .getByText("The negotiation has ended at both tables of this workshop, so there are no seats to take.")
      .waitFor();
    const words = (await student.locator("main").textContent()) ?? "";
    expect(words).not.toMatch(/seats? (is|are) free/);
    expect(await student.getByRole("radio").count()).toBe(0);
    expect(await student.getByRole("button", { name: "Join the table" }).count()).toBe(0);
    await expectAccessible(student);
    await student.screenshot({ path: path.join(artifactsDir, "join-page-over-375.png"), fullPage: true });
    await ada.reload();
    await ada.getByRole("heading", { name: "The talks at your table are over" }).waitFor();
    expect(await ada.getByRole("heading", { name: "Or join as someone new" }).count()).toBe(0);
    await expectAccessible(ada);
    await ada.screenshot({ path: path.join(artifactsDir, "join-page-over-seat-375.png"), fullPage: true });
    await bo.goto(joinLink);
    await bo.getByRole("heading", { name: "The talks at your table are over" }).waitFor();
    await expectAccessible(bo);
    await bo.screenshot({ path: path.join(artifactsDir, "join-page-over-seat-1280.png"), fullPage: true });

    // The instructor's home page tells it honestly.
    await screen.goto(`${e2e.app.url}/`);
    const item = myWorkshops(screen).first();
    await item.getByText("Finished", { exact: true }).waitFor();
    expect(ended).toEqual(overview.tables.map((table) => table.id));
  });
});
