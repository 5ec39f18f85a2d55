// The three-party scenario, allied-coordination-2026, played through the UI in Chromium: the
// instructor sets it up on the set-up page (one table, bot fill) and runs it from the console; a
// student joins with the code, takes the Ukraine seat and plays it on the table page beside bots
// in the United States' and Europe's seats (accepting the versions inside their red lines, passing,
// and in the last round tabling the Nash point) until the talks end in agreement. The concluded
// screen, the console (its tile, its confirmation to end talks), the instructor's debrief and the
// student's shared debrief name the outcome with the scenario's own classes, read here from its
// JSON file, and never with a class of ukraine-2026. Axe, no sideways scrolling at 375 px,
// screenshots at 1280 and 375 px (allied-*.png).
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyze, effectiveScenario } from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorOn, setDraft } from "../support/seats.ts";

type OutcomeClass = { id: string; title: string; description: string; phrase?: string };
/** What this test reads of a scenario file. */
type ScenarioFile = {
  title: string;
  roles: { id: string; name: string }[];
  issues: { id: string; name: string }[];
  clock: { rounds: number };
  outcomes: OutcomeClass[];
};
const scenarioFile = (id: string) =>
  JSON.parse(
    readFileSync(new URL(`../../shared/scenarios/${id}.json`, import.meta.url), "utf8"),
  ) as ScenarioFile;
const alliedId = "allied-coordination-2026";
const allied = scenarioFile(alliedId);
const flagship = scenarioFile("ukraine-2026");
/** Class titles of the flagship that the three-party scenario does not have ("Fragile ceasefire"). */
const foreignTitles = flagship.outcomes
  .map((o) => o.title)
  .filter((title) => !allied.outcomes.some((o) => o.title.toLowerCase() === title.toLowerCase()));
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const roleName = (id: string) => allied.roles.find((role) => role.id === id)?.name ?? id;
const student = { name: "Olena", role: "ukraine" };

const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 800 };

const e2e = appAndBrowser({ BOT_DELAY_MS: "5" });
const { rooms } = e2e;

async function device(): Promise<Page> {
  const context = await e2e.newContext({ viewport: desktop });
  return context.newPage();
}

const connected = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /\bConnected\b/ })
    .waitFor({ timeout: 30_000 });

/** The page's text, hidden parts too (what a screen reader may read), without its scripts' data. */
async function words(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const element of body.querySelectorAll("script, style, template")) element.remove();
    return body.textContent ?? "";
  });
  return text.replace(/\s+/g, " ");
}

/** No class title of ukraine-2026 that the three-party scenario lacks, anywhere on the page. */
async function expectNoForeignClass(page: Page, what: string) {
  const text = (await words(page)).toLowerCase();
  for (const title of foreignTitles) {
    const at = text.indexOf(title.toLowerCase());
    const context = at < 0 ? "" : text.slice(Math.max(0, at - 120), at + 60);
    expect(context, `${what} names ukraine-2026's "${title}"`).toBe("");
  }
}

/** Axe and a screenshot at 1280 px, then at 375 px with no sideways scrolling; back to 1280. */
async function checkWidths(page: Page, name: string) {
  await page.setViewportSize(desktop);
  expect(await accessibilityViolations(page), `${name} at 1280 px`).toEqual([]);
  await page.screenshot({ path: path.join(artifactsDir, `allied-${name}-1280.png`), fullPage: true });
  await page.setViewportSize(phone);
  expect(await accessibilityViolations(page), `${name} at 375 px`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(artifactsDir, `allied-${name}-375.png`), fullPage: true });
  await page.setViewportSize(desktop);
}

/**
 * The Nash point of the scenario as it starts: a package inside every red line that beats every
 * no-deal value, which the bots accept once their aspirations have fallen in the last round.
 */
const nashPackage = (() => {
  const scenario = getScenario(alliedId);
  if (!scenario) throw new Error(`${alliedId} is not a built-in scenario`);
  const nash = analyze(effectiveScenario(scenario)).nash?.package;
  if (!nash) throw new Error(`${alliedId} has no Nash point`);
  return nash;
})();

/**
 * The student's play on the table page until the outcome shows: they accept each complete version
 * their own red lines allow; on their turns they pass, except in the last round, when they draft
 * the Nash point issue by issue and table it. Returns what they did, in order.
 */
async function playUntilConcluded(page: Page, outcome: Locator): Promise<string[]> {
  const moves: string[] = [];
  // A button may go between looking and clicking (the bots move within milliseconds): look again.
  const clicked = (button: Locator) =>
    button.click({ timeout: 2_000 }).then(
      () => true,
      () => false,
    );
  const accept = page.getByRole("button", { name: /^Accept version \d+$/ });
  const pass = page.getByRole("button", { name: "Pass (end your turn without tabling)" });
  const table = page.getByRole("button", { name: /^Table this draft as version \d+$/ });
  const cannotAccept = page.getByText(/cannot be accepted yet|accepting it would break/);
  const round = page.getByText(/^Round \d+ of \d+$/).first();
  const deadline = Date.now() + 60_000;
  while (!(await outcome.isVisible())) {
    if (Date.now() > deadline) {
      throw new Error(
        `The talks did not end; the student did: ${moves.join(", ")}; the page says: ${await words(page)}`,
      );
    }
    if ((await accept.isVisible()) && (await accept.isEnabled()) && (await cannotAccept.count()) === 0) {
      const version = ((await accept.textContent().catch(() => null)) ?? "").replace("Accept version ", "");
      // That version's button, not whichever "Accept version" is there by the time of the click:
      // a bot may table the next version in between, and the move would be recorded wrongly.
      if (await clicked(page.getByRole("button", { name: `Accept version ${version}`, exact: true }))) {
        moves.push(`accept ${version}`);
        await page
          .getByRole("button", { name: `You accepted version ${version}` })
          .or(outcome)
          .or(page.getByRole("heading", { name: new RegExp(`^Stances on version (?!${version}$)`) }))
          .first()
          .waitFor({ timeout: 5_000 })
          .catch(() => {});
      }
      continue;
    }
    if ((await pass.isVisible()) && (await pass.isEnabled())) {
      const [, now, last] = /^Round (\d+) of (\d+)$/.exec((await round.textContent()) ?? "") ?? [];
      if (now !== undefined && now === last && !moves.some((move) => move.startsWith("table"))) {
        for (const issue of allied.issues) {
          const option = nashPackage[issue.id];
          if (option) await setDraft(page, issue.name, option);
        }
        const version = ((await table.textContent()) ?? "").replace("Table this draft as version ", "");
        await table.click();
        moves.push(`table ${version}`);
        await page
          .getByRole("heading", { name: `Stances on version ${version}` })
          .waitFor()
          .catch(async (error: Error) => {
            throw new Error(`Version ${version} was not tabled; the page says: ${await words(page)}`, {
              cause: error,
            });
          });
        continue;
      }
      if (await clicked(pass)) {
        moves.push("pass");
        await pass.waitFor({ state: "hidden", timeout: 5_000 }).catch(() => {});
      }
      continue;
    }
    await page.waitForTimeout(50);
  }
  return moves;
}

describe("the three-party scenario through the UI", () => {
  it("sets up, joins, plays with bots to an outcome of its own classes, and debriefs it", async () => {
    const started = Date.now();
    // The instructor sets up one table of the scenario, chosen by its title, with bot fill.
    const teacher = await device();
    await teacher.goto(`${e2e.app.url}/workshop/new`);
    await teacher.getByRole("combobox", { name: "Scenario" }).selectOption({ label: allied.title });
    await teacher.getByLabel("Number of tables").fill("1");
    await teacher.getByLabel("Rounds").fill(String(allied.clock.rounds));
    // Long enough for the student's last turn, when they draft all seven issues and table them:
    // nothing waits the clock out (the student passes, the bots move at once), but at 30 s a loaded
    // machine ran out the turn while the seventh option was still on its way to the server.
    await teacher.getByLabel("Turn clock (seconds)").fill("120");
    await teacher.getByLabel("Bot fill: bots take the empty seats when a table starts").check();
    await teacher.getByRole("button", { name: "Create the workshop" }).click();
    await teacher.getByRole("heading", { name: "Your workshop is ready" }).waitFor();
    await teacher.getByText(allied.title, { exact: false }).first().waitFor();
    const link = await teacher.getByLabel("Instructor link").inputValue();
    const [, workshopId = "", instructorKey = ""] =
      /\/instructor\/([0-9a-f-]{36})#key=(.+)$/.exec(link) ?? [];
    expect(workshopId, link).not.toBe("");
    const code =
      (await teacher
        .locator("strong")
        .filter({ hasText: /^[A-Z2-9]{4}-[A-Z2-9]{4}$/ })
        .textContent()) ?? "";
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The student joins with the code: the scenario's three seats, and they take Ukraine's.
    const ua = await device();
    await ua.goto(`${e2e.app.url}/join/${code}`);
    await ua.getByRole("heading", { name: "Take a seat" }).waitFor();
    const seats = ua.getByRole("radio", { name: /, table 1 — / });
    await seats.first().waitFor();
    expect(await seats.count()).toBe(allied.roles.length);
    for (const role of allied.roles) {
      await ua.getByRole("radio", { name: new RegExp(`^${escaped(role.name)} ?, table 1 — free`) }).waitFor();
    }
    await ua.getByLabel("Display name").fill(student.name);
    await ua
      .getByRole("radio", { name: new RegExp(`^${escaped(roleName(student.role))} ?, table 1 — free`) })
      .check();
    await ua.getByRole("button", { name: "Join the table" }).click();
    await ua.waitForURL(/\/table\/[0-9a-f-]{36}$/);
    const tableId = new URL(ua.url()).pathname.split("/").at(-1) ?? "";
    await connected(ua);
    const seatList = ua.getByRole("list", { name: "Seats at this table" });
    await seatList.getByText(student.name).waitFor();
    expect(await seatList.getByRole("listitem").count()).toBe(allied.roles.length);

    // What the table reports, to find the outcome's class by (the screens are checked against it).
    const observer = await instructorOn(e2e.app.url, tableId, instructorKey);
    rooms.push(observer.room);

    // The console starts the briefing (bots take the two empty seats), then the negotiations.
    await teacher.getByRole("link", { name: "Open the console" }).click();
    await teacher.waitForURL(`${e2e.app.url}/instructor/${workshopId}`);
    await connected(teacher);
    const tile = teacher.getByRole("article", { name: "Table 1" });
    await tile.getByText(new RegExp(student.name)).first().waitFor();
    await tile.getByRole("button", { name: /Start briefing/ }).click();
    await ua.getByRole("heading", { name: "Your red lines" }).waitFor();
    await expect.poll(() => tile.getByText("bot playing").count()).toBe(allied.roles.length - 1);
    // Ending the talks from the toolbar says what it means without another scenario's words.
    await teacher.getByRole("button", { name: "End talks at the only table…" }).click();
    const confirmEnd = teacher.getByRole("alertdialog", { name: "End the talks at the only table?" });
    await confirmEnd.waitFor();
    await expectNoForeignClass(teacher, "the console's confirmation to end the talks");
    await confirmEnd.getByRole("button", { name: "Cancel" }).click();
    await confirmEnd.waitFor({ state: "detached" });
    await tile.getByRole("button", { name: /Start negotiations/ }).click();

    // The student plays until the talks end; the bots answer within milliseconds.
    const outcomeHeading = ua.getByRole("heading", { name: /^Outcome: / });
    const moves = await playUntilConcluded(ua, outcomeHeading);
    expect(moves).toContain("pass");

    const view = observer.views.at(-1);
    expect(view?.phase).toBe("concluded");
    const reported = view?.outcome;
    const cls = allied.outcomes.find((candidate) => candidate.id === reported?.class);
    expect(cls, `the table's outcome class ${reported?.class} is one of the scenario's`).toBeDefined();
    if (!cls || !reported) throw new Error("no outcome class");
    expect(reported.reason, `the student's moves: ${moves.join(", ")}`).toBe("agreement");
    // The student's own click made the agreement: accepting the agreed version, or tabling it.
    expect([`accept ${reported.version}`, `table ${reported.version}`]).toContain(
      moves.find((move) => move.endsWith(` ${reported.version}`) && move !== "pass"),
    );
    expect(reported).toMatchObject({ title: cls.title, description: cls.description });

    // The concluded screen: the class's title and description, the three parties' scores.
    expect(await outcomeHeading.textContent()).toBe(`Outcome: ${cls.title}`);
    const concluded = ua.getByRole("region", { name: `Outcome: ${cls.title}` });
    await concluded.getByText(cls.description, { exact: true }).waitFor();
    await concluded
      .getByText(`All ${allied.roles.length} parties accepted version ${reported.version}.`)
      .waitFor();
    const scores = ua.getByRole("region", { name: "Each party's score against its no-deal value" });
    expect(await scores.locator("tbody tr").count()).toBe(allied.roles.length);
    for (const role of allied.roles) {
      // The table names a party without its parenthesis: "Europe".
      const short = role.name.replace(/\s*\(.*\)\s*$/, "");
      await scores.getByRole("rowheader", { name: new RegExp(`\\b${escaped(short)}\\b`) }).waitFor();
    }
    await expectNoForeignClass(ua, "the concluded table screen");
    await checkWidths(ua, "concluded");

    // The console's tile names the outcome too, and links to the debrief.
    await tile.getByText(cls.title).first().waitFor();
    await expectNoForeignClass(teacher, "the console");
    await tile.getByRole("link", { name: "Debrief of table 1" }).click();
    await teacher.waitForURL(`${e2e.app.url}/debrief/${tableId}?workshop=${workshopId}`);

    // The instructor's debrief: the class's title, description and phrase.
    await teacher.getByRole("heading", { level: 2, name: "In short" }).waitFor({ timeout: 30_000 });
    expect((await teacher.getByTestId("outcome").textContent())?.trim()).toBe(cls.title);
    await teacher.getByText(cls.description, { exact: true }).waitFor();
    expect(await teacher.getByTestId("debrief-summary").textContent()).toContain(cls.phrase ?? cls.title);
    expect(await teacher.getByTestId("scores").locator("tbody tr").count()).toBe(allied.roles.length);
    await expectNoForeignClass(teacher, "the instructor's debrief");
    await checkWidths(teacher, "debrief");

    // Shared with the table, the student reads the same outcome on their own debrief.
    await teacher.getByLabel("Share this debrief with the table's students").check();
    await teacher
      .getByTestId("sharing-state")
      .getByText(/^Shared with the table's students/)
      .waitFor();
    await ua.goto(`${e2e.app.url}/debrief/${tableId}`);
    await ua.getByRole("heading", { level: 2, name: "In short" }).waitFor({ timeout: 30_000 });
    await ua.getByText(`Table 1 · you played ${roleName(student.role)}`).waitFor();
    expect((await ua.getByTestId("outcome").textContent())?.trim()).toBe(cls.title);
    await ua.getByText(cls.description, { exact: true }).waitFor();
    await expectNoForeignClass(ua, "the student's debrief");
    await checkWidths(ua, "debrief-student");

    console.info(`allied e2e: ${cls.id} after ${moves.join(", ")} in ${Date.now() - started} ms`);
  }, 90_000);
});
