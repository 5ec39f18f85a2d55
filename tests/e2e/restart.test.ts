// Tabs that outlive the server: after a deploy (SIGTERM) or a crash (SIGKILL) every open table
// page joins again by itself within five seconds of the server answering, with its seat; and a
// seat opened in a second tab takes over from the first, which says so and can take it back.
import { tableProtocolVersion } from "@red-lines/shared/engine";
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorContext, instructorOn, openTable, seatContext, seatedWorkshop } from "../support/seats.ts";

const e2e = appAndBrowser({ RECONNECT_GRACE_SECONDS: "60" });
const { contexts } = e2e;

const connected = (page: Page) => page.getByRole("status").filter({ hasText: /\bConnected\b/ });

/** Sends a public chat line from a page and waits for it to show there. */
async function say(page: Page, text: string) {
  await page.getByLabel("Message to the table").fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.getByRole("log", { name: "Messages: Table chat" }).getByText(text).waitFor();
}

describe("open table pages", () => {
  it("come back by themselves after a deploy and after a crash, within five seconds", async () => {
    const { workshop, seats, tableId } = await seatedWorkshop(e2e.app.url);
    const pages: Page[] = [];
    for (const role of ["us", "russia"] as const) {
      const context = await seatContext(e2e.browser, workshop.joinCode, seats[role]);
      contexts.push(context);
      pages.push(await openTable(context, `${e2e.app.url}/table/${tableId}`));
    }
    const facilitatorContext = await instructorContext(e2e.browser, workshop);
    contexts.push(facilitatorContext);
    pages.push(
      await openTable(facilitatorContext, `${e2e.app.url}/table/${tableId}?workshop=${workshop.workshopId}`),
    );
    const instructor = await instructorOn(e2e.app.url, tableId, workshop.instructorKey);
    // Two seats are played in these tabs; the facilitator seats the other two by name.
    await instructor.run({ type: "assign-seat", seat: "ukraine", name: "Olena" });
    await instructor.run({ type: "assign-seat", seat: "europe", name: "Eva" });
    await instructor.run({ type: "start" });
    await instructor.run({ type: "start" });
    await instructor.room.leave();
    const [us, russia] = pages as [Page, Page, Page];
    await say(us, "Before the restart.");

    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      const restarting = e2e.app.restart(signal);
      // Every page notices it lost the server.
      for (const page of pages) {
        await page
          .getByRole("status")
          .filter({ hasText: /Connection lost|Disconnected|Connecting/ })
          .waitFor();
      }
      await restarting;
      const answering = Date.now();
      await Promise.all(pages.map((page) => connected(page).waitFor({ timeout: 5_000 })));
      const back = Date.now() - answering;
      console.log(
        `after the ${signal} restart, the three table pages were back ${back} ms after the server answered`,
      );
      expect(back, `pages back ${back} ms after the ${signal} restart answered`).toBeLessThan(5_000);
      // Still in their seats, and the talks go on where they were.
      await us.getByText("You are United States (US student)").waitFor();
      await russia
        .getByRole("log", { name: "Messages: Table chat" })
        .getByText("Before the restart.")
        .waitFor();
      const line = `After the ${signal} restart.`;
      await say(russia, line);
      await us.getByRole("log", { name: "Messages: Table chat" }).getByText(line).waitFor();
    }
    await us.screenshot({ path: `${artifactsDir}/restart-us-back.png` });
    // Two restarts of the server (a start is seconds of CPU: a crash's also recovers the
    // database) besides the pages: beyond the default minute when the machine runs other files.
  }, 180_000);
});

describe("a seat opened twice", () => {
  it("goes to the newer tab; the older one says so and can take it back", async () => {
    const { workshop, seats, tableId } = await seatedWorkshop(e2e.app.url);
    const context = await seatContext(e2e.browser, workshop.joinCode, seats.europe, {
      width: 375,
      height: 812,
    });
    contexts.push(context);
    const first = await openTable(context, `${e2e.app.url}/table/${tableId}`);
    const second = await openTable(context, `${e2e.app.url}/table/${tableId}`);
    const replaced = first.getByRole("heading", { name: "Your seat is open somewhere else" });
    await replaced.waitFor();
    await first.screenshot({ path: `${artifactsDir}/seat-replaced-375.png`, fullPage: true });
    // The older tab stays put: it does not fight the newer one for the seat.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await connected(second).waitFor();
    expect(await replaced.isVisible()).toBe(true);
    // Taking it back here hands it over the other way.
    await first.getByRole("button", { name: "Use the seat in this tab" }).click();
    await connected(first).waitFor();
    await second.getByRole("heading", { name: "Your seat is open somewhere else" }).waitFor();
  });
});

describe("a page older than the server", () => {
  it("is told to reload, and a reload brings the seat back", async () => {
    const { workshop, seats, tableId } = await seatedWorkshop(e2e.app.url);
    const context = await seatContext(e2e.browser, workshop.joinCode, seats.ukraine, {
      width: 375,
      height: 812,
    });
    contexts.push(context);
    // The page as a build from before the current table protocol would join: with an older version.
    const older = async (route: Route) => {
      const options = route.request().postDataJSON() as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...options, protocol: tableProtocolVersion - 1 }) });
    };
    await context.route("**/matchmake/**", older);
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/table/${tableId}`);
    const heading = page.getByRole("heading", { name: "Reload this page to go on" });
    await heading.waitFor();
    await page.screenshot({ path: `${artifactsDir}/outdated-375.png`, fullPage: true });
    // After an update the reloaded page is current: it joins and keeps the seat.
    await context.unroute("**/matchmake/**", older);
    await page.getByRole("button", { name: "Reload the page" }).click();
    await connected(page).waitFor();
    expect(await heading.count()).toBe(0);
    await page.getByText("You are Ukraine", { exact: false }).first().waitFor();
  });
});
