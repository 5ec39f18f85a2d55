// What the header rules answer for each setting (the integration and browser tests check them on
// real answers: tests/integration/headers.test.ts, tests/e2e/headers.test.ts).
import { describe, expect, it } from "vitest";
import { connectSources, corsHeaders, isBuiltScript, securityHeaders } from "./headers.ts";

describe("header rules", () => {
  it("send HSTS only when the public address is https", () => {
    expect(securityHeaders({})["Strict-Transport-Security"]).toBeUndefined();
    expect(
      securityHeaders({ PUBLIC_URL: "http://10.0.0.5:3000" })["Strict-Transport-Security"],
    ).toBeUndefined();
    expect(securityHeaders({ PUBLIC_URL: "https://redlines.example.org" })["Strict-Transport-Security"]).toBe(
      "max-age=31536000",
    );
  });

  it("answer CORS to listed origins only", () => {
    const listed = ["https://lms.example.edu"];
    expect(corsHeaders(undefined, listed)).toEqual({});
    expect(corsHeaders("https://evil.example", listed)).toEqual({});
    expect(corsHeaders("https://lms.example.edu.evil.example", listed)).toEqual({});
    expect(corsHeaders("https://lms.example.edu", [])).toEqual({});
    expect(corsHeaders("https://lms.example.edu", listed)).toMatchObject({
      "Access-Control-Allow-Origin": "https://lms.example.edu",
      "Access-Control-Allow-Credentials": "true",
      Vary: "Origin",
    });
  });

  it("let pages connect to the public address, this process's and the other processes'", () => {
    expect(connectSources({ PEER_ADDRESSES: [] })).toEqual([]);
    expect(
      connectSources({
        PUBLIC_URL: "https://redlines.example.org/",
        PUBLIC_ADDRESS: "game-1.redlines.example.org",
        PEER_ADDRESSES: ["game-1.redlines.example.org", "10.0.0.6:3001", "*.redlines.example.org"],
      }),
    ).toEqual([
      "ws://redlines.example.org",
      "wss://redlines.example.org",
      "ws://game-1.redlines.example.org",
      "wss://game-1.redlines.example.org",
      "ws://10.0.0.6:3001",
      "wss://10.0.0.6:3001",
      "ws://*.redlines.example.org",
      "wss://*.redlines.example.org",
    ]);
    // One public host with a path per process: each source covers the sockets under its path.
    expect(
      connectSources({
        PUBLIC_ADDRESS: "redlines.example.org/game-2",
        PEER_ADDRESSES: ["redlines.example.org/game-1/"],
      }),
    ).toEqual([
      "ws://redlines.example.org/game-2/",
      "wss://redlines.example.org/game-2/",
      "ws://redlines.example.org/game-1/",
      "wss://redlines.example.org/game-1/",
    ]);
  });

  it("let built scripts (and so web workers) load the app's other scripts, and nothing else", () => {
    expect(isBuiltScript("/_next/static/chunks/turbopack-worker-1hrsqshz0gfey.js")).toBe(true);
    expect(isBuiltScript("/_next/static/chunks/0cz1d0mv5g_q7.js?dpl=1")).toBe(true);
    expect(isBuiltScript("/_next/static/chunks/app.css")).toBe(false);
    expect(isBuiltScript("/api/studio/scenarios")).toBe(false);
    expect(isBuiltScript("/studio")).toBe(false);
    expect(isBuiltScript("/api/x.js")).toBe(false);
  });
});
