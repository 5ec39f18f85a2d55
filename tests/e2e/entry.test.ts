// The entry pages in Chromium against the built app: an instructor sets up a workshop, projects the
// join screen, two students join from their own browsers through the QR code's link, a taken seat
// is refused with a sentence, a returning student continues in the same seat; axe on every page at
// 1280 px and at 375 px.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app.ts";
import { accessibilityViolations, artifactsDir, launchBrowser } from "../support/browser.ts";

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

const desktop = { width: 1280, height: 720 };
const phone = { width: 375, height: 740 };

beforeAll(async () => {
  // Each browser context is its own device: with TRUST_PROXY the server counts join attempts per
  // X-Forwarded-For address, as it would count them per student's phone.
  [app, browser] = await Promise.all([startApp({ TRUST_PROXY: "true" }), launchBrowser()]);
  await mkdir(artifactsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

let devices = 0;
async function device(viewport: { width: number; height: number }): Promise<Page> {
  devices += 1;
  const context = await browser.newContext({
    viewport,
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${devices}` },
  });
  contexts.push(context);
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

describe("entry pages in Chromium", () => {
  let workshopId = "";
  let code = "";
  let joinLink = "";
  let screen: Page;
  let ada: Page;
  let bo: Page;
  let adaSeat: StoredSeat;

  it("sets up a workshop from the landing page, with a sentence for a bad value and the link to keep", async () => {
    const page = await device(desktop);
    await page.goto(`${app.url}/`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Set up a workshop" }).click();
    await page.waitForURL(/\/workshop\/new$/);
    await page.getByRole("heading", { name: "Set up a workshop" }).waitFor();
    await page.getByText("Ukraine peace talks status 2026: where negotiations stand").waitFor();
    await expectAccessible(page);

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
    expect(instructorLink.startsWith(app.url)).toBe(true);
    await page.getByText("2 tables, 6 rounds, 90 seconds a turn").waitFor();
    await page.getByRole("button", { name: "Copy the instructor link" }).waitFor();
    await page.getByRole("link", { name: "Open the console" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Show the join screen" }).click();
    await page.waitForURL(`${app.url}/instructor/${workshopId}/join`);
    screen = page;
  });

  it("projects the join code, a QR code of the join link and the seats, all without scrolling", async () => {
    const codeText = screen.getByTestId("join-code");
    await expect.poll(() => codeText.textContent()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    code = (await codeText.textContent()) ?? "";
    joinLink = `${app.url}/join/${code}`;
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
    await bo.goto(`${app.url}/`);
    await bo.getByLabel("Join code").fill(code.toLowerCase().replace("-", " "));
    await bo.getByLabel("Display name").fill("Bo");
    await bo.getByRole("button", { name: "Find my table" }).click();
    await bo.waitForURL(`${app.url}/join/${code}?name=Bo`);
    expect(await bo.getByLabel("Display name").inputValue()).toBe("Bo");
    await bo.getByRole("radio", { name: /^Ukraine ?, table 1 — free/ }).check();

    // ... while Ada takes that seat first, from her phone.
    await ada.getByLabel("Display name").fill("Ada");
    await ada.getByRole("radio", { name: /^Ukraine ?, table 1 — free/ }).check();
    await ada.getByRole("button", { name: "Join the table" }).click();
    await ada.waitForURL(tableUrl);
    adaSeat = await storedSeat(ada, code);
    expect(adaSeat).toMatchObject({ name: "Ada", role: "ukraine", table: 1 });
    expect(ada.url()).toBe(`${app.url}/table/${adaSeat.tableId}`);
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
    await ada.waitForURL(`${app.url}/table/${adaSeat.tableId}`);
    expect((await storedSeat(ada, code)).seatToken).toBe(adaSeat.seatToken);
  });

  it("asks for the code again when it is unknown", async () => {
    await bo.goto(`${app.url}/join/ABCD-EFGH`);
    await bo.getByRole("alert").filter({ hasText: "No workshop has that join code" }).waitFor();
    await expectAccessible(bo);
    await bo.getByLabel("Join code", { exact: true }).fill(code);
    await bo.getByRole("button", { name: "Look up this code" }).click();
    await bo.waitForURL(`${app.url}/join/${code}`);
    await bo.getByRole("button", { name: /^Continue as Bo \(Russia, table 1\)$/ }).waitFor();
  });

  it("has no serious accessibility problems at 375 px either", async () => {
    const page = await device(phone);
    await page.goto(`${app.url}/`);
    await expectAccessible(page);
    await page.goto(`${app.url}/workshop/new`);
    await page.getByRole("heading", { name: "Tables and clock" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Rounds").fill("0");
    await page.getByRole("button", { name: "Create the workshop" }).click();
    await page.getByRole("alert").filter({ hasText: "Rounds is a whole number from 1 to 100." }).waitFor();
    await expectAccessible(page);
    await page.goto(`${app.url}/instructor/${workshopId}/join`);
    await page.getByRole("heading", { name: "This screen needs the instructor link" }).waitFor();
    await expectAccessible(page);

    // The projector page on a phone, reached with the instructor link's key.
    const key = await screen.evaluate(
      (id) => window.localStorage.getItem(`red-lines:instructor:${id}`),
      workshopId,
    );
    await page.goto(`${app.url}/instructor/${workshopId}/join#key=${JSON.parse(key ?? '""')}`);
    await page.getByRole("list", { name: "Seats at table 1" }).getByText("Ada").waitFor();
    expect(page.url()).toBe(`${app.url}/instructor/${workshopId}/join`);
    await expectAccessible(page);
  });
});
