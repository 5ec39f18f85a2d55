// The walking skeleton in a real browser: two tabs at the sandbox table see each other come and go.
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, appAndBrowser } from "../support/browser.ts";

let context: BrowserContext;

const e2e = appAndBrowser();

beforeAll(async () => {
  context = await e2e.newContext();
});

/** Joins the sandbox table; returns when the join button was clicked (ms since epoch). */
async function joinAs(page: Page, name: string): Promise<number> {
  await page.goto(`${e2e.app.url}/sandbox`);
  await page.getByLabel("Display name").fill(name);
  const clickedAt = Date.now();
  await page.getByRole("button", { name: "Join table" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /\bConnected\b/ })
    .waitFor();
  return clickedAt;
}

function presenceList(page: Page) {
  return page.getByRole("list", { name: "People at the table" });
}

describe("the sandbox table in Chromium", () => {
  it("shows a second tab's presence within a second and removes it when the tab closes", async () => {
    const first = await context.newPage();
    const second = await context.newPage();
    await joinAs(first, "Ada");
    await expect.poll(() => presenceList(first).textContent()).toContain("Ada");

    const clickedAt = await joinAs(second, "Bo");
    await presenceList(first).getByText("Bo", { exact: true }).waitFor({ timeout: 1_000 });
    console.log(`presence in the other tab: ${Date.now() - clickedAt} ms after "Join table" was clicked`);
    await expect.poll(() => presenceList(second).textContent()).toMatch(/Ada[\s\S]*Bo \(you\)/);

    await second.getByLabel("Note (optional)").fill("hello from Bo");
    await second.getByRole("button", { name: "Send ping" }).click();
    await first.getByText("Bo pinged the table: “hello from Bo”").waitFor({ timeout: 5_000 });

    await second.close();
    await presenceList(first).getByText("Bo", { exact: true }).waitFor({ state: "detached", timeout: 5_000 });
    expect(await presenceList(first).textContent()).not.toContain("Bo");
    await first.close();
  });

  it("can be joined and used with the keyboard alone", async () => {
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/sandbox`);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // the language switcher: English…
    await page.keyboard.press("Tab"); // …and Ukrainian
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("name");
    await page.keyboard.type("Keyboard Kim");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /\bConnected\b/ })
      .waitFor();
    await page.getByLabel("Note (optional)").focus();
    await page.keyboard.type("typed");
    await page.keyboard.press("Enter");
    await page.getByText("Keyboard Kim pinged the table: “typed”").waitFor({ timeout: 5_000 });
    await page.close();
  });

  it("fits a 375 px phone screen and has no serious accessibility violations", async () => {
    const phone = await e2e.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(`${e2e.app.url}/`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${e2e.app.url}/sandbox`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await joinAs(page, "Phone Pat");
    expect(await accessibilityViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
