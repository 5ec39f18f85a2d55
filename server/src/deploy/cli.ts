// `npm run deploy -- <what> [options]`: prints what a deployment of several processes needs,
// from the settings deploy/ecosystem.config.cjs reads (PUBLIC_URL, GAME_PROCESSES,
// GAME_FIRST_PORT; the environment first, then the repository's .env file).
//
//   npm run deploy -- layout                  the processes: ports and public addresses
//   npm run deploy -- caddyfile [--tls T]     Caddy's configuration: T is acme (default: Let's
//                                             Encrypt / ZeroSSL, the host must be public), internal
//                                             (Caddy's own authority, for an intranet), or
//                                             CERT.pem,KEY.pem (the institution's certificate)
//          [--email you@example.org]          the ACME account's contact
//   npm run deploy -- prometheus              a Prometheus scrape job for every process
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  caddyfile,
  layoutOf,
  prometheusScrapeConfig,
  readDeployEnv,
  repositoryRoot,
  type TlsChoice,
} from "./layout.ts";

const usage =
  "Usage: npm run deploy -- layout | caddyfile [--tls acme|internal|CERT.pem,KEY.pem] [--email ADDRESS] | prometheus";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const tlsSchema = z
  .string()
  .default("acme")
  .transform((value, context): TlsChoice => {
    if (value === "acme" || value === "internal") return { kind: value };
    const [certificate, key, ...rest] = value.split(",").map((part) => part.trim());
    if (certificate && key && rest.length === 0) return { kind: "files", certificate, key };
    context.addIssue({
      code: "custom",
      message: "--tls must be acme, internal, or the certificate and key files as CERT.pem,KEY.pem",
    });
    return z.NEVER;
  });

const optionsSchema = z.object({
  what: z.enum(["layout", "caddyfile", "prometheus"], {
    error: (issue) => `Unknown thing to print: ${String(issue.input ?? "(none)")}.`,
  }),
  tls: tlsSchema,
  email: z.email("--email must be an e-mail address").optional(),
});

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { tls: { type: "string" }, email: { type: "string" } },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const options = optionsSchema.safeParse({ what: parsed.positionals[0], ...parsed.values });
if (!options.success || parsed.positionals.length > 1) {
  fail(
    `${options.success ? "One thing at a time." : options.error.issues.map((issue) => issue.message).join("\n")}\n${usage}`,
  );
}

const dotenv = path.join(repositoryRoot, ".env");
if (existsSync(dotenv)) process.loadEnvFile(dotenv);
// This prints configuration; it does not start processes, so it needs no database settings.
const settings = readDeployEnv({ ...process.env, DATABASE_URL: "-", REDIS_URL: "-" });
if (!settings.ok) fail(`Fix these settings first:\n  - ${settings.problems.join("\n  - ")}`);
const layout = layoutOf(settings.env);
const { what, tls, email } = options.data;

if (what === "layout") {
  console.log(`Public address: ${layout.publicUrl}`);
  for (const game of layout.processes) {
    console.log(`  ${game.name}: 127.0.0.1:${game.port}, PUBLIC_ADDRESS=${game.publicAddress}`);
  }
} else if (what === "caddyfile") {
  process.stdout.write(
    caddyfile(layout, { tls: tls.kind === "acme" && email ? { kind: "acme", email } : tls }),
  );
} else {
  process.stdout.write(prometheusScrapeConfig(layout));
}
