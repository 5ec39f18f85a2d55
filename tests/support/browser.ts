// Debian's Chromium driven by playwright-core: no browser download, flags for a closed network;
// and a browser test file's app and browser, set up before its tests and cleared away after.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Room } from "@colyseus/sdk";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { type RunningApp, startApp } from "./app.ts";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with: apt-get install -y chromium (npm test does this when it can), or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const require = createRequire(import.meta.url);

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

let axe: string | undefined;
const axeSource = () => {
  axe ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axe;
};

/** Runs axe-core in the page; returns the serious and critical violations, readable in a failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's devtools, which the page's Content-Security-Policy does not
  // govern (a <script> tag added to the page would be refused: it has no nonce).
  // Once per document: a page checked again in another state keeps the axe it was given.
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === "function",
  );
  if (!loaded) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    type Axe = { run(options: { resultTypes: string[] }): Promise<{ violations: AxeViolation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    // Every rule still runs on every node; only the passes and the incomplete are not written up
    // in full (axe's own option for speed), which this check never reads.
    return (await axe.run({ resultTypes: ["violations"] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
}

/** Where browser tests keep screenshots (test artifacts, not committed). */
export const artifactsDir = new URL("../e2e/artifacts/", import.meta.url).pathname;

/** What a browser test file works with: see `appAndBrowser`. */
export type AppAndBrowser = {
  /** The app as `npm start` runs it, started before the file's tests. */
  readonly app: RunningApp;
  /** Chromium, launched before the file's tests. */
  readonly browser: Browser;
  /** Browser contexts closed after the file's tests: push those made elsewhere (`seatContext`…). */
  readonly contexts: BrowserContext[];
  /** SDK rooms left after the file's tests, those still open. */
  readonly rooms: Room[];
  /** A new browser context of this browser, closed after the file's tests. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
};

/**
 * Registers the file's `beforeAll` and `afterAll`: before its tests, the app (`startApp` with
 * `env`, or what `env()` gives then, e.g. a database started in an earlier hook) and Chromium
 * start side by side, and the artifacts folder is made; after them, the rooms are left, the
 * contexts and the browser closed, the app stopped and its data removed, whatever failed. Each
 * file has its own app (a free port, its own data folder) and its own browser, so that files may
 * run side by side. The app's embedded database starts as a copy of the one the e2e project's
 * global setup created (tests/support/e2eSetup.ts), when there is one.
 */
export function appAndBrowser(
  env: Record<string, string> | (() => Record<string, string>) = {},
): AppAndBrowser {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const rooms: Room[] = [];
  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    const values = typeof env === "function" ? env() : env;
    const [started, launched] = await Promise.allSettled([
      startApp(values, { copyData: values.DATABASE_URL ? undefined : inject("appData") }),
      launchBrowser(),
    ]);
    if (started.status === "fulfilled") app = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (started.status === "rejected") throw started.reason;
    if (launched.status === "rejected") throw launched.reason;
  });
  afterAll(async () => {
    await Promise.all(
      rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => undefined)),
    );
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`${what} starts in beforeAll: use it in a test or a later hook.`);
    return value;
  };
  return {
    get app() {
      return started(app, "The app");
    },
    get browser() {
      return started(browser, "The browser");
    },
    contexts,
    rooms,
    async newContext(options) {
      const context = await started(browser, "The browser").newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
