// A bilingual table in Chromium: Kyiv's and Brussels' students read Ukrainian (their browsers
// prefer it), Washington's and Moscow's English. One version shows each issue's option in each
// reader's language; Ukraine's red-line refusal, a news flash and the debrief's summary reach the
// Ukrainian student in Ukrainian; and the Ukrainian student's pages carry no English but names,
// text people typed and the English source documents' own words (marked lang="en"). axe checks
// the Ukrainian table page at 1280 and 375 px.
import path from "node:path";
import type { Scenario } from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shareDebrief } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorOn, openTable, seatContext, seatedWorkshop } from "../support/seats.ts";

const e2e = appAndBrowser();
const scenario = getScenario("ukraine-2026") as Scenario;
const uk = scenario.translations?.uk;
const names: Record<string, string> = { us: "John", ukraine: "Olena", europe: "Claire", russia: "Ivan" };

const issueIn = (locale: "en" | "uk", id: string) =>
  locale === "uk" ? (uk?.issues?.[id]?.name ?? "?") : (scenario.issues.find((i) => i.id === id)?.name ?? "?");
const optionIn = (locale: "en" | "uk", issue: string, option: string) =>
  locale === "uk"
    ? (uk?.issues?.[issue]?.options?.[option]?.label ?? "?")
    : (scenario.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? "?");

/** Sets an issue of the draft by its label in the page's language and waits for the server's copy. */
async function setDraft(page: Page, label: string, option: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.selectOption(option);
  await expect
    .poll(() =>
      select.evaluate((element: HTMLSelectElement) =>
        element.getAttribute("aria-busy") === "true" ? "(waiting)" : element.value,
      ),
    )
    .toBe(option);
}

/**
 * Latin-script words a Ukrainian reader would meet on the page: its text, and the labels a screen
 * reader speaks, outside what is marked as English (source quotations, the switcher's "English").
 */
async function englishOn(page: Page, allowed: readonly string[]): Promise<string[]> {
  const found = await page.evaluate(() => {
    const words: string[] = [];
    const english = (element: Element | null) =>
      (element?.closest("[lang]")?.getAttribute("lang") ?? "").startsWith("en");
    const collect = (text: string | null, where: string) => {
      for (const word of text?.match(/[A-Za-z][A-Za-z’'-]{2,}/g) ?? []) words.push(`${word} (${where})`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (!parent || english(parent) || parent.closest("script, style, noscript, template")) continue;
      collect(walker.currentNode.textContent, parent.tagName.toLowerCase());
    }
    for (const element of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (english(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"])
        collect(element.getAttribute(name), `${element.tagName.toLowerCase()}@${name}`);
    }
    collect(document.title, "title");
    return words;
  });
  return found.filter((entry) => !allowed.some((word) => entry.startsWith(`${word} `)));
}

describe("a bilingual table", () => {
  it("shows each reader the same talks in their language, refusals, news and the debrief included", async () => {
    const { workshop, seats, tableId } = await seatedWorkshop(e2e.app.url, (role) => names[role] ?? role);
    const locales = { us: "en-US", ukraine: "uk-UA", europe: "uk-UA", russia: "en-GB" } as const;
    const pages = {} as Record<keyof typeof locales, Page>;
    for (const role of ["us", "ukraine", "europe", "russia"] as const) {
      const context = await seatContext(
        e2e.browser,
        workshop.joinCode,
        seats[role],
        undefined,
        locales[role],
      );
      e2e.contexts.push(context);
      pages[role] = await openTable(context, `${e2e.app.url}/table/${tableId}`);
    }
    const ua = pages.ukraine;
    // People's names, and two abbreviations Ukrainian keeps: the file format and ZOPA (explained
    // where it first appears as «зона можливої угоди»).
    const allowed = [...Object.values(names), "student", "PDF", "ZOPA"];
    expect(await ua.locator("html").getAttribute("lang")).toBe("uk");
    expect(await pages.us.locator("html").getAttribute("lang")).toBe("en");

    const instructor = await instructorOn(e2e.app.url, tableId, workshop.instructorKey);
    e2e.rooms.push(instructor.room);
    await instructor.run({ type: "start" });
    // The briefing: Kyiv's brief and red lines in Ukrainian.
    const ownRule = uk?.redLines?.["ua-no-legal-cession"];
    await ua
      .getByText(ownRule?.title ?? "?", { exact: true })
      .first()
      .waitFor();
    await ua
      .getByText(uk?.roles?.ukraine?.privateBrief?.summary ?? "?")
      .first()
      .waitFor();
    expect(await englishOn(ua, allowed), "the Ukrainian briefing").toEqual([]);
    await instructor.run({ type: "start" });

    // Washington drafts and tables version 1 on its English page.
    const us = pages.us;
    await us.getByText("Your turn", { exact: true }).waitFor();
    await setDraft(us, `Draft option for ${issueIn("en", "territory")}`, "deferred");
    await us.getByRole("button", { name: "Table this draft as version 1" }).click();

    // The same version, each reader's words for its issue and option.
    for (const [role, locale] of [
      ["ukraine", "uk"],
      ["europe", "uk"],
      ["us", "en"],
      ["russia", "en"],
    ] as const) {
      const page = pages[role];
      const row = page.getByRole("listitem").filter({
        has: page.getByRole("heading", { level: 3, name: issueIn(locale, "territory"), exact: true }),
      });
      await row
        .getByText(optionIn(locale, "territory", "deferred"))
        .first()
        .waitFor({ timeout: 10_000 });
    }
    expect(await ua.locator("main").textContent()).not.toContain(optionIn("en", "territory", "deferred"));

    // Kyiv drafts a recognition of annexation: the server refuses it, in Ukrainian.
    const label = `Варіант у чернетці для питання «${issueIn("uk", "territory")}»`;
    await setDraft(ua, label, "recognize-crimea");
    await ua.getByRole("button", { name: "Внести чернетку як версію 2" }).click();
    const refusal = ua.getByRole("alert").filter({ hasText: ownRule?.title ?? "?" });
    await refusal.first().waitFor();
    expect(await refusal.first().textContent()).toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
    await ua.screenshot({ path: path.join(artifactsDir, "bilingual-ua-refusal-1280.png") });
    expect(await englishOn(ua, allowed), "the Ukrainian table after a refusal").toEqual([]);

    // News: the flash in each reader's language.
    await instructor.run({ type: "inject-event", event: "paris-guarantees" });
    const flash = uk?.events?.["paris-guarantees"];
    await ua
      .getByText(flash?.title ?? "?")
      .first()
      .waitFor();
    await ua
      .getByText(flash?.flash ?? "?")
      .first()
      .waitFor();
    const english = scenario.events.find((e) => e.id === "paris-guarantees");
    await us
      .getByText(english?.title ?? "?")
      .first()
      .waitFor();
    expect(await us.content()).not.toContain(flash?.title ?? "?");
    expect(await englishOn(ua, allowed), "the Ukrainian table with news").toEqual([]);

    // axe on the Ukrainian table page, wide and narrow.
    expect(await accessibilityViolations(ua), "axe, Ukrainian table at 1280 px").toEqual([]);
    await ua.setViewportSize({ width: 375, height: 800 });
    expect(await accessibilityViolations(ua), "axe, Ukrainian table at 375 px").toEqual([]);
    const overflow = await ua.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "the Ukrainian table fits 375 px").toBeLessThanOrEqual(0);
    await ua.screenshot({ path: path.join(artifactsDir, "bilingual-ua-375.png"), fullPage: true });
    await ua.setViewportSize({ width: 1280, height: 900 });

    // The talks end; the instructor shares the debrief; its summary reaches Kyiv in Ukrainian.
    await instructor.run({ type: "end-talks" });
    expect(await shareDebrief(e2e.app.url, workshop, tableId)).toBe(200);
    await ua.goto(`${e2e.app.url}/debrief/${tableId}`);
    const summary = ua.getByTestId("debrief-summary");
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/[А-Яа-яІіЇїЄєҐґ]{4}/);
    expect(await summary.textContent()).not.toMatch(/\b(the|and|talks|version)\b/);
    expect(await englishOn(ua, allowed), "the Ukrainian debrief").toEqual([]);
    await ua.screenshot({ path: path.join(artifactsDir, "bilingual-ua-debrief-1280.png"), fullPage: true });
    await us.goto(`${e2e.app.url}/debrief/${tableId}`);
    await us.getByRole("heading", { level: 2, name: "In short" }).waitFor({ timeout: 30_000 });
  }, 180_000);
});
