// Students' data from the console, in Chromium against a real server with the built UI: erasing
// one student's name from a table's controls (confirmed), then deleting the workshop: the
// confirmation dialog (Cancel first and focused, nothing deleted on Cancel), then the deletion,
// after which the console says what went and a student's open table page says why it closed.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accessibilityViolations, appAndBrowser, artifactsDir } from "../support/browser.ts";
import { instructorContext, openTable, seatContext, seatedWorkshop } from "../support/seats.ts";

const e2e = appAndBrowser();

describe("students' data from the console", () => {
  it("erases a student's name, then deletes the workshop after asking, and tells the console and the students", async () => {
    const { workshop, seats } = await seatedWorkshop(e2e.app.url, (role) => `${role} deletable`);
    const overview = () =>
      fetch(`${e2e.app.url}/api/workshops/${workshop.workshopId}`, {
        headers: { authorization: `Bearer ${workshop.instructorKey}`, "x-forwarded-for": randomUUID() },
      });

    const studentContext = await seatContext(e2e.browser, workshop.joinCode, seats.ukraine);
    const student = await openTable(studentContext, `${e2e.app.url}/table/${seats.ukraine.tableId}`);

    const context = await instructorContext(e2e.browser, workshop);
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/instructor/${workshop.workshopId}`);
    const remove = page.getByRole("button", { name: "Delete this workshop…" });
    await remove.waitFor();

    // Erasing one student's name, from the table's controls, after a confirmation.
    await page.getByRole("button", { name: "Controls for table 1" }).click();
    const controls = page.getByRole("dialog", { name: "Table 1 controls" });
    await controls
      .getByLabel("Seat whose student asked to have their name and messages erased")
      .selectOption({ label: "Ukraine — ukraine deletable student" });
    await controls.getByRole("button", { name: "Erase the student's name and messages as Ukraine…" }).click();
    const erase = page.getByRole("alertdialog", {
      name: "Erase the student's name and messages as Ukraine at table 1?",
    });
    await erase.getByRole("button", { name: "Erase name and messages" }).click();
    await controls.getByText("Erased at table 1, seat Ukraine: 1 name, 0 messages and 0 notes.").waitFor();
    await page.screenshot({ path: path.join(artifactsDir, "erase-student.png"), fullPage: true });
    // The student's open page gets the table's view again at once: the seat's name is erased there
    // too (their own browser still knows what they typed).
    await student.getByText("Erased student").first().waitFor();
    await page.keyboard.press("Escape");
    await controls.waitFor({ state: "detached" });

    // The confirmation: Cancel has the focus, and cancelling deletes nothing.
    await remove.click();
    const dialog = page.getByRole("alertdialog", { name: "Delete this workshop?" });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain("every seat, name, message and log");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, "delete-workshop-confirm.png") });
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    expect((await overview()).status).toBe(200);

    await remove.click();
    await dialog.getByRole("button", { name: "Delete the workshop" }).click();
    const gone = page.getByRole("status").filter({ hasText: "Workshop deleted" });
    await gone.waitFor();
    expect(await gone.textContent()).toContain("Its 1 table, 4 seats");
    expect((await overview()).status).toBe(403);
    // The key is no use any more: this browser forgets it.
    expect(
      await page.evaluate(
        (id) => window.localStorage.getItem(`red-lines:instructor:${id}`),
        workshop.workshopId,
      ),
    ).toBeNull();

    // The student's table page was closed for good, saying why.
    await student.getByText("The instructor deleted this workshop").first().waitFor();
    // Its join code went with it: the page offers no way back in.
    expect(await student.getByRole("link", { name: "join again with the workshop code" }).count()).toBe(0);
    await student.getByRole("link", { name: "Back to the home page" }).waitFor();
    await student.screenshot({ path: path.join(artifactsDir, "delete-workshop-student.png") });
    await context.close();
    await studentContext.close();
  });
});
