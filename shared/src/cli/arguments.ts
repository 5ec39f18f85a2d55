// Command-line arguments of the scenario CLI: a small tokenizer, then a zod schema, so every
// mistake becomes one clear line rather than a stack trace.
import { z } from "zod";
import { type BotStyle, botStyles } from "../bots/styles.ts";
import { idSchema } from "../scenario/ids.ts";

export const USAGE = `usage:
  npm run scenario -- check <file|id> [--json]
  npm run scenario -- analyze <file|id> [--variant <id>] [--events <id,id,...>] [--json] [--pareto]
  npm run scenario -- simulate <file|id> [--variant <id>] [--tables <n>] [--seed <s>]
                       [--style boulware|linear|conceder | --style us=boulware,russia=conceder,...] [--json]`;

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

const styleList = z.string().transform((value, context) => {
  const styles: Record<string, string> = {};
  for (const part of value.split(",").filter((p) => p !== "")) {
    const [role, style] = part.includes("=") ? part.split("=", 2) : ["*", part];
    if (!role || !style || !(botStyles as readonly string[]).includes(style)) {
      context.addIssue({
        code: "custom",
        message: `"${part}" is not a bot style: use ${botStyles.join(", ")}, for all seats or as role=style`,
      });
      return z.NEVER;
    }
    styles[role] = style;
  }
  return styles as Record<string, BotStyle>;
});

const simulateArguments = z.strictObject({
  command: z.literal("simulate"),
  target,
  variant: idSchema.optional(),
  tables: z.coerce
    .number({ error: "must be a whole number from 1 to 10000" })
    .int("must be a whole number from 1 to 10000")
    .min(1, "must be a whole number from 1 to 10000")
    .max(10_000, "must be a whole number from 1 to 10000")
    .default(200),
  seed: z.string().min(1).max(100).default("red-lines"),
  style: styleList.default({ "*": "boulware" }),
  json: z.boolean().default(false),
});

export const cliArgumentsSchema = z.discriminatedUnion(
  "command",
  [checkArguments, analyzeArguments, simulateArguments],
  {
    error: (issue) => {
      // The union reports the whole arguments object as its input.
      const command = (issue.input as { command?: unknown } | undefined)?.command;
      return command === undefined
        ? "missing command: check, analyze or simulate"
        : `unknown command "${String(command)}": use check, analyze or simulate`;
    },
  },
);
export type CliArguments = z.infer<typeof cliArgumentsSchema>;

export type ParsedArguments =
  | { ok: true; args: CliArguments }
  | { ok: false; error: string }
  | { ok: "help" };

const valueFlags = new Set(["variant", "events", "tables", "seed", "style"]);
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
