// `npm run bench -- bundle [--json]`: each page's first-load JavaScript as a browser receives it.
// Starts the built app (`npm run build` first), sets up a workshop with a seated student so every
// route has a real address, asks each page for its HTML as a first visit would, and fetches every
// script the HTML loads from /_next/static. Reports each route's scripts in bytes, raw and gzipped
// (level 9, what a compressing proxy in front of it would send), against the targets of issue 15:
// 150 KB gzipped for the landing and join pages, 200 KB for the table page.
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { postJson } from "../../support/api.ts";
import { startApp } from "../../support/app.ts";

const optionsSchema = z.strictObject({ json: z.boolean().default(false) });
type Options = z.infer<typeof optionsSchema>;

function parse(argv: readonly string[]): Options | string {
  const raw: Record<string, unknown> = {};
  for (const token of argv) {
    if (token === "--json") raw.json = true;
    else return `unknown option ${token} (options: --json)`;
  }
  const parsed = optionsSchema.safeParse(raw);
  return parsed.success ? parsed.data : parsed.error.issues.map((issue) => issue.message).join("; ");
}

/** The gzipped first-load budget per route, where issue 15 sets one (bytes). */
const targets: Record<string, number> = {
  "/": 150 * 1024,
  "/join/[code]": 150 * 1024,
  "/table/[tableId]": 200 * 1024,
};

export type RouteFigure = {
  route: string;
  path: string;
  scripts: number;
  bytes: number;
  gzip: number;
  target: number | null;
};

/**
 * The script addresses a page's HTML loads from the app's own static files, in order, once each.
 * `noModule` scripts (legacy polyfills) are left out: a current browser never fetches them.
 */
export function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1] ?? "";
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1] ?? "";
    if (src.startsWith("/_next/static/")) found.add(src.replaceAll("&amp;", "&"));
  }
  return [...found];
}

export async function runBundleBench(argv: readonly string[]): Promise<number> {
  const options = parse(argv);
  if (typeof options === "string") {
    console.error(`bench bundle: ${options}`);
    return 2;
  }
  const app = await startApp();
  try {
    const created = await postJson<{ workshopId: string; joinCode: string; instructorKey: string }>(
      app.url,
      "/workshops",
      { scenarioId: "ukraine-2026", variant: "back-channel", tables: 1 },
    );
    if (created.status !== 201)
      throw new Error(`could not create a workshop: ${JSON.stringify(created.body)}`);
    const { workshopId, joinCode } = created.body;
    const joined = await postJson<{ tableId: string }>(app.url, "/join", {
      code: joinCode,
      name: "Bench",
      role: "ukraine",
    });
    if (joined.status !== 201) throw new Error(`could not join: ${JSON.stringify(joined.body)}`);
    const { tableId } = joined.body;
    const routes: [string, string][] = [
      ["/", "/"],
      ["/join/[code]", `/join/${joinCode}`],
      ["/workshop/new", "/workshop/new"],
      ["/table/[tableId]", `/table/${tableId}`],
      ["/instructor/[workshopId]", `/instructor/${workshopId}`],
      ["/instructor/[workshopId]/join", `/instructor/${workshopId}/join`],
      ["/instructor/[workshopId]/class", `/instructor/${workshopId}/class`],
      ["/debrief/[tableId]", `/debrief/${tableId}`],
      ["/replay/[tableId]", `/replay/${tableId}`],
      ["/guide", "/guide"],
      ["/sandbox", "/sandbox"],
      ["/studio", "/studio"],
    ];
    const cache = new Map<string, { bytes: number; gzip: number }>();
    const figures: RouteFigure[] = [];
    for (const [route, path] of routes) {
      const page = await fetch(`${app.url}${path}`);
      if (!page.ok) throw new Error(`${path} answered ${page.status}`);
      const scripts = scriptsOf(await page.text());
      let bytes = 0;
      let gzip = 0;
      for (const src of scripts) {
        let size = cache.get(src);
        if (!size) {
          const body = Buffer.from(await (await fetch(`${app.url}${src}`)).arrayBuffer());
          size = { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
          cache.set(src, size);
        }
        bytes += size.bytes;
        gzip += size.gzip;
      }
      figures.push({ route, path, scripts: scripts.length, bytes, gzip, target: targets[route] ?? null });
    }
    if (options.json) {
      console.log(JSON.stringify({ routes: figures.map(({ path: _, ...figure }) => figure) }, null, 2));
    } else {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log("first-load JavaScript per route (gzip -9):");
      for (const f of figures) {
        const verdict =
          f.target === null ? "" : f.gzip <= f.target ? `  within ${kb(f.target)}` : `  OVER ${kb(f.target)}`;
        console.log(
          `  ${f.route.padEnd(32)} ${String(f.scripts).padStart(3)} scripts  ${kb(f.bytes).padStart(10)} raw  ${kb(f.gzip).padStart(9)} gzip${verdict}`,
        );
      }
    }
    return 0;
  } finally {
    await app.stop();
  }
}
