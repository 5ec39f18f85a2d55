// Everything the built UI serves to a student, scanned for the scenarios' secrets: every file under
// client/.next/static, and the HTML and the React Server Components payload of every route of the
// build (read from its route manifest, so a new page is covered without editing this test) as a
// student's browser would get them, plus the public join API and the error pages. The fingerprints
// come from the scenario files (tests/support/fingerprints.ts). Controls show the scan can see:
// the scenario file and the server's own chunk holding the scenario contain every fingerprint.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getScenario, scenarioIds } from "@red-lines/shared/scenarios";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { postJson } from "../support/api.ts";
import { type RunningApp, startApp } from "../support/app.ts";
import {
  allFingerprints,
  bodyText,
  type Fingerprint,
  fingerprintCounts,
  fingerprintsIn,
  normalize,
} from "../support/fingerprints.ts";

const root = path.resolve(import.meta.dirname, "../..");
const nextDir = path.join(root, "client/.next");
const fingerprints = allFingerprints();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const describeFound = (found: readonly Fingerprint[]) =>
  found.map((f) => `${f.scenario} · ${f.kind} · ${f.label}`);

/** One line for the record of what was scanned (the closing note quotes it). */
function report(what: string, figures: Record<string, unknown>) {
  console.log(`[leak scan] ${what}: ${JSON.stringify(figures)}`);
}

describe("fingerprints", () => {
  it("come from every scenario and are all found in the scenario files themselves", () => {
    expect(scenarioIds.length).toBeGreaterThan(0);
    for (const id of scenarioIds) {
      const own = fingerprints.filter((f) => f.scenario === id);
      const kinds = new Set(own.map((f) => f.kind));
      for (const kind of [
        "private brief",
        "red-line title",
        "red-line explanation",
        "red-line rule",
        "score row",
        "event",
      ]) {
        expect(kinds, `${id} has ${kind} fingerprints`).toContain(kind);
      }
      const file = normalize(readFileSync(path.join(root, `shared/scenarios/${id}.json`), "utf8"));
      expect(own.filter((f) => !file.includes(f.needles[0] ?? "?")).map((f) => f.label)).toEqual([]);
      // Data in another form than JSON: the same needles from the parsed scenario as JS literals.
      expect(getScenario(id)).toBeDefined();
    }
    report("fingerprints per scenario", fingerprintCounts(fingerprints));
  });
});

describe("the built client assets", () => {
  it("hold no fingerprint of any scenario in any file under client/.next/static", () => {
    const files = filesUnder(path.join(nextDir, "static"));
    expect(files.length).toBeGreaterThan(5);
    let bytes = 0;
    const leaks: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      bytes += statSync(file).size;
      for (const line of describeFound(fingerprintsIn(normalize(text), fingerprints))) {
        leaks.push(`${path.relative(nextDir, file)}: ${line}`);
      }
    }
    report("client/.next/static", { files: files.length, bytes });
    // Next serves any file there by its path, referenced by this build or left from another one
    // (turbo restores a cached build over what is there), so every file counts.
    expect(
      leaks,
      "secrets in the browser's assets (if a file is left from another build: rm -rf client/.next && npm run build)",
    ).toEqual([]);
  });

  it("would see a scenario if it were there: the server's chunk that holds it shows every fingerprint", () => {
    // The sources and set-up pages read the scenarios on the server, so the server build holds them
    // in the form the bundler gives JSON; the scan must recognise that form.
    const serverChunks = filesUnder(path.join(nextDir, "server")).filter((f) => f.endsWith(".js"));
    const holding = serverChunks
      .map((file) => ({ file, text: normalize(readFileSync(file, "utf8")) }))
      .filter(({ text }) => fingerprintsIn(text, fingerprints).length > 0);
    expect(holding.length).toBeGreaterThan(0);
    const seen = new Set(holding.flatMap(({ text }) => fingerprintsIn(text, fingerprints)));
    expect(fingerprints.filter((f) => !seen.has(f)).map((f) => f.label)).toEqual([]);
  });
});

describe("every route as served to a student", () => {
  let app: RunningApp;
  let workshop: { workshopId: string; joinCode: string; instructorKey: string };
  let tableId: string;

  beforeAll(async () => {
    // On a copy of the migrated data folder the e2e project's global setup made.
    app = await startApp({ TRUST_PROXY: "true" }, { copyData: inject("appData") });
    const created = await postJson<typeof workshop>(app.url, "/workshops", {
      scenarioId: "ukraine-2026",
      variant: "back-channel",
      tables: 2,
      botFill: true,
    });
    expect(created.status).toBe(201);
    workshop = created.body;
    const joined = await postJson<{ tableId: string }>(app.url, "/join", {
      code: workshop.joinCode,
      name: "Student",
      role: "ukraine",
    });
    expect(joined.status).toBe(201);
    tableId = joined.body.tableId;
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** The addresses a student can reach for one route pattern of the build. */
  function addresses(route: string): string[] {
    if (route === "/_not-found") return [`/no-such-page-${randomUUID()}`];
    const files = scenarioIds.flatMap((id) => getScenario(id)?.documents.map((d) => d.file) ?? []);
    const values: Record<string, string[]> = {
      tableId: [tableId, randomUUID(), "not-a-table"],
      workshopId: [workshop.workshopId, randomUUID()],
      code: [workshop.joinCode, "ZZZZZZ"],
      file: [
        ...files.map(encodeURIComponent),
        // A student may ask for any section, an event's included: the page anchors what is asked.
        `${encodeURIComponent(files[0] ?? "")}?section=${encodeURIComponent("Scenarios and Timelines — Scenario 4")}`,
        "no-such-document.txt",
      ],
    };
    let urls = [route];
    for (const [, name] of route.matchAll(/\[([^\]]+)\]/g)) {
      const options = name ? values[name] : undefined;
      if (!options) throw new Error(`Route ${route} has a parameter [${name}] this test cannot fill yet.`);
      urls = urls.flatMap((url) => options.map((value) => url.replace(`[${name}]`, value)));
    }
    return urls;
  }

  it("carry no fingerprint in their HTML, RSC payload or the public join API", async () => {
    const manifest = JSON.parse(
      readFileSync(path.join(nextDir, "app-path-routes-manifest.json"), "utf8"),
    ) as Record<string, string>;
    // The global error page has no address of its own: it replaces a page that threw, and its
    // scripts are among the static files above. A route handler (/icon.svg) has no RSC payload.
    const routes = Object.values(manifest).filter((route) => route !== "/_global-error");
    const handlers = Object.entries(manifest)
      .filter(([file]) => file.endsWith("/route"))
      .map(([, route]) => route);
    expect(routes).toContain("/table/[tableId]");
    const urls = [
      ...routes.flatMap(addresses),
      `/api/join/${workshop.joinCode}`,
      `/api/tables/${tableId}/debrief`,
      `/api/tables/${tableId}/replay`,
      `/api/no-such-route`,
    ];
    let responses = 0;
    let bytes = 0;
    const leaks: string[] = [];
    const statuses: string[] = [];
    for (const url of urls) {
      const asked = [{ kind: "html", headers: {} as Record<string, string> }];
      if (!url.startsWith("/api/") && !handlers.includes(url))
        asked.push({ kind: "rsc", headers: { rsc: "1" } });
      for (const { kind, headers } of asked) {
        const response = await fetch(`${app.url}${url}`, {
          headers: { ...headers, "x-forwarded-for": `203.0.113.${responses % 200}` },
        });
        const body = await response.text();
        responses += 1;
        bytes += Buffer.byteLength(body);
        statuses.push(`${kind} ${response.status} ${url}`);
        if (kind === "rsc" && response.ok) {
          expect(response.headers.get("content-type"), `${url} as RSC`).toContain("text/x-component");
        }
        for (const line of describeFound(fingerprintsIn(normalize(bodyText(body)), fingerprints))) {
          leaks.push(`${kind} ${url}: ${line}`);
        }
      }
    }
    report("routes as served to a student", {
      routes: routes.length,
      addresses: urls.length,
      responses,
      bytes,
    });
    // The pages did render: the set-up form and the table shell answer 200, unknown pages 404.
    expect(statuses).toContain("html 200 /workshop/new");
    expect(statuses).toContain(`rsc 200 /table/${tableId}`);
    expect(statuses.some((s) => s.startsWith("html 404 /no-such-page-"))).toBe(true);
    expect(leaks).toEqual([]);
  });
});
