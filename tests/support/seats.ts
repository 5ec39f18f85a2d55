// People at a table in browser tests: a workshop whose four seats are taken over HTTP, a browser
// context holding a seat as the join page stores it,
// one holding the instructor's key, the instructor on a Colyseus SDK client that waits for each
// command's answer, a table page opened until it is connected, and a draft option set on the
// term sheet.
import { randomUUID } from "node:crypto";
import { Client, type Room } from "@colyseus/sdk";
import { negotiationRoomName, type TableView } from "@red-lines/shared/protocol";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { postJson } from "./api.ts";
import { followViews, withProtocol } from "./tableRoom.ts";

/** What `POST /api/join` answers, with the name the student gave. */
export type JoinedSeat = {
  workshopId: string;
  tableId: string;
  table: number;
  role: string;
  seatToken: string;
  name: string;
};

const desktop = { width: 1280, height: 900 };

export type Workshop = { workshopId: string; joinCode: string; instructorKey: string };
const roles = ["us", "ukraine", "europe", "russia"] as const;

/**
 * A workshop of one `ukraine-2026` table (back-channel, a long clock) with all four seats taken
 * over HTTP, each by "<Name> student" (`name(role)` gives the name).
 */
export async function seatedWorkshop(
  url: string,
  name: (role: string) => string = (role) => role.toUpperCase(),
) {
  const created = await postJson<Workshop>(url, "/workshops", {
    scenarioId: "ukraine-2026",
    variant: "back-channel",
    tables: 1,
    turnSeconds: 900,
  });
  expect(created.status).toBe(201);
  const workshop = created.body;
  const seats = {} as Record<(typeof roles)[number], JoinedSeat>;
  for (const role of roles) {
    const student = `${name(role)} student`;
    const joined = await postJson<JoinedSeat>(url, "/join", { code: workshop.joinCode, name: student, role });
    expect(joined.status).toBe(201);
    seats[role] = { ...joined.body, name: student };
  }
  return { workshop, seats, tableId: seats.us.tableId };
}

/** A browser context holding one seat, as the join page would have stored it. */
export async function seatContext(
  browser: Browser,
  joinCode: string,
  seat: JoinedSeat,
  viewport = desktop,
  /** The browser's language (its Accept-Language and navigator.languages), e.g. "uk-UA". */
  locale?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, ...(locale ? { locale } : {}) });
  const stored = JSON.stringify({
    joinCode,
    workshopId: seat.workshopId,
    tableId: seat.tableId,
    table: seat.table,
    role: seat.role,
    name: seat.name,
    seatToken: seat.seatToken,
  });
  await context.addInitScript((value: string) => {
    const parsed = JSON.parse(value) as { tableId: string; joinCode: string };
    window.localStorage.setItem(`red-lines:seat:${parsed.tableId}`, value);
    window.localStorage.setItem(`red-lines:code:${parsed.joinCode}`, value);
  }, stored);
  return context;
}

/** A browser context that keeps a workshop's instructor key, as the set-up page stores it. */
export async function instructorContext(
  browser: Browser,
  workshop: { workshopId: string; instructorKey: string },
  viewport = desktop,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(
    ([id, key]: [string, string]) =>
      window.localStorage.setItem(`red-lines:instructor:${id}`, JSON.stringify(key)),
    [workshop.workshopId, workshop.instructorKey] as [string, string],
  );
  return context;
}

export type Instructor = {
  room: Room;
  views: TableView[];
  run(command: Record<string, unknown>): Promise<void>;
};

/** The instructor on the SDK: sends commands and waits for the table's answer to each. */
export function instructorOn(url: string, tableId: string, instructorKey: string): Promise<Instructor> {
  return actorOn(url, { tableId, instructorKey });
}

/** One SDK connection (a seat or the instructor) that sends commands and waits for each answer. */
export async function actorOn(url: string, options: Record<string, string>): Promise<Instructor> {
  const room = await new Client(url).joinOrCreate(negotiationRoomName, withProtocol(options));
  const views: TableView[] = [];
  const pending = new Map<string, { resolve(): void; reject(error: Error): void }>();
  followViews(room, (view: TableView) => views.push(view));
  room.onMessage("done", ({ intentId }: { intentId: string }) => pending.get(intentId)?.resolve());
  room.onMessage("refusal", ({ intentId, refusal }: { intentId: string; refusal: { message: string } }) =>
    pending.get(intentId)?.reject(new Error(refusal.message)),
  );
  room.onMessage("error", ({ intentId, message }: { intentId?: string; message: string }) => {
    if (intentId) pending.get(intentId)?.reject(new Error(message));
  });
  return {
    room,
    views,
    run(command) {
      const intentId = randomUUID();
      return new Promise<void>((resolve, reject) => {
        pending.set(intentId, { resolve, reject });
        room.send("command", { intentId, command });
      });
    },
  };
}

/** A table page, once it says it is connected; a failure quotes what the page says instead. */
export async function openTable(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  try {
    await page
      .getByRole("status")
      .filter({ hasText: /\bConnected\b|Підключено/ })
      .waitFor({ timeout: 30_000 });
  } catch (error) {
    throw new Error(`${url} did not connect; the page says: ${await page.locator("body").textContent()}`, {
      cause: error,
    });
  }
  return page;
}

/**
 * Sets one issue of the draft on the term sheet, by the issue's name, and waits until the server
 * has it: the select stays busy (showing the choice) until the server's answer, and then shows
 * the draft of the server's view. Its value alone is not enough: it shows the choice at once.
 */
export async function setDraft(page: Page, issueName: string, option: string) {
  const select = page.getByLabel(`Draft option for ${issueName}`, { exact: true });
  await select.selectOption(option);
  await expect
    .poll(() =>
      select.evaluate((element: HTMLSelectElement) =>
        element.getAttribute("aria-busy") === "true" ? "(waiting for the server)" : element.value,
      ),
    )
    .toBe(option);
}
