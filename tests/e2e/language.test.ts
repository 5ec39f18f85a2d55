// The reader's language in Chromium against the built app: a browser that prefers Ukrainian gets
// Ukrainian pages, one that prefers another language gets English, and the switcher on the page
// changes the language and keeps the choice across pages and visits, whatever the browser
// prefers; axe on a Ukrainian page at 1280 and 375 px.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app.ts";
import { accessibilityViolations, artifactsDir, launchBrowser } from "../support/browser.ts";

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await mkdir(artifactsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A browser whose languages are `locale` (its Accept-Language and navigator.languages). */
async function browserIn(locale: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  contexts.push(context);
  return context.newPage();
}

const switcher = (page: Page, name: "Language" | "Мова") => page.getByRole("navigation", { name });

describe("the reader's language", () => {
  it("follows the browser's languages until the reader chooses, then keeps the choice", async () => {
    const ukrainian = await browserIn("uk-UA");
    await ukrainian.goto(`${app.url}/`);
    expect(await ukrainian.locator("html").getAttribute("lang")).toBe("uk");
    expect(await ukrainian.title()).toBe("Червоні лінії");
    await expect.poll(() => switcher(ukrainian, "Мова").isVisible()).toBe(true);
    const chosen = switcher(ukrainian, "Мова").getByRole("button", { name: "Українська" });
    expect(await chosen.getAttribute("aria-pressed")).toBe("true");
    expect(await chosen.getAttribute("lang")).toBe("uk");

    const german = await browserIn("de-DE");
    await german.goto(`${app.url}/`);
    expect(await german.locator("html").getAttribute("lang")).toBe("en");
    expect(await german.title()).toBe("Red Lines");

    // The German reader chooses Ukrainian: the page changes without a reload, and stays so on
    // other pages and on a later visit, though the browser still prefers German.
    await switcher(german, "Language").getByRole("button", { name: "Українська" }).click();
    await expect.poll(() => german.locator("html").getAttribute("lang")).toBe("uk");
    await expect.poll(() => german.title()).toBe("Червоні лінії");
    expect(
      await switcher(german, "Мова").getByRole("button", { name: "Українська" }).getAttribute("aria-pressed"),
    ).toBe("true");
    await german.goto(`${app.url}/guide`);
    expect(await german.locator("html").getAttribute("lang")).toBe("uk");
    const cookies = await german.context().cookies(app.url);
    expect(cookies.find((cookie) => cookie.name === "red-lines-locale")).toMatchObject({
      value: "uk",
      path: "/",
      sameSite: "Lax",
    });

    // And back to English, by keyboard.
    const english = switcher(german, "Мова").getByRole("button", { name: "English" });
    await english.focus();
    await german.keyboard.press("Enter");
    await expect.poll(() => german.locator("html").getAttribute("lang")).toBe("en");
    await german.goto(`${app.url}/`);
    expect(await german.title()).toBe("Red Lines");
  });

  it("passes axe in Ukrainian at 1280 and 375 px, with the switcher in view", async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 375, height: 740 },
    ]) {
      const page = await browserIn("uk-UA", viewport);
      await page.goto(`${app.url}/`);
      expect(await accessibilityViolations(page)).toEqual([]);
      const box = await switcher(page, "Мова").boundingBox();
      expect(box && box.y >= 0 && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);
      await page.screenshot({ path: path.join(artifactsDir, `language-uk-${viewport.width}.png`) });
    }
  });
});
