// Pages and their assets under the strict Content-Security-Policy (issue 13, defect 12), against
// the built app: every page's policy carries a fresh nonce that every script of the page carries,
// the security headers come with pages and /_next assets alike, and every page works in Chromium
// with no violation reported (the table, the console and the sandbox open their WebSockets under
// connect-src). No page can be framed, the projector's join screen included. The API's and
// Colyseus' answers are checked in tests/integration/headers.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { connectSourcesHeader } from "@red-lines/shared/protocol";
import { getScenario } from "@red-lines/shared/scenarios";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { startApp } from "../support/app.ts";
import { appAndBrowser } from "../support/browser.ts";
import {
  instructorContext,
  type JoinedSeat,
  seatContext,
  seatedWorkshop,
  type Workshop,
} from "../support/seats.ts";

const root = path.resolve(import.meta.dirname, "../..");
let workshop: Workshop;
let seat: JoinedSeat;

type Visit = {
  /** The route of the build this address is one of. */
  route: string;
  path: string;
  as: "anyone" | "seat" | "instructor";
  /** What shows the page's scripts ran (beyond Next's bootstrap); a live connection where it has one. */
  ready?: (page: Page) => Promise<void>;
};

const connected = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /\bConnected\b/ })
    .first()
    .waitFor();
let visits: Visit[] = [];

const e2e = appAndBrowser({ TRUST_PROXY: "true" });
const { contexts } = e2e;

beforeAll(async () => {
  const seated = await seatedWorkshop(e2e.app.url);
  workshop = seated.workshop;
  seat = seated.seats.ukraine;
  const key = `#key=${workshop.instructorKey}`;
  const source = getScenario("ukraine-2026")?.documents[0]?.file ?? "";
  visits = [
    { route: "/", path: "/", as: "anyone" },
    { route: "/_not-found", path: "/no-such-page", as: "anyone" },
    { route: "/workshop/new", path: "/workshop/new", as: "anyone" },
    { route: "/guide", path: "/guide", as: "anyone" },
    { route: "/join/[code]", path: `/join/${workshop.joinCode}`, as: "anyone" },
    { route: "/sources/[file]", path: `/sources/${encodeURIComponent(source)}`, as: "anyone" },
    {
      route: "/sandbox",
      path: "/sandbox",
      as: "anyone",
      async ready(page) {
        await page.getByLabel("Display name").fill("Ada");
        await page.getByRole("button", { name: "Join table" }).click();
        await connected(page);
      },
    },
    { route: "/table/[tableId]", path: `/table/${seat.tableId}`, as: "seat", ready: connected },
    { route: "/debrief/[tableId]", path: `/debrief/${seat.tableId}`, as: "seat" },
    { route: "/replay/[tableId]", path: `/replay/${seat.tableId}`, as: "seat" },
    {
      route: "/instructor/[workshopId]",
      path: `/instructor/${workshop.workshopId}${key}`,
      as: "instructor",
      ready: connected,
    },
    {
      route: "/instructor/[workshopId]/join",
      path: `/instructor/${workshop.workshopId}/join${key}`,
      as: "instructor",
    },
    {
      route: "/instructor/[workshopId]/class",
      path: `/instructor/${workshop.workshopId}/class${key}`,
      as: "instructor",
    },
    {
      // Opened with the instructor key this browser keeps; its web worker runs the analysis.
      route: "/studio",
      path: "/studio",
      as: "instructor",
      async ready(page) {
        await page.getByRole("button", { name: "Start from scratch" }).click();
        await page
          .getByTestId("analysis-status")
          .filter({ hasText: /problems to fix/ })
          .waitFor();
      },
    },
  ];
});

/** The policy's directives by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
  expect(response.headers.get("permissions-policy"), what).toMatch(
    /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
  );
  expect(response.headers.get("access-control-allow-origin"), what).toBeNull();
  expect(response.headers.get("access-control-allow-credentials"), what).toBeNull();
  // PUBLIC_URL is plain http here.
  expect(response.headers.get("strict-transport-security"), what).toBeNull();
}

describe("pages as served", () => {
  it("cover every page route of the build", () => {
    const manifest = JSON.parse(
      readFileSync(path.join(root, "client/.next/app-path-routes-manifest.json"), "utf8"),
    ) as Record<string, string>;
    // Pages only (not a route handler such as /icon.svg), but the global error page.
    const routes = Object.entries(manifest)
      .filter(([file, route]) => file.endsWith("/page") && route !== "/_global-error")
      .map(([, route]) => route);
    expect(new Set(visits.map((visit) => visit.route))).toEqual(new Set(routes));
  });

  it("carry a strict policy with a fresh nonce that every script of the page carries", async () => {
    for (const visit of visits) {
      const url = `${e2e.app.url}${visit.path.replace(/#.*/, "")}`;
      const [first, second] = [await fetch(url), await fetch(url)];
      expectSecurityHeaders(first, visit.path);
      const policy = first.headers.get("content-security-policy") ?? "";
      const parsed = directives(policy);
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce, `${visit.path}: ${policy}`).toMatch(/^[A-Za-z0-9+/]{24}$/);
      expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
      expect(parsed.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
      expect(parsed.get("style-src-elem")).toEqual(["'self'", `'nonce-${nonce}'`]);
      expect(parsed.get("object-src")).toEqual(["'none'"]);
      expect(parsed.get("base-uri")).toEqual(["'self'"]);
      expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
      const host = new URL(e2e.app.url).host;
      expect(parsed.get("connect-src")).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
      expect(policy).not.toContain("unsafe-eval");

      const html = await first.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length, visit.path).toBeGreaterThan(0);
      expect(
        scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
        `${visit.path}: scripts without the nonce`,
      ).toEqual([]);
      await second.text();
    }
  });

  it("name the public address for WebSockets, never what a browser sends, and HSTS behind https", async () => {
    // The server tells the proxy the extra addresses in a request header it always overwrites.
    const spoofed = await fetch(`${e2e.app.url}/`, {
      headers: { [connectSourcesHeader]: "wss://evil.example" },
    });
    expect(spoofed.headers.get("content-security-policy")).not.toContain("evil.example");
    await spoofed.text();

    // On a copy of the migrated data folder, as the file's own app (no database to create again).
    const behindTls = await startApp(
      { PUBLIC_URL: "https://redlines.example.org" },
      { copyData: inject("appData") },
    );
    try {
      for (const page of ["/", "/workshop/new"]) {
        const response = await fetch(`${behindTls.url}${page}`);
        expect(response.headers.get("strict-transport-security"), page).toBe("max-age=31536000");
        const connect = directives(response.headers.get("content-security-policy") ?? "").get("connect-src");
        expect(connect).toEqual(
          expect.arrayContaining(["ws://redlines.example.org", "wss://redlines.example.org"]),
        );
        await response.text();
      }
    } finally {
      await behindTls.stop();
    }
  });

  it("send the security headers with the built assets too", async () => {
    const html = await (await fetch(e2e.app.url)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map(
      ([, asset]) => asset ?? "",
    );
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const response = await fetch(`${e2e.app.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expectSecurityHeaders(response, asset);
      await response.arrayBuffer();
    }
  });
});

describe("pages in Chromium under the policy", () => {
  async function contextFor(visit: Visit): Promise<BrowserContext> {
    const context =
      visit.as === "seat"
        ? await seatContext(e2e.browser, workshop.joinCode, seat)
        : visit.as === "instructor"
          ? await instructorContext(e2e.browser, workshop)
          : await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    // Injected by the browser's devtools, not by the page, so the policy does not apply to it.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
        ),
      );
    });
    return context;
  }

  it("work on every page with no violation reported", async () => {
    const problems: string[] = [];
    // Two pages at a time, each in its own context (most of a visit is waiting: for the
    // connection, and for the network to be quiet for half a second).
    const queue = [...visits];
    const visitNext = async (): Promise<void> => {
      const visit = queue.shift();
      if (!visit) return;
      const context = await contextFor(visit);
      const page = await context.newPage();
      const console: string[] = [];
      page.on("console", (message) => {
        if (/Refused to|Content.Security.Policy|Permissions.Policy|nonce/i.test(message.text()))
          console.push(message.text());
      });
      page.on("pageerror", (error) => console.push(`page error: ${error.message}`));
      await page.goto(`${e2e.app.url}${visit.path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      // Next's bootstrap ran: its scripts loaded under the nonce and 'strict-dynamic'.
      await page.waitForFunction(() => "next" in window, undefined, { timeout: 15_000 });
      await visit.ready?.(page);
      await page.waitForLoadState("networkidle");
      const violations = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      );
      for (const line of [...violations, ...console]) problems.push(`${visit.path}: ${line}`);
      await page.close();
      await visitNext();
    };
    await Promise.all([visitNext(), visitNext()]);
    expect(problems).toEqual([]);
  });

  it("cannot be framed by another page, the projector's join screen included", async () => {
    for (const visit of visits.filter(
      (v) => v.route === "/instructor/[workshopId]/join" || v.route === "/",
    )) {
      const context = await e2e.newContext();
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/frame-ancestors/.test(message.text())) refused.push(message.text());
      });
      await page.setContent(
        `<h1>Someone else's page</h1><iframe src="${e2e.app.url}${visit.path}"></iframe>`,
      );
      await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
      // The frame holds the browser's error page, not ours.
      const framed = page.frames().find((frame) => frame !== page.mainFrame());
      expect(framed?.url(), visit.path).not.toContain(new URL(e2e.app.url).host);
      expect(await framed?.locator("main#main").count(), visit.path).toBe(0);
    }
  });
});
