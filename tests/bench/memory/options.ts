// Flags of `npm run bench -- memory`: a small tokenizer, then a zod schema, so every mistake is
// one sentence rather than a stack trace.
import { z } from "zod";
import { tokenizeFlags, whole } from "../server/options.ts";

export const usage = `usage: npm run bench -- memory [options]

Starts a Red Lines server (API only, embedded database in a temporary folder, --expose-gc),
seats --warmup-tables tables, then --tables more, each of four WebSocket clients (started into
negotiating, the instructor gone) saying about --chat public chat lines, and reports what the
server holds per table at rest: heap used, external memory and RSS after forced garbage
collections, the difference between the warm-up tables alone and all the tables, divided by
--tables. With as many warm-up tables as measured ones, what the process grows once under load
(V8's young generation, compiled code, allocator arenas) is in both measurements and the RSS
difference is a table's own.

options:
  --tables <n>          tables to measure, 1-1000 (default 100)
  --warmup-tables <n>   tables seated before the first measurement, 1-1000 (default 1)
  --chat <n>            public chat lines each table says before measuring, 0-300 (default 10)
  --snapshot <dir>      also write a V8 heap snapshot of the server before and after into this
                        folder, and report what a table's room retains and which classes grew
  --json                print one JSON object on stdout (progress goes to stderr)
  --help                this text`;

const memoryOptionsSchema = z.strictObject({
  tables: whole("tables", 1, 1000).default(100),
  warmupTables: whole("warmup-tables", 1, 1000).default(1),
  chat: whole("chat", 0, 300).default(10),
  snapshot: z.string().min(1, "--snapshot needs a folder to write the heap snapshots into.").optional(),
  json: z.boolean().default(false),
});

export type MemoryOptions = z.infer<typeof memoryOptionsSchema>;

const valueFlags: Record<string, keyof MemoryOptions> = {
  tables: "tables",
  "warmup-tables": "warmupTables",
  chat: "chat",
  snapshot: "snapshot",
};

export function parseMemoryArguments(
  argv: readonly string[],
): { ok: true; options: MemoryOptions } | { ok: false; error: string } | { ok: "help" } {
  const flags = tokenizeFlags(argv, valueFlags, { json: "json" });
  if (flags.ok !== true) return flags;
  const { raw } = flags;
  const parsed = memoryOptionsSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join(" ") };
  return { ok: true, options: parsed.data };
}
