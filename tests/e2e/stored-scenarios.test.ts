// The set-up page offers scenarios saved from the studio, in Chromium against the built app: the
// latest version of each, named with its version, next to the built-in ones; a workshop created
// from it plays the version the form offered, even when a newer one is saved meanwhile.
import { getScenario } from "@red-lines/shared/scenarios";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser } from "../support/browser.ts";

const flagship = getScenario("ukraine-2026");
const id = "our-class-2026";

const e2e = appAndBrowser();

async function save(instructorKey: string, title: string, summary: string) {
  const response = await fetch(`${e2e.app.url}/api/studio/scenarios`, {
    method: "POST",
    headers: { authorization: `Bearer ${instructorKey}`, "content-type": "application/json" },
    body: JSON.stringify({ scenario: { ...flagship, id, title, summary } }),
  });
  expect(response.status).toBe(201);
}

describe("stored scenarios on the set-up page", () => {
  let page: Page;

  it("lists the latest version of a stored scenario beside the built-in ones, and creates a workshop on it", async () => {
    const first = await postJson<{ instructorKey: string }>(e2e.app.url, "/workshops", {
      scenarioId: "ukraine-2026",
      tables: 1,
    });
    const key = first.body.instructorKey;
    await save(key, "Our class's talks", "The first draft.");
    await save(key, "Our class's talks", "The second draft, for this term.");

    page = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${e2e.app.url}/workshop/new`);
    const select = page.getByRole("combobox", { name: "Scenario" });
    const options = await select.locator("option").allTextContents();
    expect(options).toEqual([
      flagship?.title,
      getScenario("allied-coordination-2026")?.title,
      "Our class's talks (version 2)",
    ]);
    await select.selectOption({ label: "Our class's talks (version 2)" });
    await page.getByText("The second draft, for this term.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Saved after the page was opened: the workshop still plays the version the form showed.
    await save(key, "Our class's talks", "A third draft.");
    await page.getByRole("button", { name: "Create the workshop" }).click();
    await page.getByRole("heading", { name: "Your workshop is ready" }).waitFor();
    await page.getByText("Our class's talks (version 2), variant").waitFor();
    const link = await page.getByLabel("Instructor link").inputValue();
    const [, workshopId, instructorKey] = /\/instructor\/([0-9a-f-]{36})#key=(.+)$/.exec(link) ?? [];
    const overview = await fetch(`${e2e.app.url}/api/workshops/${workshopId}`, {
      headers: { authorization: `Bearer ${instructorKey}` },
    });
    expect(((await overview.json()) as { settings: unknown }).settings).toMatchObject({
      scenarioId: id,
      scenarioVersion: 2,
    });
  });
});
