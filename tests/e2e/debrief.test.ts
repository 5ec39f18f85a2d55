// The debrief and the class view in Chromium, after a table played to its end: one student on a
// Colyseus SDK client (a private message to a bot, a draft refused at a red line, accepting any
// complete version inside their red lines), bots in the other three seats, and a piece of news
// injected by the facilitator. The figures on the page are checked against the shared engine run
// here in the test on the exported log (the folded state, `analyze` of the scenario snapshot,
// `debriefFor`); then the class view sorts, the instructor shares the debrief and a student reads
// it, first without the private channels and then with them; axe at 1280 and 375 px,
// screenshots, and the print stylesheet.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import {
  analyze,
  type Debrief,
  debriefFor,
  effectiveScenario,
  evolve,
  formatCount,
  formatPoints,
  initialTableState,
  type LogExport,
  negotiationRoomName,
  roundPoints,
  ruleIssues,
  type Scenario,
  type TableConfig,
  type TableEvent,
  type TableView,
  utility,
} from "@red-lines/shared/engine";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorContext, seatContext } from "../support/seats.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";
import { waitFor } from "../support/wait.ts";

const e2e = appAndBrowser({ BOT_DELAY_MS: "5" });
const { contexts, rooms } = e2e;

type Workshop = { workshopId: string; joinCode: string; instructorKey: string };
type Joined = { workshopId: string; tableId: string; table: number; role: string; seatToken: string };

type Seat = {
  views: TableView[];
  send(command: Record<string, unknown>): string;
  act(command: Record<string, unknown>): Promise<void>;
  attempt(command: Record<string, unknown>): Promise<void>;
};

async function connect(options: Record<string, string>): Promise<Seat> {
  const room = await new Client(e2e.app.url).joinOrCreate(negotiationRoomName, withProtocol(options));
  rooms.push(room);
  const done = new Set<string>();
  const refused = new Set<string>();
  const seat: Seat = {
    views: [],
    send(command) {
      const intentId = randomUUID();
      room.send("command", { intentId, command });
      return intentId;
    },
    async act(command) {
      const intentId = seat.send(command);
      await waitFor(() => done.has(intentId), { what: `${String(command.type)} to be done` });
    },
    async attempt(command) {
      const intentId = seat.send(command);
      await waitFor(() => refused.has(intentId), { what: `${String(command.type)} to be refused` });
    },
  };
  followViews(room, (view: TableView) => seat.views.push(view));
  room.onMessage("done", ({ intentId }: { intentId: string }) => done.add(intentId));
  room.onMessage("refusal", ({ intentId }: { intentId: string }) => refused.add(intentId));
  room.onMessage("*", () => {});
  return seat;
}

const secret = "Between us: we could live with a demilitarised zone.";

/**
 * A workshop of two tables with bot fill. At table 1 a student plays Ukraine with three bots: on
 * their first turn they try to table a draft recognising Crimea (refused: a red line) and pass;
 * they send Russia one private message; the facilitator injects the Pokrovsk breakthrough; they accept every complete version inside their red
 * lines and object to the others, until the talks end. Table 2 stays in the lobby.
 */
async function playTable() {
  const workshop = (
    await postJson<Workshop>(e2e.app.url, "/workshops", {
      scenarioId: "ukraine-2026",
      tables: 2,
      botFill: true,
      rounds: 6,
      turnSeconds: 600,
    })
  ).body;
  const name = "Olena";
  const joined = (
    await postJson<Joined>(e2e.app.url, "/join", { code: workshop.joinCode, name, role: "ukraine", table: 1 })
  ).body;
  const { tableId } = joined;
  const student = await connect({ tableId, seatToken: joined.seatToken });
  const instructor = await connect({ tableId, instructorKey: workshop.instructorKey });
  await instructor.act({ type: "start" });
  await instructor.act({ type: "start" });
  await student.act({ type: "say", to: "russia", text: secret });
  await instructor.act({ type: "inject-event", event: "pokrovsk-breakthrough" });

  const answered = new Set<string>();
  let firstTurn: Promise<void> | null = null;
  await waitFor(
    () => {
      const view = student.views.at(-1);
      if (!view) return false;
      if (view.phase === "concluded") return true;
      const current = view.versions.at(-1);
      const mine = view.me?.versions.find((version) => version.number === current?.number);
      if (current?.complete && mine && !answered.has(`v${current.number}`)) {
        answered.add(`v${current.number}`);
        if (mine.violations.length === 0) student.send({ type: "accept", version: current.number });
        else {
          const broken = new Set(mine.violations.map((violation) => violation.rule));
          const issues = (view.me?.redLines ?? [])
            .filter((line) => broken.has(line.id))
            .flatMap((line) => ruleIssues(line.rule));
          student.send({
            type: "object",
            version: current.number,
            issues: [...new Set(issues)],
            note: "No.",
          });
        }
      }
      if (view.turn?.seat === "ukraine" && !view.paused && !answered.has(`turn${view.turn.round}`)) {
        answered.add(`turn${view.turn.round}`);
        if (firstTurn === null) {
          firstTurn = (async () => {
            await student.act({ type: "set-option", issue: "territory", option: "recognize-crimea" });
            await student.attempt({ type: "table-draft" });
            await student.act({ type: "pass" });
          })();
        } else student.send({ type: "pass" });
      }
      return false;
    },
    { timeout: 150_000, interval: 20, what: "the table to conclude" },
  );
  await firstTurn;
  return { workshop, tableId, seat: { ...joined, name, joinCode: workshop.joinCode } };
}

/** What the engine says of the exported log: folded state, analysis of the snapshot, debrief. */
async function expected(workshop: Workshop, tableId: string) {
  const response = await fetch(
    `${e2e.app.url}/api/workshops/${workshop.workshopId}/tables/${tableId}/log.json`,
    {
      headers: { authorization: `Bearer ${workshop.instructorKey}` },
    },
  );
  expect(response.status).toBe(200);
  const log = (await response.json()) as LogExport;
  const scenario = log.scenario as Scenario;
  expect(scenario?.id).toBe("ukraine-2026");
  const config: TableConfig = {
    scenario,
    variant: log.workshop.settings.variant,
    rounds: log.workshop.settings.rounds,
    turnSeconds: log.workshop.settings.turnSeconds,
  };
  const events = (log.tables[0]?.events ?? []).map((event) => event.payload as TableEvent);
  const state = events.reduce(evolve, initialTableState(config));
  const analysis = analyze(effectiveScenario(scenario, config.variant, state.effective.appliedEvents));
  const debrief: Debrief = debriefFor({ config, events });
  return { scenario, state, analysis, debrief, events, config };
}

async function seatAt(seat: Joined & { name: string; joinCode: string }): Promise<BrowserContext> {
  const context = await seatContext(e2e.browser, seat.joinCode, seat);
  contexts.push(context);
  return context;
}

async function instructorAt(workshop: Workshop): Promise<BrowserContext> {
  const context = await instructorContext(e2e.browser, workshop);
  contexts.push(context);
  return context;
}

/** axe at 1280 and 375 px, no sideways scrolling of the page at 375, a screenshot at each. */
async function checkWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await accessibilityViolations(page), `${name} at 1280 px`).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifactsDir, `${name}-1280.png`) });
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await accessibilityViolations(page), `${name} at 375 px`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName}.${element.className}`)
      .join(", "),
  );
  expect(overflow, `${name} scrolls sideways at 375 px: ${wide}`).toBeLessThanOrEqual(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifactsDir, `${name}-375.png`) });
  await page.screenshot({ path: path.join(artifactsDir, `${name}-375-full.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? "").trim();

describe("the debrief", () => {
  let played: Awaited<ReturnType<typeof playTable>>;
  let engine: Awaited<ReturnType<typeof expected>>;
  let instructor: BrowserContext;

  beforeAll(async () => {
    played = await playTable();
    engine = await expected(played.workshop, played.tableId);
    instructor = await instructorAt(played.workshop);
  }, 180_000);

  it("shows the instructor the engine's figures for the table: summary, ZOPA, Nash point, agreed package, scores", async () => {
    const { workshop, tableId } = played;
    const { scenario, state, analysis, debrief } = engine;
    expect(state.phase).toBe("concluded");
    const page = await instructor.newPage();
    await page.goto(`${e2e.app.url}/debrief/${tableId}?workshop=${workshop.workshopId}`);
    await page.getByRole("heading", { level: 2, name: "In short" }).waitFor();

    // The plain-language summary, sentence by sentence, as debriefFor writes it from the log.
    expect(await page.getByTestId("debrief-summary").locator("p").allTextContents()).toEqual(debrief.summary);
    expect(await text(page, "rounds")).toBe(`${debrief.status.roundsPlayed} of ${state.rounds} played`);

    // What was possible: the analysis engine's own figures for the scenario snapshot.
    expect(await text(page, "zopa")).toBe(`${formatCount(analysis.zopa ?? -1)} packages`);
    expect(await text(page, "feasible")).toBe(
      `${formatCount(analysis.feasible)} of ${formatCount(analysis.packages)}`,
    );
    const roles = state.effective.roles.map((r) => r.id);
    for (const role of roles) {
      expect(await text(page, `nash-score-${role}`), `Nash utility of ${role}`).toBe(
        formatPoints(analysis.nash?.utilities[role] ?? -1),
      );
    }

    // The package: the agreed version of the folded log (else the last tabled), issue by issue.
    const number =
      state.outcome?.reason === "agreement" ? state.outcome.version : state.versions.at(-1)?.number;
    const version = state.versions.find((v) => v.number === number);
    expect(version, "a version was tabled").toBeTruthy();
    const pkg = version?.package ?? {};
    expect(debrief.deal?.package).toEqual(pkg);
    for (const issue of scenario.issues) {
      const label = issue.options.find((o) => o.id === pkg[issue.id])?.label ?? "open";
      expect(await text(page, `ours-${issue.id}`), issue.name).toBe(label);
      const nashLabel = issue.options.find((o) => o.id === analysis.nash?.package[issue.id])?.label;
      expect(await text(page, `nash-${issue.id}`), `Nash: ${issue.name}`).toBe(nashLabel);
    }
    const differing = scenario.issues.filter((i) => pkg[i.id] !== analysis.nash?.package[i.id]).length;
    expect(await page.locator('[data-testid="term-sheet"] tr[data-differs="true"]').count()).toBe(differing);
    expect(await page.getByTestId("term-sheet").getByText("differs", { exact: true }).count()).toBe(
      differing,
    );

    // Each party's score: the package's utility to it (its no-deal value without an agreement).
    for (const role of roles) {
      const noDeal = state.outcome?.batnas[role] ?? -1;
      const score = roundPoints(utility(state.effective, role, pkg));
      expect(await text(page, `score-${role}`), `score of ${role}`).toBe(formatPoints(score));
      expect(await text(page, `no-deal-${role}`), `no-deal value of ${role}`).toBe(formatPoints(noDeal));
    }
    if (debrief.deal?.distanceToNash != null) {
      expect(await text(page, "distance-nash")).toBe(`${formatPoints(debrief.deal.distanceToNash)} points`);
    }

    // Concession curves: a chart named by its summary, and the same figures as a table.
    const curves = page.getByRole("img", { name: /^Line chart of each party's score/ });
    await curves.waitFor();
    const curvesSection = page.getByRole("region", { name: "Concession curves", exact: true });
    await curvesSection.getByRole("button", { name: "Show as table" }).click();
    const concessionRows = page.getByTestId("concession-table").locator("tbody tr");
    expect(await concessionRows.count()).toBe(state.versions.length);

    // The frontier: both axes chosen, the agreement and the Nash point in the table.
    await page.getByLabel("Up (vertical)").selectOption("us");
    await page
      .getByRole("img", { name: /Scatter chart of the Pareto frontier.*United States' \(up\)/ })
      .waitFor();
    const frontierSection = page.getByRole("region", { name: "The Pareto frontier", exact: true });
    await frontierSection.getByRole("button", { name: "Show as table" }).click();
    expect(await page.getByTestId("frontier-table").locator("tbody tr").count()).toBe(
      (analysis.pareto?.length ?? 0) + 3,
    );

    // The red-line story: the student's refused draft, with its rule and a link to its source.
    const refusals = page.getByTestId("refusals");
    await expect.poll(() => refusals.textContent()).toContain("Ukraine tried to table its draft");
    expect(await refusals.textContent()).toContain("No legal cession of Ukrainian land");
    expect(await refusals.textContent()).not.toContain("ua-no-legal-cession");
    const sourceLink = refusals.getByRole("link").first();
    expect(await sourceLink.getAttribute("href")).toMatch(/^\/sources\/[^#]+#[a-z0-9-]+$/);

    // The news and what it did to the space of deals.
    const news = page.getByTestId("news");
    expect(await news.getByRole("heading", { level: 3 }).allTextContents()).toEqual(
      debrief.injectedEvents.map((event) => event.title),
    );
    expect(await news.textContent()).toContain("injected by the facilitator");
    expect(await news.textContent()).toContain(`${formatCount(analysis.zopa ?? -1)} (down `);

    // The instructor sees the private channel and the bots' reasoning.
    expect(await page.getByTestId("private-messages").textContent()).toContain(secret);
    expect(await page.getByTestId("bot-notes").locator("li").count()).toBe(
      debrief.communication.botNotes.length,
    );
    // Each bot by its seat and its style, without brackets in brackets.
    const botsPlayed =
      (await page.getByText(/^Bots played .* Each explained its moves:$/).textContent()) ?? "";
    expect(botsPlayed).toMatch(
      /^Bots played .*Russia — (firm|steady|flexible) \(concedes (late|evenly|early)\)/,
    );
    expect(botsPlayed).not.toMatch(/\([^)]*\(/);
    expect(await page.getByRole("link", { name: "Replay", exact: true }).getAttribute("href")).toBe(
      `/replay/${tableId}?workshop=${workshop.workshopId}`,
    );

    // From the debrief to the replay: step to version 1 as it was tabled; the term sheet shown
    // is the log folded to that point. Then, as Europe, none of Ukraine's back-channel to Russia.
    const replay = await instructor.newPage();
    await replay.goto(`${e2e.app.url}/replay/${tableId}?workshop=${workshop.workshopId}`);
    await replay.getByRole("button", { name: /^Version .*tabled version 1\.$/ }).click();
    const engineEvents = engine.events;
    const tabledAt =
      engineEvents.findIndex((event) => event.type === "version-tabled" && event.version === 1) + 1;
    await expect
      .poll(async () => (await replay.getByTestId("replay-position").textContent()) ?? "", {
        timeout: 10_000,
      })
      .toMatch(new RegExp(`^Event ${tabledAt} of`));
    const folded = engineEvents.slice(0, tabledAt).reduce(evolve, initialTableState(engine.config));
    const tabledPackage = folded.versions.at(-1)?.package ?? {};
    for (const issue of scenario.issues) {
      const row = replay
        .getByRole("listitem")
        .filter({ has: replay.getByRole("heading", { level: 3, name: issue.name, exact: true }) });
      const label = issue.options.find((option) => option.id === tabledPackage[issue.id])?.label;
      expect(await row.locator("dd").nth(0).textContent(), issue.name).toBe(label);
    }
    await replay.goto(`${e2e.app.url}/replay/${tableId}?workshop=${workshop.workshopId}&as=europe`);
    await replay.getByTestId("replay-position").waitFor();
    await expect
      .poll(async () => (await replay.getByTestId("replay-position").textContent()) ?? "")
      .toMatch(/^Event /);
    expect(await replay.locator("body").textContent()).not.toContain(secret);
    await replay.close();

    await frontierSection.getByRole("button", { name: "Hide the table" }).click();
    await checkWidths(page, "debrief");
    await page.screenshot({ path: path.join(artifactsDir, "debrief-1280-full.png"), fullPage: true });

    // Printed: no navigation or controls; the summary, charts and tables stay.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Debrief" }).isVisible()).toBe(false);
    expect(await page.getByTestId("instructor-controls").isVisible()).toBe(false);
    expect(
      await page
        .getByRole("button", { name: /Show as table|Hide the table/ })
        .first()
        .isVisible(),
    ).toBe(false);
    expect(await page.getByTestId("debrief-summary").isVisible()).toBe(true);
    expect(await curves.isVisible()).toBe(true);
    expect(await page.getByTestId("scores").isVisible()).toBe(true);
    expect(await page.getByTestId("concession-table").isVisible()).toBe(true);
    writeFileSync(
      path.join(artifactsDir, "debrief.pdf"),
      await page.pdf({ format: "A4", printBackground: true }),
    );
    await page.emulateMedia({ media: "screen" });
    await page.close();
  });

  it("lists every table in the class view, sortable by any column, each linking to its debrief", async () => {
    const { workshop, tableId } = played;
    const { debrief } = engine;
    const page = await instructor.newPage();
    await page.goto(`${e2e.app.url}/instructor/${workshop.workshopId}/class`);
    const table = page.getByTestId("class-table");
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    const first = rows.first();
    expect(await first.getAttribute("data-table")).toBe("1");
    expect(await first.getByRole("link").getAttribute("href")).toBe(
      `/debrief/${tableId}?workshop=${workshop.workshopId}`,
    );
    const deal = debrief.deal;
    for (const party of deal?.source === "agreed" ? deal.parties : []) {
      expect(await first.locator(`td[data-role="${party.role}"]`).textContent()).toContain(
        formatPoints(party.utility),
      );
    }
    expect(await rows.nth(1).textContent()).toContain("In the lobby");

    const tableHeader = table.getByRole("columnheader", { name: /^Table/ });
    expect(await tableHeader.getAttribute("aria-sort")).toBe("ascending");
    await tableHeader.getByRole("button").click();
    expect(await tableHeader.getAttribute("aria-sort")).toBe("descending");
    expect(await rows.first().getAttribute("data-table")).toBe("2");
    const refusals = table.getByRole("columnheader", { name: /^Red-line refusals/ });
    await refusals.getByRole("button").click();
    expect(await refusals.getAttribute("aria-sort")).toBe("ascending");
    expect(await tableHeader.getAttribute("aria-sort")).toBe("none");
    expect(await rows.first().getAttribute("data-table")).toBe("2");
    await refusals.getByRole("button").click();
    expect(await rows.first().getAttribute("data-table")).toBe("1");
    await tableHeader.getByRole("button").click();

    await checkWidths(page, "class");

    // A table that never started has a debrief too: what was possible, nothing tabled.
    await rows.nth(1).getByRole("link").click();
    await page.getByTestId("debrief-summary").waitFor();
    expect(await page.getByTestId("debrief-summary").locator("p").first().textContent()).toBe(
      "The table has not started: it is still in the lobby.",
    );
    expect(await page.getByRole("heading", { level: 2, name: "No package was tabled" }).isVisible()).toBe(
      true,
    );
    expect(await page.getByText("No version was tabled, so there is nothing to draw.").isVisible()).toBe(
      true,
    );
    expect(await accessibilityViolations(page), "a lobby table's debrief").toEqual([]);
    await page.close();
  });

  it("links to the debrief from the console tiles and the concluded table screen", async () => {
    const { workshop, tableId } = played;
    const page = await instructor.newPage();
    await page.goto(`${e2e.app.url}/instructor/${workshop.workshopId}`);
    const link = page.getByRole("link", { name: "Debrief of table 1" });
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute("href")).toBe(`/debrief/${tableId}?workshop=${workshop.workshopId}`);
    expect(await page.getByRole("link", { name: "Class view" }).getAttribute("href")).toBe(
      `/instructor/${workshop.workshopId}/class`,
    );
    await page.goto(`${e2e.app.url}/table/${tableId}?workshop=${workshop.workshopId}`);
    const open = page.getByRole("link", { name: "Open the debrief" });
    await open.waitFor({ timeout: 30_000 });
    expect(await open.getAttribute("href")).toBe(`/debrief/${tableId}?workshop=${workshop.workshopId}`);
    await page.close();
  });

  it("opens to the student once shared, private channels only once revealed", async () => {
    const { workshop, tableId, seat } = played;
    const studentContext = await seatAt(seat);
    const student = await studentContext.newPage();
    await student.goto(`${e2e.app.url}/debrief/${tableId}`);
    await student.getByRole("heading", { name: "The debrief is not open to you yet" }).waitFor();
    expect(await student.getByTestId("debrief-unavailable").textContent()).toContain(
      "The facilitator has not shared this table's debrief yet.",
    );

    const page = await instructor.newPage();
    await page.goto(`${e2e.app.url}/debrief/${tableId}?workshop=${workshop.workshopId}`);
    const share = page.getByLabel("Share this debrief with the table's students");
    await share.check();
    await expect
      .poll(() => text(page, "sharing-state"))
      .toBe(
        "Shared with the table's students. The private channels' messages are hidden from them. Each reads only their own red lines in full.",
      );

    // The waiting page looks again by itself within a second; clicking "Check again" would race it.
    await student.getByRole("heading", { level: 2, name: "In short" }).waitFor();
    expect(await student.getByTestId("instructor-controls").count()).toBe(0);
    expect(await student.getByTestId("private-withheld").isVisible()).toBe(true);
    expect(await student.locator("body").textContent()).not.toContain(secret);
    expect(await text(student, "zopa")).toBe(`${formatCount(engine.analysis.zopa ?? -1)} packages`);
    expect(await student.getByText(`Table 1 · you played Ukraine`).isVisible()).toBe(true);

    await page.getByLabel("Reveal private channels to them").check();
    await expect
      .poll(() => text(page, "sharing-state"))
      .toBe(
        "Shared with the table's students. Private channels included. Each reads only their own red lines in full.",
      );
    await student.reload();
    await student.getByTestId("private-messages").waitFor();
    expect(await student.getByTestId("private-messages").textContent()).toContain(secret);
    expect(await student.getByText("You read your own red lines in full").isVisible()).toBe(true);
    await page.getByLabel("Reveal every party's red lines to them").check();
    await expect
      .poll(() => text(page, "sharing-state"))
      .toBe(
        "Shared with the table's students. Private channels included. Every party's red lines shown in full.",
      );
    await student.reload();
    await student.getByText("Every party's red lines are shown in full.").waitFor();
    expect(await accessibilityViolations(student), "the student's debrief").toEqual([]);
    await student.screenshot({ path: path.join(artifactsDir, "debrief-student-1280.png") });
    await page.close();
  });
});
