// What each browser at a table actually receives, scanned for what it must not learn. Four
// students and an observer of one table, in Chromium: every response body (Playwright response
// events) and every WebSocket frame (the Chrome DevTools Protocol's Network.webSocketFrameReceived,
// msgpack decoded) of every page they open, through the lobby, the briefing, a negotiation with
// refused red line, private messages between the two other seats, an injected event, the
// concluded screen, and the debrief and replay pages before and after the instructor shares them
// (red lines kept to their seats, the default). Nothing may carry another
// seat's secrets (tests/support/fingerprints.ts, from the scenario files), anyone's private
// message they were not part of, or an event before it landed. The instructor is on an SDK client:
// the instructor may see everything. Controls prove the recording sees: each seat did receive its
// own brief and scores, the parties their messages, everyone the news once it landed.
import { randomUUID } from "node:crypto";
import type { Scenario } from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nashPackage } from "../../shared/src/fixtures/ukraine2026.ts";
import { shareDebrief, watchTokenOf } from "../support/api.ts";
import { appAndBrowser } from "../support/browser.ts";
import {
  allFingerprints,
  bodyText,
  type Fingerprint,
  facilitator,
  fingerprintCounts,
  foreignIn,
  frameText,
  holds,
  normalize,
} from "../support/fingerprints.ts";
import {
  type Instructor,
  instructorOn,
  seatContext,
  seatedWorkshop,
  setDraft,
  type Workshop,
} from "../support/seats.ts";

const scenario = getScenario("ukraine-2026") as Scenario;
const roles = ["us", "ukraine", "europe", "russia"] as const;
type Role = (typeof roles)[number];
type Viewer = Role | "observer";
const viewers: Viewer[] = [...roles, "observer"];
const issueName = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
const roleName = (id: string) =>
  scenario.roles.find((r) => r.id === id)?.name.replace(/\s*\(.*\)$/, "") ?? id;

/** The event the instructor injects; every other event never lands. */
const injected = "paris-guarantees";

/** Private messages, each between two seats: each pair is the two other seats for the rest. */
const privateMessages = [
  { from: "russia", to: "us", text: `Russia to the US only ${randomUUID()}` },
  { from: "ukraine", to: "europe", text: `Ukraine to Europe only ${randomUUID()}` },
] as const;

type Captured = {
  /** Order of arrival across all pages, compared with the moment the event was injected. */
  seq: number;
  viewer: Viewer;
  kind: "response" | "frame";
  url: string;
  bytes: number;
  /** Whether the instructor had shared the debrief when it arrived. */
  afterSharing: boolean;
  text: string;
};

const captured: Captured[] = [];
const pendingBodies: Promise<void>[] = [];
let sequence = 0;
let sharedAt = Number.POSITIVE_INFINITY;

/** Records everything `page` receives, as `viewer`, from now on. */
async function record(page: Page, viewer: Viewer): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const sockets = new Map<string, string>();
  cdp.on("Network.webSocketCreated", ({ requestId, url }) => sockets.set(requestId, url));
  cdp.on("Network.webSocketFrameReceived", ({ requestId, response }) => {
    const seq = ++sequence;
    const payload =
      response.opcode === 2 ? Buffer.from(response.payloadData, "base64") : response.payloadData;
    captured.push({
      seq,
      viewer,
      kind: "frame",
      url: sockets.get(requestId) ?? "websocket",
      bytes: typeof payload === "string" ? Buffer.byteLength(payload) : payload.length,
      afterSharing: seq > sharedAt,
      text: normalize(frameText(payload)),
    });
  });
  page.on("response", (response) => {
    const seq = ++sequence;
    pendingBodies.push(
      response
        .body()
        .then((body) => {
          captured.push({
            seq,
            viewer,
            kind: "response",
            url: response.url(),
            bytes: body.length,
            afterSharing: seq > sharedAt,
            text: normalize(bodyText(body.toString("utf8"))),
          });
        })
        // Redirects and the WebSocket upgrade have no body.
        .catch(() => undefined),
    );
  });
}

async function recordedPage(context: BrowserContext, viewer: Viewer): Promise<Page> {
  const page = await context.newPage();
  await record(page, viewer);
  return page;
}

const e2e = appAndBrowser({ TRUST_PROXY: "true" });
const { contexts } = e2e;

describe("what each browser at a table receives", () => {
  const pages = {} as Record<Viewer, Page>;
  const seatContexts = {} as Record<Viewer, BrowserContext>;
  let workshop: Workshop;
  let tableId: string;
  let instructor: Instructor;
  let injectedAt = Number.POSITIVE_INFINITY;

  it("plays a table from the lobby to the debrief, recording every seat and an observer", async () => {
    const seated = await seatedWorkshop(e2e.app.url, roleName);
    const watchToken = await watchTokenOf(e2e.app.url, seated.workshop);
    workshop = seated.workshop;
    const seats = seated.seats;
    tableId = seats.us.tableId;

    // The observer first comes the way anyone could: the join page (and its API) and a source.
    seatContexts.observer = await e2e.newContext({ viewport: { width: 1280, height: 900 } });
    const entry = await recordedPage(seatContexts.observer, "observer");
    await entry.goto(`${e2e.app.url}/join/${workshop.joinCode}`);
    await entry.getByRole("heading", { level: 1 }).first().waitFor();
    await entry.waitForLoadState("networkidle");
    await entry.goto(`${e2e.app.url}/sources/${scenario.documents[0]?.file}`);
    await entry.getByRole("heading", { level: 1 }).first().waitFor();
    await entry.close();

    // Lobby.
    for (const role of roles) {
      seatContexts[role] = await seatContext(e2e.browser, workshop.joinCode, seats[role]);
      contexts.push(seatContexts[role]);
    }
    // The five browsers open their table pages side by side, as a class would.
    await Promise.all(
      viewers.map(async (viewer) => {
        const page = await recordedPage(seatContexts[viewer], viewer);
        // The observer comes by the observer link the instructor hands out.
        await page.goto(
          `${e2e.app.url}/table/${tableId}${viewer === "observer" ? `?watch=${watchToken}` : ""}`,
        );
        await page
          .getByRole("status")
          .filter({ hasText: /\bConnected\b/ })
          .waitFor({ timeout: 30_000 });
        pages[viewer] = page;
      }),
    );
    instructor = await instructorOn(e2e.app.url, tableId, workshop.instructorKey);

    // Briefing.
    await instructor.run({ type: "start" });
    for (const role of roles) await pages[role].getByRole("heading", { name: "Your red lines" }).waitFor();

    // Negotiation: the US tables the Nash package as version 1.
    await instructor.run({ type: "start" });
    await pages.us.getByText("Your turn", { exact: true }).waitFor();
    for (const [issue, option] of Object.entries(nashPackage))
      await setDraft(pages.us, issueName(issue), option);
    await pages.us.getByRole("button", { name: "Table this draft as version 1" }).click();
    for (const viewer of viewers)
      await pages[viewer]
        .getByText(/version 1/)
        .first()
        .waitFor();

    // Ukraine tries to table a recognition of annexation: its own red line, refused by the server.
    await pages.ukraine.getByText("Your turn", { exact: true }).waitFor();
    await setDraft(pages.ukraine, issueName("territory"), "recognize-crimea");
    // The live check comes from the server's view of the new draft: the move is then on the table.
    await pages.ukraine.getByText(/tabling this draft would break one of your red lines/).waitFor();
    await pages.ukraine.getByRole("button", { name: "Table this draft as version 2" }).click();
    await pages.ukraine.getByRole("alert").filter({ hasText: "Refused by the server" }).waitFor();
    await setDraft(pages.ukraine, issueName("territory"), "deferred");

    // Private messages: for every seat, two others talk where it cannot hear.
    for (const message of privateMessages) {
      const sender = pages[message.from];
      await sender
        .getByRole("button", { name: new RegExp(`^${roleName(message.to)} \\(private\\)`) })
        .click();
      await sender.getByLabel(`Private message to ${roleName(message.to)}`).fill(message.text);
      await sender.getByRole("button", { name: "Send", exact: true }).click();
      const receiver = pages[message.to];
      await receiver
        .getByRole("button", { name: new RegExp(`^${roleName(message.from)} \\(private\\)`) })
        .click();
      await receiver
        .getByRole("log", { name: `Messages: ${roleName(message.from)}` })
        .getByText(message.text)
        .waitFor();
    }

    // The facilitator's news lands.
    const event = scenario.events.find((e) => e.id === injected);
    if (!event) throw new Error(`no event ${injected}`);
    injectedAt = sequence;
    await instructor.run({ type: "inject-event", event: injected });
    for (const viewer of viewers) await pages[viewer].getByText(event.title).first().waitFor();

    // Everyone else accepts (the US did by tabling it): the talks conclude.
    for (const role of roles.filter((r) => r !== "us")) {
      await pages[role].getByRole("button", { name: "Accept version 1" }).click();
    }
    for (const viewer of viewers) await pages[viewer].getByRole("heading", { name: /^Outcome:/ }).waitFor();

    // Debrief and replay before the instructor shares them: each browser is told to wait. The
    // five browsers ask side by side (each its own pages one after another), as a class would.
    const debriefAndReplay = () =>
      Promise.all(
        viewers.map(async (viewer) => {
          const routes = ["debrief", "replay"];
          // A curious student also asks for the replay as another seat and as the facilitator.
          if (viewer === "ukraine") routes.push("replay?as=russia", "replay?as=instructor");
          for (const route of routes) {
            const page = await recordedPage(seatContexts[viewer], viewer);
            // A seat's page asks the API with its token; an observer's has nothing to ask with.
            const answered =
              viewer === "observer"
                ? null
                : page.waitForResponse((r) => r.url().includes("/api/") && r.url().includes(tableId));
            await page.goto(`${e2e.app.url}/${route.replace(/^(\w+)/, `$1/${tableId}`)}`);
            await answered;
            await page.waitForLoadState("networkidle");
            await page.getByRole("heading", { level: 1 }).first().waitFor();
            await page.close();
          }
        }),
      );
    await debriefAndReplay();

    // The instructor shares the debrief (and so the replay) with the table, channels withheld.
    sharedAt = sequence;
    expect(await shareDebrief(e2e.app.url, workshop, tableId)).toBe(200);
    await debriefAndReplay();

    await Promise.all(pendingBodies);
  }, 240_000);

  /** Why `item` may carry the fingerprint, or null: it would be a leak. */
  function allowed(f: Fingerprint, item: Captured): string | null {
    if (f.owners.includes(facilitator)) {
      const landed = f.event === injected && item.seq > injectedAt;
      return landed && f.part !== "effect" ? "news that has landed" : null;
    }
    if (f.event !== null && !(f.event === injected && item.seq > injectedAt)) return null;
    if (item.viewer !== "observer" && f.owners.includes(item.viewer)) return "the seat's own";
    return null;
  }

  it("brought no browser another seat's secrets, others' private messages or news before it landed", () => {
    const fingerprints = allFingerprints();
    const messages = privateMessages.map((m) => ({ ...m, needle: normalize(m.text) }));
    const leaks: string[] = [];
    for (const item of captured) {
      const present = fingerprints.filter((f) => holds(item.text, f));
      const mine = present.filter((f) => allowed(f, item) !== null);
      const suspects = present.filter((f) => allowed(f, item) === null);
      for (const f of foreignIn(item.text, mine, suspects)) {
        leaks.push(
          `${item.viewer} got ${f.scenario} · ${f.label} in a ${item.kind} from ${item.url} (#${item.seq})`,
        );
      }
      for (const m of messages) {
        const party = item.viewer === m.from || item.viewer === m.to;
        if (!party && item.text.includes(m.needle)) {
          leaks.push(`${item.viewer} got the private message ${m.from} → ${m.to} from ${item.url}`);
        }
      }
    }
    const totals = {
      responses: captured.filter((c) => c.kind === "response").length,
      frames: captured.filter((c) => c.kind === "frame").length,
      bytes: captured.reduce((sum, c) => sum + c.bytes, 0),
      perViewer: Object.fromEntries(
        viewers.map((v) => {
          const own = captured.filter((c) => c.viewer === v);
          return [
            v,
            {
              responses: own.filter((c) => c.kind === "response").length,
              frames: own.filter((c) => c.kind === "frame").length,
              bytes: own.reduce((sum, c) => sum + c.bytes, 0),
            },
          ];
        }),
      ),
      fingerprints: fingerprintCounts(fingerprints),
    };
    console.log(`[leak scan] browsers at a table: ${JSON.stringify(totals)}`);
    expect(leaks).toEqual([]);
  });

  it("did record what each browser was meant to receive", () => {
    // What the table played: the other built-in scenarios share role ids and labels with it.
    const fingerprints = allFingerprints().filter((f) => f.scenario === "ukraine-2026");
    const got = (viewer: Viewer, f: Fingerprint | undefined, after = 0) =>
      f !== undefined && captured.some((c) => c.viewer === viewer && c.seq > after && holds(c.text, f));
    const gotText = (viewer: Viewer, text: string) =>
      captured.some((c) => c.viewer === viewer && c.text.includes(normalize(text)));
    for (const role of roles) {
      const own = fingerprints.filter((f) => f.owners.includes(role) && f.event === null);
      const brief = own.find((f) => f.label === `${role} · brief summary`);
      const scores = own.filter((f) => f.kind === "score row" && f.owners.length === 1);
      expect(brief, `${role} has a brief fingerprint`).toBeDefined();
      expect(got(role, brief), `${role} received its own brief`).toBe(true);
      expect(scores.length).toBeGreaterThan(0);
      expect(
        scores.filter((f) => !got(role, f)).map((f) => f.label),
        `${role} received its own score rows (over the WebSocket)`,
      ).toEqual([]);
      // After sharing, the debrief and the replay answered this seat with content.
      expect(
        captured.some(
          (c) =>
            c.viewer === role &&
            c.afterSharing &&
            new URL(c.url).pathname.endsWith(`/debrief`) &&
            c.bytes > 1000,
        ),
      ).toBe(true);
    }
    // The refusal is in every shared debrief: Ukraine's own in full, the others' under a neutral name.
    const cession = fingerprints.find(
      (f) => f.label === "ukraine · red line ua-no-legal-cession, explanation",
    );
    expect(
      captured.some((c) => c.viewer === "ukraine" && c.afterSharing && holds(c.text, cession as Fingerprint)),
    ).toBe(true);
    for (const role of ["us", "europe", "russia"] as const) {
      expect(
        captured.some(
          (c) => c.viewer === role && c.afterSharing && c.text.includes(normalize("Undisclosed red line 1")),
        ),
      ).toBe(true);
    }
    for (const m of privateMessages) {
      expect(gotText(m.from, m.text) && gotText(m.to, m.text)).toBe(true);
    }
    const title = fingerprints.find((f) => f.event === injected && f.part === "title");
    for (const viewer of viewers) expect(got(viewer, title, injectedAt)).toBe(true);
    expect(captured.some((c) => c.kind === "frame" && c.viewer === "observer")).toBe(true);
  });
});
