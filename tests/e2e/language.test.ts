// The reader's language in Chromium against the built app: a browser that prefers Ukrainian gets
// Ukrainian pages, one that prefers another language gets English, and the switcher on the page
// changes the language and keeps the choice across pages and visits, whatever the browser
// prefers; axe on a Ukrainian page at 1280 and 375 px. The entry pages read the scenario in the
// reader's language too: the set-up page, the home page's "your workshops", the join page (also
// after a switch, without a reload) and the sources page.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Scenario } from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
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

const flagship = getScenario("ukraine-2026") as Scenario;
const uk = flagship.translations?.uk;
/** A text as a regular expression that matches it literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const roleIn = (locale: "en" | "uk", id: string) =>
  locale === "uk"
    ? (uk?.roles?.[id]?.name ?? "?")
    : (flagship.roles.find((role) => role.id === id)?.name ?? "?");

describe("the scenario on the entry pages, in the reader's language", () => {
  let code = "";

  it("the set-up page and the home page's workshops read the scenario in Ukrainian", async () => {
    if (!uk?.title || !uk.summary) throw new Error("the flagship scenario has no Ukrainian title");
    const page = await browserIn("uk-UA");
    await page.goto(`${app.url}/workshop/new`);
    const select = page.getByRole("combobox", { name: "Сценарій", exact: true });
    await select.selectOption("ukraine-2026");
    expect(await select.locator("option:checked").textContent()).toBe(uk.title);
    await page.getByText(uk.summary, { exact: true }).waitFor();
    // The seats in turn order, by their Ukrainian names.
    const seats = flagship.turnOrder.map((id) => roleIn("uk", id)).join(", ");
    await page.getByText(`Місця за кожним столом, у порядку ходів: ${seats}.`).waitFor();
    for (const variant of flagship.variants) {
      const name = uk.variants?.[variant.id]?.name ?? "?";
      await page.getByRole("radio", { name: new RegExp(`^${literally(name)}`) }).waitFor();
      await page.getByText(uk.variants?.[variant.id]?.description ?? "?", { exact: true }).waitFor();
    }
    for (const document of flagship.documents) {
      await page
        .getByRole("listitem")
        .filter({ hasText: uk.documents?.[document.file]?.title ?? "?" })
        .waitFor();
    }
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).not.toContain(flagship.title);
    expect(main).not.toContain(flagship.summary);
    expect(main).not.toContain(roleIn("en", "us"));

    // Created in Ukrainian: the settings name the scenario and its variant in Ukrainian.
    const variant = uk.variants?.[flagship.defaultVariant]?.name ?? "?";
    await page.getByRole("button", { name: "Створити семінар" }).click();
    await page.getByText(`${uk.title}, варіант «${variant}»`).waitFor();
    code =
      (await page
        .locator("strong")
        .filter({ hasText: /^[A-Z2-9]{4}-[A-Z2-9]{4}$/ })
        .textContent()) ?? "";
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The home page's workshops: the server names them in the reader's language.
    await page.goto(`${app.url}/`);
    const mine = page.getByRole("region", { name: "Ваші семінари" }).getByRole("listitem");
    await mine.getByRole("heading", { name: `${uk.title} · ${variant}` }).waitFor();
    await mine.getByText(code, { exact: true }).waitFor();
  });

  it("the join page names the scenario and its roles in the reader's language, and follows a switch", async () => {
    if (!uk?.title) throw new Error("the flagship scenario has no Ukrainian title");
    expect(code).not.toBe("");
    const ukrainian = await browserIn("uk-UA");
    await ukrainian.goto(`${app.url}/join/${code}`);
    await ukrainian.locator(".lede").filter({ hasText: uk.title }).waitFor();
    const stances = ukrainian.getByRole("region", { name: "Що кожна сторона заявляє публічно" });
    for (const id of flagship.turnOrder) {
      await ukrainian
        .getByRole("radio", { name: new RegExp(`^${literally(roleIn("uk", id))} ?, стіл 1`) })
        .waitFor();
      await stances.getByRole("heading", { name: roleIn("uk", id), exact: true }).waitFor();
      await stances.getByText(uk.roles?.[id]?.publicStance ?? "?", { exact: true }).waitFor();
    }
    const text = (await ukrainian.locator("main").textContent()) ?? "";
    expect(text).not.toContain(flagship.title);
    for (const id of flagship.turnOrder) expect(text).not.toContain(roleIn("en", id));

    // A German browser reads it in English, then switches to Ukrainian: the page asks again.
    const german = await browserIn("de-DE");
    await german.goto(`${app.url}/join/${code}`);
    await german.locator(".lede").filter({ hasText: flagship.title }).waitFor();
    await german
      .getByRole("region", { name: "What each party says in public" })
      .getByRole("heading", { name: roleIn("en", "ukraine"), exact: true })
      .waitFor();
    await german
      .getByRole("radio", { name: new RegExp(`^${literally(roleIn("en", "russia"))} ?, table 1`) })
      .waitFor();
    await switcher(german, "Language").getByRole("button", { name: "Українська" }).click();
    await german.locator(".lede").filter({ hasText: uk.title }).waitFor();
    await german
      .getByRole("region", { name: "Що кожна сторона заявляє публічно" })
      .getByRole("heading", { name: roleIn("uk", "ukraine"), exact: true })
      .waitFor();
    await german
      .getByRole("radio", { name: new RegExp(`^${literally(roleIn("uk", "russia"))} ?, стіл 1`) })
      .waitFor();
  });

  it("the sources page names the document and what cites it in Ukrainian; the sections stay English", async () => {
    const file = "002_dc4659ee7f7471a7.txt";
    const title = uk?.documents?.[file]?.title ?? "?";
    const page = await browserIn("uk-UA");
    await page.goto(`${app.url}/sources/${file}`);
    const heading = page.getByRole("heading", { level: 1 });
    expect(await heading.textContent()).toBe(title);
    expect(await heading.getAttribute("lang")).toBe("uk");
    expect(await page.title()).toBe(`${title} · Червоні лінії`);
    await page
      .getByText(uk?.title ?? "?")
      .first()
      .waitFor();
    await page
      .getByText(`Роль: ${roleIn("uk", "ukraine")}`)
      .first()
      .waitFor();
    await page.getByText("Ukraine's Position and Red Lines", { exact: true }).first().waitFor();
  });
});
