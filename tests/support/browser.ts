// Debian's Chromium driven by playwright-core: no browser download, flags for a closed network.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";

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
  await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
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
