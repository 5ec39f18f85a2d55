import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/server.ts";
import { upgradeStatus } from "../support/upgrade.ts";

const lms = "https://lms.example.edu";
let server: Awaited<ReturnType<typeof startTestServer>>;
let tls: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  [server, tls] = await Promise.all([
    startTestServer("embedded", { ALLOWED_ORIGINS: lms }),
    startTestServer("embedded", { PUBLIC_URL: "https://redlines.example.org" }),
  ]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), tls?.stop()]);
});

type Call = { name: string; method: string; path: string; body?: unknown };

/** One of each kind of answer: the API (found, created, refused, unknown route) and Colyseus'. */
const calls: Call[] = [
  { name: "API look-up (404)", method: "GET", path: "/api/join/ZZZZ-ZZZ2" },
  {
    name: "API create (201)",
    method: "POST",
    path: "/api/workshops",
    body: { scenarioId: "ukraine-2026", tables: 1 },
  },
  { name: "API refusal (400)", method: "POST", path: "/api/join", body: { code: "nope" } },
  { name: "API unknown route", method: "GET", path: "/api/nothing-here" },
  { name: "Colyseus health check", method: "GET", path: "/__healthcheck" },
  { name: "Colyseus matchmaking", method: "POST", path: "/matchmake/joinOrCreate/negotiation", body: {} },
  { name: "Colyseus preflight", method: "OPTIONS", path: "/matchmake/joinOrCreate/negotiation" },
  { name: "Colyseus root", method: "GET", path: "/" },
];

function call(base: string, { method, path, body }: Call, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      "x-forwarded-for": `10.12.0.${Math.floor(Math.random() * 250) + 1}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function corsHeaderNames(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
}

describe("every answer", () => {
  it.each(calls)("$name carries the security headers", async (route) => {
    const response = await call(server.url, route);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const permissions = response.headers.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(permissions).toContain(`${feature}=()`);
    }
    // Not a page: nothing may run in it or frame it.
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    // Served over plain http (PUBLIC_URL unset): no HSTS.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it.each(calls)("$name carries HSTS when PUBLIC_URL is https", async (route) => {
    const response = await call(tls.url, route);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("CORS", () => {
  it.each(calls)("$name sends no CORS header without an Origin or to an unlisted one", async (route) => {
    expect(corsHeaderNames(await call(server.url, route))).toEqual([]);
    expect(corsHeaderNames(await call(server.url, route, { origin: "https://evil.example" }))).toEqual([]);
    // Its own origin needs none either: a same-origin request is not cross-origin.
    expect(corsHeaderNames(await call(server.url, route, { origin: server.url }))).toEqual([]);
  });

  it.each(calls)("$name allows an origin in ALLOWED_ORIGINS, and only that one", async (route) => {
    const response = await call(server.url, route, { origin: lms });
    expect(response.headers.get("access-control-allow-origin")).toBe(lms);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, POST");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Content-Type.*Authorization/);
    expect(response.headers.get("access-control-max-age")).toBe("7200");
    expect(response.headers.get("vary")).toMatch(/Origin/);
    // The server whose ALLOWED_ORIGINS is empty allows nobody.
    expect(corsHeaderNames(await call(tls.url, route, { origin: lms }))).toEqual([]);
  });
});

describe("WebSocket upgrades", () => {
  const upgrade = (origin: string | undefined) =>
    upgradeStatus(`${server.url}/some-process/some-room?sessionId=x`, origin);

  it("refuses a page from an unlisted site and lets its own and listed origins through", async () => {
    expect(await upgrade("https://evil.example")).toBe(403);
    expect(await upgrade("null")).toBe(403);
    expect(await upgrade(server.url)).not.toBe(403);
    expect(await upgrade(lms)).not.toBe(403);
  });
});
