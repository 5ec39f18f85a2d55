// The headers every HTTP answer carries — pages, /_next assets, /api, Colyseus' /matchmake and
// /__healthcheck alike — and the CORS headers, sent only to origins in ALLOWED_ORIGINS. Pages get
// their own Content-Security-Policy with a fresh nonce from client/proxy.ts; the policy here is
// for everything else (JSON, text, assets), where nothing may run or frame. docs/protocol.md,
// "Headers", lists what is sent and why.
import type { IncomingMessage, ServerResponse } from "node:http";
import { connectSourcesHeader } from "@red-lines/shared/engine";
import type { ServerEnv } from "../env.ts";

/** The Content-Security-Policy of every answer that is not a page: nothing runs, nothing frames. */
export const nonPagePolicy =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The built scripts' policy: a web worker runs under its own script's policy, and the scenario
 * studio's worker loads the app's other chunks with importScripts. Same-origin scripts only.
 */
export const builtScriptPolicy =
  "default-src 'none'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A built JavaScript chunk: `/_next/static/…/*.js`. */
export function isBuiltScript(url: string | undefined): boolean {
  const path = (url ?? "").split("?")[0] ?? "";
  return path.startsWith("/_next/static/") && path.endsWith(".js");
}

/** Browser features the app never uses, denied to it and to anything it could embed. */
export const permissionsPolicy = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export function securityHeaders(env: Pick<ServerEnv, "PUBLIC_URL">): Record<string, string> {
  return {
    "Content-Security-Policy": nonPagePolicy,
    "X-Content-Type-Options": "nosniff",
    // Addresses carry join codes, table ids, observer links (?watch=) and replay perspectives,
    // and nothing here reads Referer: send none, not even the origin.
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": permissionsPolicy,
    // Only when people reach the app over TLS: over plain http a browser ignores it anyway, and
    // on a LAN address it must not pin https. No includeSubDomains: the operator's other hosts
    // are not ours to decide for.
    ...(env.PUBLIC_URL?.startsWith("https:") ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** CORS for a listed origin only; any other origin, or none, gets no Access-Control-* header. */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (origin === undefined || !allowed.includes(origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    // The Colyseus SDK fetches with credentials: "include"; a listed site's page needs this.
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "GET, HEAD, POST",
    "Access-Control-Allow-Headers": "Origin, X-Requested-With, Content-Type, Accept, Authorization",
    "Access-Control-Max-Age": "7200",
    Vary: "Origin",
  };
}

/**
 * Where a page may open WebSockets besides its own origin (which client/proxy.ts adds from the
 * request): the public address, this process's PUBLIC_ADDRESS and the other processes' addresses
 * (PEER_ADDRESSES), each as ws: and wss:.
 */
export function connectSources(
  env: Pick<ServerEnv, "PUBLIC_URL" | "PUBLIC_ADDRESS" | "PEER_ADDRESSES">,
): string[] {
  const hosts: string[] = [];
  if (env.PUBLIC_URL) hosts.push(new URL(env.PUBLIC_URL).host);
  if (env.PUBLIC_ADDRESS) hosts.push(env.PUBLIC_ADDRESS);
  hosts.push(...env.PEER_ADDRESSES);
  // An address with a path (one public host, a path per process: deploy/layout.ts) covers the
  // sockets under it only with a trailing slash; without one, CSP matches that exact path alone.
  const scoped = hosts.map((host) => (host.includes("/") && !host.endsWith("/") ? `${host}/` : host));
  const sources = scoped.flatMap((host) => [`ws://${host}`, `wss://${host}`]);
  return [...new Set(sources)];
}

/** Sets every header above on a response before anyone writes it. */
export function createHeaderSetter(
  env: Pick<ServerEnv, "PUBLIC_URL" | "PUBLIC_ADDRESS" | "PEER_ADDRESSES" | "ALLOWED_ORIGINS">,
): (req: IncomingMessage, res: ServerResponse) => void {
  const always = Object.entries(securityHeaders(env));
  const connect = connectSources(env).join(" ");
  return (req, res) => {
    for (const [name, value] of always) res.setHeader(name, value);
    if (isBuiltScript(req.url)) res.setHeader("Content-Security-Policy", builtScriptPolicy);
    for (const [name, value] of Object.entries(corsHeaders(req.headers.origin, env.ALLOWED_ORIGINS))) {
      res.setHeader(name, value);
    }
    req.headers[connectSourcesHeader] = connect;
  };
}
