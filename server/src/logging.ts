// Structured logs with pino: one JSON object a line (LOG_FORMAT=json, the default outside
// development) or coloured lines for a person (pino-pretty, a development dependency). Errors and
// worse go to stderr, everything else to stdout. Secrets never belong in a line: call sites pass
// ids, counts and codes only, and the redaction below is the belt to those braces.
import { format } from "node:util";
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import type { ServerEnv } from "./env.ts";

export type { Logger } from "pino";

export type LogSettings = Pick<ServerEnv, "LOG_LEVEL" | "LOG_FORMAT"> & {
  /** `npm run dev` or NODE_ENV=development: pretty lines unless LOG_FORMAT says otherwise. */
  development?: boolean;
};

/** Field names that carry secrets or people's words; blanked wherever a call site passes them. */
const secretFields = [
  "authorization",
  "cookie",
  "instructorKey",
  "seatToken",
  "watchToken",
  "studioKey",
  "token",
  "password",
  "secret",
  "text",
  "note",
  // A request body (body-parser puts the raw body on its errors).
  "body",
];

export const redactPaths = secretFields.flatMap((field) => [
  field,
  `*.${field}`,
  `headers.${field}`,
  `*.headers.${field}`,
]);

const base = {
  level: "info",
  redact: { paths: redactPaths, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
} satisfies pino.LoggerOptions;

/**
 * The process's logger. `destination` replaces stdout and stderr (tests collect lines with it);
 * lines are then JSON whatever the format.
 */
export async function createLogger(settings: LogSettings, destination?: DestinationStream): Promise<Logger> {
  const options: pino.LoggerOptions = { ...base, level: settings.LOG_LEVEL };
  if (destination) return pino(withLevelLabels(options), destination);
  // Unset: lines for a person in development or in a terminal (a teacher's `npm start`), JSON
  // for a process manager or a log collector.
  const pretty =
    (settings.LOG_FORMAT ?? (settings.development || process.stdout.isTTY ? "pretty" : "json")) === "pretty";
  if (pretty) {
    const prettyStreams = await prettyDestinations();
    if (prettyStreams) return pino(options, split(prettyStreams.out, prettyStreams.err));
  }
  const logger = pino(
    withLevelLabels(options),
    split(pino.destination({ dest: 1, sync: true }), pino.destination({ dest: 2, sync: true })),
  );
  if (settings.LOG_FORMAT === "pretty") {
    logger.warn(
      "LOG_FORMAT=pretty needs pino-pretty, a development dependency that is not installed here: logging JSON",
    );
  }
  return logger;
}

/** JSON lines say "level":"info" rather than 30, which log collectors read without a table. */
function withLevelLabels(options: pino.LoggerOptions): pino.LoggerOptions {
  return { ...options, formatters: { level: (label) => ({ level: label }) } };
}

/** Errors and fatal lines to stderr, the rest to stdout, each line to one of them. */
function split(out: DestinationStream, err: DestinationStream): pino.MultiStreamRes {
  return pino.multistream(
    [
      { level: "trace", stream: out },
      { level: "error", stream: err },
    ],
    { dedupe: true },
  );
}

async function prettyDestinations(): Promise<{ out: DestinationStream; err: DestinationStream } | null> {
  try {
    const { default: pretty } = await import("pino-pretty");
    const make = (fd: 1 | 2) =>
      pretty({
        destination: fd,
        sync: true,
        colorize: fd === 1 ? process.stdout.isTTY : process.stderr.isTTY,
        translateTime: "SYS:HH:MM:ss.l",
        ignore: "pid,hostname",
      });
    return { out: make(1), err: make(2) };
  } catch {
    return null;
  }
}

/** Arguments as console.* takes them: an Error becomes the line's `err`, the rest its message. */
function logArgs(logger: Logger, level: Level, args: unknown[]): void {
  const error = args.find((arg) => arg instanceof Error);
  const rest = args.filter((arg) => arg !== error);
  const message = rest.length > 0 ? format(...rest) : (error?.message ?? "");
  if (error) logger[level]({ err: error }, message);
  else logger[level](message);
}

/** Colyseus' own logger (a console by default), writing through ours. */
export function colyseusLogger(logger: Logger) {
  const log = logger.child({ component: "colyseus" });
  return {
    trace: (...args: unknown[]) => logArgs(log, "trace", args),
    debug: (...args: unknown[]) => logArgs(log, "debug", args),
    info: (...args: unknown[]) => logArgs(log, "info", args),
    warn: (...args: unknown[]) => logArgs(log, "warn", args),
    error: (...args: unknown[]) => logArgs(log, "error", args),
  };
}

/**
 * What libraries in the process print with console.* (Next.js, its renderer's errors) becomes log
 * lines too, so that a log collector reads nothing but JSON. For `npm start` only, not for tests.
 */
export function captureConsole(logger: Logger): void {
  const log = logger.child({ component: "console" });
  console.log = (...args: unknown[]) => logArgs(log, "info", args);
  console.info = (...args: unknown[]) => logArgs(log, "info", args);
  console.debug = (...args: unknown[]) => logArgs(log, "debug", args);
  console.warn = (...args: unknown[]) => logArgs(log, "warn", args);
  console.error = (...args: unknown[]) => logArgs(log, "error", args);
}

/**
 * What to log of a room's exception: its cause. The exception itself carries the client, its join
 * options (a seat token, an instructor key) and the message's payload (a chat line).
 */
export function roomFault(error: Error): Error {
  return error.cause instanceof Error ? error.cause : new Error(error.message);
}
