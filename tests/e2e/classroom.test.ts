import path from "node:path";
import type { Scenario } from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nashPackage } from "../../shared/src/fixtures/ukraine2026.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { setDraft as setOption } from "../support/seats.ts";

const roles = ["us", "ukraine", "europe", "russia"] as const;
type Role = (typeof roles)[number];
const roleNames: Record<Role, string> = {
  us: "United States",
  ukraine: "Ukraine",
  europe: "Europe",
  russia: "Russia",
};
const scenario = getScenario("ukraine-2026") as Scenario;
const issueName = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;

const e2e = appAndBrowser({ TRUST_PROXY: "true" });

/** A browser of its own, as a separate device on the class network. */
async function device(address: string, width = 1280): Promise<Page> {
  const context = await e2e.newContext({
    viewport: { width, height: 900 },
    extraHTTPHeaders: { "x-forwarded-for": address },
  });
  return context.newPage();
}

const tile = (page: Page, table: number): Locator => page.getByRole("article", { name: `Table ${table}` });

/** Sets an issue of the draft, by its id, and waits until the server has it. */
const setDraft = (page: Page, issue: string, option: string) => setOption(page, issueName(issue), option);

describe("a classroom in Chromium, through the UI alone", () => {
  it("goes from an instructor's set-up and four students joining by code to an agreement the console shows", async () => {
    // The instructor sets up a one-table workshop and opens the console.
    const teacher = await device("10.20.0.1");
    await teacher.goto(`${e2e.app.url}/workshop/new`);
    await teacher.getByLabel("Number of tables").fill("1");
    await teacher.getByRole("radio", { name: /Back channel/ }).check();
    await teacher.getByLabel("Turn clock (seconds)").fill("900");
    await teacher.getByRole("button", { name: "Create the workshop" }).click();
    await teacher.getByRole("heading", { name: "Your workshop is ready" }).waitFor();
    await teacher.getByRole("link", { name: "Open the console" }).click();
    await teacher.waitForURL(/\/instructor\/[0-9a-f-]{36}$/);
    await teacher
      .getByRole("status")
      .filter({ hasText: /\bConnected\b/ })
      .waitFor({ timeout: 30_000 });
    // The code comes with the workshop from the server: wait for it on screen.
    const codeText = teacher
      .getByTestId("join-code")
      .filter({ hasText: /^\s*[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\s*$/ });
    await codeText.waitFor();
    const code = (await codeText.textContent())?.trim() ?? "";

    // Four students join with the code, each choosing a seat, from four devices.
    const pages = {} as Record<Role, Page>;
    for (const [index, role] of roles.entries()) {
      const page = await device(`10.20.1.${index + 1}`);
      await page.goto(`${e2e.app.url}/join/${code}`);
      await page.getByLabel("Display name").fill(`${roleNames[role]} student`);
      await page.getByRole("radio", { name: new RegExp(`^${roleNames[role]}.*, table 1 — free`) }).check();
      await page.getByRole("button", { name: "Join the table" }).click();
      await page.waitForURL(/\/table\/[0-9a-f-]{36}$/);
      await page
        .getByRole("status")
        .filter({ hasText: /\bConnected\b/ })
        .waitFor({ timeout: 30_000 });
      pages[role] = page;
    }
    await expect.poll(() => tile(teacher, 1).getByText("not connected").count(), { timeout: 15_000 }).toBe(0);

    // The console starts the briefing, then the negotiations.
    await tile(teacher, 1)
      .getByRole("button", { name: /Start briefing/ })
      .click();
    for (const role of roles) await pages[role].getByRole("heading", { name: "Your red lines" }).waitFor();
    await tile(teacher, 1)
      .getByRole("button", { name: /Start negotiations/ })
      .click();
    const { us, ukraine: ua, europe: eu, russia: ru } = pages;
    await us.getByText("Your turn", { exact: true }).waitFor();

    // The US drafts; the others watch the draft change live; then it tables version 1.
    await setDraft(us, "territory", "deferred");
    await ua
      .getByRole("listitem")
      .filter({ has: ua.getByRole("heading", { level: 3, name: issueName("territory"), exact: true }) })
      .getByText("United States (draft)")
      .waitFor();
    for (const [issue, option] of Object.entries(nashPackage)) {
      if (issue !== "territory") await setDraft(us, issue, option);
    }
    await us.getByRole("button", { name: "Table this draft as version 1" }).click();

    // Ukraine tries to table a recognition of annexation: the server refuses, naming the rule.
    await ua.getByText("Your turn", { exact: true }).waitFor();
    await setDraft(ua, "territory", "recognize-crimea");
    await ua.getByRole("button", { name: "Table this draft as version 2" }).click();
    await ua
      .getByRole("alert")
      .filter({ hasText: "Refused by the server: this would break “No legal cession of Ukrainian land”" })
      .waitFor();
    await setDraft(ua, "territory", "deferred");
    await ua.getByRole("button", { name: /^Pass/ }).click();

    // Europe objects to version 1 with a note everyone reads.
    await eu.getByRole("button", { name: "Object to version 1…" }).click();
    await eu.getByLabel(issueName("humanitarian"), { exact: true }).check();
    await eu.getByLabel("Note to the table (optional)").fill("We want every prisoner home.");
    await eu.getByRole("button", { name: "Send objection to version 1" }).click();
    for (const role of roles)
      await pages[role]
        .getByText(/We want every prisoner home\./)
        .first()
        .waitFor();

    // A private back-channel from Russia to the United States: the other two never see it.
    const secret = "Between us: bilateral treaties could work.";
    await ru.getByRole("button", { name: /^United States \(private\)/ }).click();
    await ru.getByLabel("Private message to United States").fill(secret);
    await ru.getByRole("button", { name: "Send", exact: true }).click();
    await us.getByRole("button", { name: /^Russia \(private\) 1 unread/ }).waitFor();
    await us.getByRole("button", { name: /^Russia \(private\)/ }).click();
    await us.getByRole("log", { name: "Messages: Russia" }).getByText(secret).waitFor();

    // The instructor injects an event from the console: every student sees the news flash.
    await teacher.getByRole("button", { name: "Controls for table 1" }).click();
    const controls = teacher.getByRole("dialog", { name: "Table 1 controls" });
    await controls.getByLabel("Event to inject").selectOption({ label: "Paris summit: European guarantees" });
    await controls.getByRole("button", { name: "Inject into table 1" }).click();
    await controls.getByRole("status").filter({ hasText: /done/ }).waitFor();
    await teacher.keyboard.press("Escape");
    for (const role of roles) {
      await pages[role]
        .getByRole("region", { name: "News flash" })
        .getByText("News flash: Paris summit: European guarantees")
        .waitFor();
    }

    // The three others accept version 1 (the US accepted it by tabling it): agreement, on every
    // screen and in the console.
    for (const role of roles.filter((r) => r !== "us")) {
      await pages[role].getByRole("button", { name: "Accept version 1" }).click();
    }
    for (const role of roles) {
      await pages[role].getByRole("heading", { name: "Outcome: Fragile ceasefire" }).waitFor();
    }
    for (const role of ["ukraine", "europe"] as const) {
      expect(await pages[role].locator("body").textContent()).not.toContain(secret);
    }
    await tile(teacher, 1).getByText("Concluded", { exact: true }).waitFor();
    await tile(teacher, 1)
      .getByText(/fragile ceasefire/i)
      .first()
      .waitFor();
    expect(await accessibilityViolations(teacher)).toEqual([]);
    await teacher.screenshot({
      path: path.join(artifactsDir, "classroom-console-concluded.png"),
      fullPage: true,
    });
  }, 180_000);
});
