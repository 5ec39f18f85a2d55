// The scenario studio in Chromium: a course designer builds a small scenario from scratch (two
// issues, then a red line that empties the zone of agreement, then a change that reopens it),
// with the live figures checked against the CLI's analysis of the exported JSON; saves it; a
// workshop plays it; the scenario is edited and saved again; and the table's replay still shows
// the version it was played with. axe on every screen; screenshots at 1280 and 375 px.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorContext, instructorOn, type Workshop } from "../support/seats.ts";
import { waitFor } from "../support/wait.ts";

const studioKey = "a-studio-key-for-the-browser-tests";
const root = path.resolve(import.meta.dirname, "../..");

const e2e = appAndBrowser({ STUDIO_KEY: studioKey, BOT_DELAY_MS: "5" });

async function noViolations(page: Page, where: string) {
  expect(await accessibilityViolations(page), where).toEqual([]);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${artifactsDir}studio-${name}.png`, fullPage: false });
}

/** Adds a source to the part shown in `card`: the first document and a section heading. */
async function cite(card: Locator, section: string) {
  await card.getByRole("button", { name: "Add a source" }).click();
  await card.getByLabel("Section of source 1").fill(section);
}

function region(page: Page, name: string): Locator {
  return page.getByRole("region", { name, exact: true });
}

async function openSection(page: Page, title: string) {
  await page
    .getByRole("navigation", { name: "Parts of the scenario" })
    .getByRole("button", { name: new RegExp(`^${title}`) })
    .click();
  await page.getByRole("heading", { level: 2, name: title, exact: true }).waitFor();
}

async function status(page: Page): Promise<string> {
  return (await page.getByTestId("analysis-status").textContent()) ?? "";
}

async function waitForStatus(page: Page, pattern: RegExp) {
  await page.getByTestId("analysis-status").filter({ hasText: pattern }).waitFor({ timeout: 15_000 });
}

/** What the CLI says of a scenario file. */
function cli(args: string[]): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync("npm", ["run", "-s", "scenario", "--", ...args], { cwd: root, encoding: "utf8" }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, out: failed.stdout };
  }
}

describe("the scenario studio", () => {
  it("builds a scenario from scratch, checks it live like the CLI, saves it, and workshops keep the version they played", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    // The key: a wrong one is refused with a sentence, the studio key opens it.
    await page.goto(`${e2e.app.url}/studio`);
    const keyField = page.getByLabel("Instructor link, instructor key or studio key");
    await keyField.fill("not-the-key-of-anything");
    await page.getByRole("button", { name: "Open the studio" }).click();
    await page.getByRole("alert").waitFor();
    await noViolations(page, "the key screen");
    await shot(page, "1-key");
    await keyField.fill(studioKey);
    await page.getByRole("button", { name: "Open the studio" }).click();
    await page.getByRole("button", { name: "Edit a copy of Ukraine peace talks, 2026" }).waitFor();
    await noViolations(page, "the start screen");
    await page.getByRole("button", { name: "Start from scratch" }).click();
    await waitForStatus(page, /problems to fix/);
    await shot(page, "2-blank");

    // The scenario: titles and one document, which every source will cite.
    await page.getByLabel("Title", { exact: true }).fill("Two towns and a bridge");
    await page
      .getByLabel("Summary (everyone reads it)")
      .fill("Two towns share a river and must agree on a bridge.");
    const id = page.getByLabel("Scenario id");
    await id.fill("bridge-towns");
    await id.press("Enter");
    await page.getByRole("button", { name: "Add a document" }).click();
    await page.getByLabel("File name of document 1").fill("council-notes.txt");
    await page.getByLabel("Title of document 1").fill("Joint council notes");

    // Two roles.
    await openSection(page, "Roles");
    for (const [index, name] of [
      [1, "North"],
      [2, "South"],
    ] as const) {
      const card = region(page, `Role ${index}`);
      await card.getByLabel("Name", { exact: true }).fill(name);
      const named = region(page, name);
      await named.getByLabel("Public stance (everyone reads it)").fill(`${name} wants the bridge built.`);
      await named
        .getByLabel("Private brief (this seat only)")
        .fill(`${name} would rather the other town paid.`);
      await named.getByLabel("Priority 1", { exact: true }).fill("Pay as little as possible");
      await cite(named, "Bridge budget");
    }

    // Two issues: who pays (three ways), and when it opens.
    await openSection(page, "Issues");
    let issue = region(page, "Issue 1");
    await issue.getByLabel("Name", { exact: true }).fill("Cost share");
    issue = region(page, "Cost share");
    await issue.getByLabel("Description").fill("Which town pays for the bridge.");
    await issue.getByLabel("Option 1", { exact: true }).fill("North pays");
    await issue.getByLabel("Option 2", { exact: true }).fill("South pays");
    await issue.getByRole("button", { name: "Add an option to Cost share" }).click();
    await issue.getByLabel("Option 3", { exact: true }).fill("Split evenly");
    await cite(issue, "Bridge budget");
    await page.getByRole("button", { name: "Add an issue" }).click();
    issue = region(page, "Issue 2");
    await issue.getByLabel("Name", { exact: true }).fill("Opening date");
    issue = region(page, "Opening date");
    await issue.getByLabel("Description").fill("When the bridge opens.");
    await issue.getByLabel("Option 1", { exact: true }).fill("This year");
    await issue.getByLabel("Option 2", { exact: true }).fill("Next year");
    await cite(issue, "Timetable");

    // The numbers: weights 60/40, each town prefers the other to pay and its own date.
    await openSection(page, "Scores");
    const scores: Record<string, Record<string, number>> = {
      North: { "North pays": 10, "South pays": 100, "Split evenly": 70, "This year": 80, "Next year": 30 },
      South: { "North pays": 100, "South pays": 10, "Split evenly": 70, "This year": 40, "Next year": 90 },
    };
    for (const [town, options] of Object.entries(scores)) {
      await page.getByLabel(`${town}: weight of Cost share`).fill("60");
      await page.getByLabel(`${town}: weight of Opening date`).fill("40");
      for (const [option, score] of Object.entries(options)) {
        const issueName = option.includes("year") ? "Opening date" : "Cost share";
        await page.getByLabel(`${town}: score of ${option} (${issueName})`).fill(String(score));
      }
    }

    // The variant and the outcome classes need their words and sources.
    await openSection(page, "Variants");
    await region(page, "Standard").getByLabel("Description").fill("The towns as they stand.");
    await cite(region(page, "Standard"), "Bridge budget");
    await openSection(page, "Outcomes");
    for (const outcome of ["Agreement", "No agreement", "Walk-out"]) {
      await region(page, outcome)
        .getByLabel("What it means (one paragraph)")
        .fill(`${outcome}: how the talks ended.`);
      await cite(region(page, outcome), "Timetable");
    }
    await waitForStatus(page, /^Valid/);
    await expect.poll(() => page.getByTestId("figure-standard-zopa").textContent()).toBe("2");
    await noViolations(page, "the editor, valid");
    await shot(page, "3-valid");

    // Red lines that collide: North never pays, South never pays… nor shares.
    await openSection(page, "Red lines");
    for (const [town, title, allowed] of [
      ["North", "North never pays", ["South pays", "Split evenly"]],
      ["South", "South never pays", ["North pays"]],
    ] as const) {
      await page.getByRole("button", { name: `Add a red line for ${town}` }).click();
      const line = region(page, `${town}'s red line 1`);
      await line.getByLabel("Title (what people read)").fill(title);
      const named = region(page, title);
      for (const option of allowed) await named.getByLabel(option, { exact: true }).check();
      await named
        .getByLabel("Explanation shown when a package breaks it")
        .fill(`${town} will not pay for it alone.`);
      await cite(named, "Bridge budget");
    }
    await waitForStatus(page, /^Valid/);
    await expect.poll(() => page.getByTestId("figure-standard-feasible").textContent()).toBe("0");
    expect(await page.getByTestId("figure-standard-zopa").textContent()).toBe("0");
    expect(await page.getByTestId("figure-standard-collisions").textContent()).toContain(
      "North's “North never pays” with South's “South never pays”",
    );
    await noViolations(page, "the editor, red lines colliding");
    await shot(page, "4-collision");

    // South accepts an even split: the zone of agreement opens again.
    await region(page, "South never pays").getByLabel("Split evenly", { exact: true }).check();
    await expect.poll(() => page.getByTestId("figure-standard-zopa").textContent()).toBe("2");

    // The live figures are the CLI's, for the JSON the studio exports.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bridge-towns.json");
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "studio-")), "bridge-towns.json");
    await download.saveAs(file);
    expect(cli(["check", file]).code).toBe(0);
    const analysis = JSON.parse(cli(["analyze", file, "--json"]).out) as {
      packages: number;
      feasible: number;
      zopa: number;
      paretoSize: number;
      nash: { utilities: Record<string, number> };
    };
    expect(analysis).toMatchObject({ packages: 6, feasible: 2, zopa: 2 });
    expect(await page.getByTestId("figure-standard-packages").textContent()).toBe(String(analysis.packages));
    expect(await page.getByTestId("figure-standard-feasible").textContent()).toBe(String(analysis.feasible));
    expect(await page.getByTestId("figure-standard-zopa").textContent()).toBe(String(analysis.zopa));
    expect(await page.getByTestId("figure-standard-pareto").textContent()).toBe(String(analysis.paretoSize));
    expect(await page.getByTestId("figure-standard-nash").textContent()).toBe(
      `Nash point: North ${analysis.nash.utilities["role-1"]?.toFixed(1)} · South ${analysis.nash.utilities["role-2"]?.toFixed(1)}`,
    );
    const exported = JSON.parse(await readFile(file, "utf8")) as { roles: { name: string }[] };
    expect(exported.roles.map((r) => r.name)).toEqual(["North", "South"]);

    // The balance check: bots play seeded tables, with progress, and say how they fared.
    await page.getByLabel("Tables").fill("20");
    await page.getByRole("button", { name: "Run the balance check" }).click();
    await page.getByTestId("balance-result").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("balance-result").textContent()).toMatch(
      /Agreement in \d+(\.\d)?% of 20 tables/,
    );

    // Saved: version 1, which a workshop then plays to its end with bots in both seats.
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText("Saved as version 1 of Two towns and a bridge").waitFor();
    const created = await postJson<Workshop>(e2e.app.url, "/workshops", {
      scenarioId: "bridge-towns",
      tables: 1,
      botFill: true,
      turnSeconds: 5,
    });
    expect(created.status).toBe(201);
    const workshop = created.body;
    const overview = await fetch(`${e2e.app.url}/api/workshops/${workshop.workshopId}`, {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    });
    const tableId = ((await overview.json()) as { tables: { id: string }[] }).tables[0]?.id as string;
    const instructor = await instructorOn(e2e.app.url, tableId, workshop.instructorKey);
    await instructor.run({ type: "start" });
    await instructor.run({ type: "start" });
    await waitFor(() => instructor.views.at(-1)?.outcome !== null && instructor.views.length > 0, {
      timeout: 60_000,
      what: "the bots' table to end",
    });
    expect(instructor.views.at(-1)?.seats.map((s) => s.name)).toEqual(["North", "South"]);
    await instructor.room.leave();

    // Edited again and saved: version 2 renames North.
    await openSection(page, "Roles");
    await region(page, "North").getByLabel("Name", { exact: true }).fill("Northtown");
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText("Saved as version 2 of Two towns and a bridge").waitFor();

    // The table's replay shows the version it was played with.
    const context = await instructorContext(e2e.browser, workshop);
    const replay = await context.newPage();
    await replay.goto(`${e2e.app.url}/replay/${tableId}?workshop=${workshop.workshopId}`);
    await replay.getByRole("heading", { level: 1, name: "Replay" }).waitFor();
    await replay.getByText("Keys:").waitFor();
    await expect
      .poll(async () => (await replay.getByLabel("Seen by").locator("option").allTextContents()).join(" | "))
      .toMatch(/North/);
    await replay.keyboard.press("End");
    await replay.screenshot({ path: `${artifactsDir}studio-replay.png` });
    expect(await replay.locator("main").textContent()).toContain("North");
    expect(await replay.locator("main").textContent()).not.toContain("Northtown");
    await context.close();

    // At 375 px the studio stacks into one column and says it is made for a wider screen.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByText("The studio is made for a computer screen.").waitFor();
    await shot(page, "5-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await openSection(page, "Scores");
    await page.getByLabel("Northtown: weight of Cost share").scrollIntoViewIfNeeded();
    await shot(page, "6-phone-scores");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await noViolations(page, "the editor at 375 px");

    // Closed, the studio starts again from a file: the JSON exported earlier (version 1's).
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: "Edit Two towns and a bridge" }).waitFor();
    await page.getByLabel("Import a scenario file (JSON)").setInputFiles(file);
    await page.getByText("(from bridge-towns.json)").waitFor();
    await waitForStatus(page, /^Valid/);
    await openSection(page, "Roles");
    expect(await page.getByLabel("Name", { exact: true }).first().inputValue()).toBe("North");
    expect(errors).toEqual([]);
    expect(await status(page)).toMatch(/^Valid/);
  }, 240_000);
});
