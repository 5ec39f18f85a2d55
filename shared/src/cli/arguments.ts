// Command-line arguments of the scenario CLI: a small tokenizer, then a zod schema, so every
// mistake becomes one clear line rather than a stack trace.
import { z } from "zod";
import { idSchema } from "../scenario/ids.ts";

export const USAGE = `usage:
  npm run scenario -- check <file|id> [--json]
  npm run scenario -- analyze <file|id> [--variant <id>] [--events <id,id,...>] [--json] [--pareto]`;

const target = z.string({ error: "name a scenario: a built-in id or a JSON file" }).min(1);

const checkArguments = z.strictObject({
  command: z.literal("check"),
  target,
  json: z.boolean().default(false),
});

const analyzeArguments = z.strictObject({
  command: z.literal("analyze"),
  target,
  variant: idSchema.optional(),
  events: z.array(idSchema).default([]),
  json: z.boolean().default(false),
  pareto: z.boolean().default(false),
});

export const cliArgumentsSchema = z.discriminatedUnion("command", [checkArguments, analyzeArguments], {
  error: (issue) => {
    // The union reports the whole arguments object as its input.
    const command = (issue.input as { command?: unknown } | undefined)?.command;
    return command === undefined
      ? "missing command: check or analyze"
      : `unknown command "${String(command)}": use check or analyze`;
  },
});
export type CliArguments = z.infer<typeof cliArgumentsSchema>;

export type ParsedArguments =
  | { ok: true; args: CliArguments }
  | { ok: false; error: string }
  | { ok: "help" };

const valueFlags = new Set(["variant", "events"]);
const booleanFlags = new Set(["json", "pareto"]);

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const raw: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === "--help" || token === "-h" || token === "help") return { ok: "help" };
    if (!token.startsWith("--")) {
      positionals.push(token);
      continue;
    }
    const [name = "", inline] = token.slice(2).split(/=(.*)/s, 2);
    if (booleanFlags.has(name)) {
      if (inline !== undefined) return { ok: false, error: `--${name} takes no value` };
      raw[name] = true;
    } else if (valueFlags.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--"))
        return { ok: false, error: `--${name} needs a value` };
      raw[name] = name === "events" ? value.split(",").filter((e) => e !== "") : value;
    } else {
      return { ok: false, error: `unknown option --${name}` };
    }
  }
  const [command, targetName, ...extra] = positionals;
  if (extra.length > 0) return { ok: false, error: `unexpected argument "${extra[0]}"` };
  const parsed = cliArgumentsSchema.safeParse({ ...raw, command, target: targetName });
  if (parsed.success) return { ok: true, args: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, error: "invalid arguments" };
  const [key, index] = issue.path;
  if (issue.code === "unrecognized_keys") {
    return { ok: false, error: `${issue.keys.map((k) => `--${k}`).join(", ")} does not apply to ${command}` };
  }
  if (key === "command" || key === undefined) return { ok: false, error: issue.message };
  if (key === "target") return { ok: false, error: issue.message };
  const where = index === undefined ? `--${String(key)}` : `--${String(key)} (item ${Number(index) + 1})`;
  return { ok: false, error: `${where}: ${issue.message}` };
}
