// The Content-Security-Policy of every page, with a fresh nonce per request (Next 16's proxy, the
// file convention that replaced middleware). Next reads the nonce from the request's policy and
// puts it on its own scripts and inline styles; 'strict-dynamic' lets those load the rest of the
// app's chunks, and nothing else runs. Pages are rendered per request for this (app/layout.tsx).
// The other headers every answer carries are set by the server (server/src/http/headers.ts).
import { connectSourcesHeader } from "@red-lines/shared/protocol";
import { type NextRequest, NextResponse } from "next/server";

/** A source a policy may list: scheme, host (optionally `*.`), port, path; nothing that ends a directive. */
const sourcePattern = /^(?:wss?|https?):\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?(?:\/[\w.-]+)*\/?$/i;
const hostPattern = /^[a-z0-9.-]+(?::\d{1,5})?$/i;

function connectSources(request: NextRequest): string[] {
  const sources = ["'self'"];
  // The game server is this origin: the browser opens its WebSockets to the host it loaded the
  // page from. CSP Level 3 lets 'self' cover ws:/wss: of it; older browsers need them named.
  const host = request.headers.get("host");
  if (host && hostPattern.test(host)) sources.push(`ws://${host}`, `wss://${host}`);
  for (const source of (request.headers.get(connectSourcesHeader) ?? "").split(" ")) {
    if (sourcePattern.test(source) && !sources.includes(source)) sources.push(source);
  }
  return sources;
}

export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
  // React in development rebuilds server error stacks with eval, and Next's development client
  // injects styles without the nonce; neither happens in production.
  const development = process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // <style> and stylesheets: our own files and Next's nonce'd inline styles. style="" attributes
    // (React style props) cannot carry a nonce: allowed, as they cannot run code. Browsers without
    // the -elem/-attr directives fall back to style-src.
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connectSources(request).join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const headers = new Headers(request.headers);
  headers.delete(connectSourcesHeader);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the built assets, and not prefetches (their payloads are not documents).
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
