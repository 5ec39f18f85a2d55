// The HTTP API pages call: create a workshop, join by code, the instructor's overview, and the
// scenario studio (studio.ts, mounted before the 16 KB body parser).
// Every body is parsed with zod; every error is { error: { code, message } } with a sentence.
// The join-code look-up and the instructor's overview give the scenario's words (its title, the
// variant's and roles' names, public stances) in the reader's language: `?locale=`, else the
// `red-lines-locale` cookie, else Accept-Language (requests.ts `queryReaderLocale`).
import type { Db } from "@red-lines/db";
import { joinCodeSchema, joinRequestSchema, resolveWorkshopSettings } from "@red-lines/shared/engine";
import express, { type Application, type NextFunction, type Request, type Response } from "express";
import type { Logger } from "../logging.ts";
import { storedScenarioFor } from "../studio/storedScenarios.ts";
import {
  createWorkshop,
  instructorOverview,
  instructorSummary,
  joinWorkshop,
  seatingFor,
} from "../workshops/store.ts";
import { mountDebrief } from "./debrief.ts";
import { mountDeletion } from "./deletion.ts";
import { mountExport } from "./export.ts";
import type { KeyLimitSettings } from "./keyLimits.ts";
import { createJoinLimits, type JoinLimitSettings } from "./rateLimit.ts";
import { mountReplay } from "./replay.ts";
import { currentRequestLog, requestLog } from "./requestLog.ts";
import { answerIn, bearer, fail, queryReaderLocale, uuidPattern } from "./requests.ts";
import { studioRouter } from "./studio.ts";

export type ApiOptions = {
  prisma: Db;
  publicUrl: () => string;
  /** Each request logs through its own child (requestLog.ts), bound to its request id. */
  logger: Logger;
  now?: () => number;
  /** Join limits per client address (defaults: rateLimit.ts, documented in docs/protocol.md). */
  joinLimits?: JoinLimitSettings;
  /** STUDIO_KEY: opens the scenario studio besides any instructor key. */
  studioKey?: string | undefined;
  /** Studio limits per client address (defaults: keyLimits.ts, documented in docs/protocol.md). */
  studioLimits?: KeyLimitSettings;
};

export function mountApi(app: Application, options: ApiOptions): void {
  const now = options.now ?? Date.now;
  // Codes are counted per address, but a code the address has been answered right is never counted
  // again, so a class behind one school address is never stopped; see rateLimit.ts.
  const joinLimits = createJoinLimits(options.joinLimits);
  const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";
  /** Before a code is looked up: `code` is the canonical code, or null when the request has none. */
  const admit = (req: Request, res: Response, code: string | null): boolean => {
    const address = addressOf(req);
    const decision = joinLimits.admit(address, code, now());
    if (decision.ok) return true;
    if (decision.first) {
      requestLog(req, options.logger).warn(
        { address, limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds },
        decision.limit === "new-codes"
          ? `join limits: ${address} tried too many join codes it did not know; new codes refused for ${decision.retryAfterSeconds} s`
          : `join limits: ${address} sent too many join requests; refused for ${decision.retryAfterSeconds} s`,
      );
    }
    res.setHeader("Retry-After", String(decision.retryAfterSeconds));
    fail(res, 429, {
      code: "rate-limited",
      reason: decision.limit === "new-codes" ? "join-codes" : "join-requests",
      values: { seconds: decision.retryAfterSeconds },
      message:
        decision.limit === "new-codes"
          ? `Too many join attempts from this device. Wait ${decision.retryAfterSeconds} seconds and try again, and check the code with your instructor.`
          : `Too many join attempts from this device. Wait ${decision.retryAfterSeconds} seconds and try again.`,
    });
    return false;
  };
  /** The code exists: this address knows it, and is never limited for it again. */
  const knownCode = (req: Request, code: string) => joinLimits.remember(addressOf(req), code, now());
  const api = express.Router();
  // Before the 16 KB body parser: the studio checks keys first, then reads scenarios of up to 1 MB.
  api.use(
    "/studio",
    studioRouter({
      prisma: options.prisma,
      studioKey: options.studioKey,
      // The studio logs a line without its request at hand: the request's logger all the same.
      log: (line) => currentRequestLog(options.logger).warn(line),
      now,
      ...(options.studioLimits ? { limits: options.studioLimits } : {}),
    }),
  );
  api.use(express.json({ limit: "16kb" }));

  api.post("/workshops", async (req, res) => {
    // A scenario saved from the studio is read from the database; built-in ones are at hand.
    const stored = await storedScenarioFor(options.prisma, req.body);
    const resolved = resolveWorkshopSettings(req.body, stored.lookup);
    if (!resolved.ok) {
      fail(res, 400, {
        code: "invalid-request",
        message: resolved.issues.map((issue) => issue.message).join(" "),
        issues: resolved.issues,
      });
      return;
    }
    const created = await createWorkshop(options.prisma, resolved.settings, stored.hash);
    // The instructor's school address knows its own code: its class is never limited for it.
    knownCode(req, created.joinCode);
    const base = options.publicUrl();
    res.status(201).json({
      ...created,
      joinUrl: `${base}/join/${created.joinCode}`,
      instructorUrl: `${base}/instructor/${created.workshopId}#key=${created.instructorKey}`,
    });
  });

  api.post("/join", async (req, res) => {
    const claimed = joinCodeSchema.safeParse((req.body as { code?: unknown } | undefined)?.code);
    if (!admit(req, res, claimed.success ? claimed.data : null)) return;
    const parsed = joinRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join(".") || "(request)",
        message: issue.message,
      }));
      fail(res, 400, {
        code: "invalid-request",
        message: issues.map((issue) => issue.message).join(" "),
        issues,
      });
      return;
    }
    const { code, name, table, role, seatToken } = parsed.data;
    const result = await joinWorkshop(options.prisma, {
      joinCode: code,
      name,
      choice: { table, role },
      seatToken,
    });
    if (result.ok || result.code !== "unknown-code") knownCode(req, code);
    if (!result.ok) {
      const { ok: _ok, status, ...error } = result;
      fail(res, status, error);
      return;
    }
    const { ok: _ok, ...seat } = result;
    res.status(result.rejoined ? 200 : 201).json(seat);
  });

  api.get("/join/:code", async (req, res) => {
    // The scenario's words in the reader's language (`?locale=`, else cookie, else Accept-Language).
    const locale = queryReaderLocale(req, res);
    if (locale === null) return;
    // A look-up counts like a join: looking codes up is no cheaper way to guess them.
    const code = joinCodeSchema.safeParse(String(req.params.code));
    if (!admit(req, res, code.success ? code.data : null)) return;
    const seating = code.success ? await seatingFor(options.prisma, code.data, locale) : null;
    if (!seating) {
      fail(res, 404, {
        code: "unknown-code",
        message: "No workshop has that join code. Check it with your instructor.",
      });
      return;
    }
    knownCode(req, seating.joinCode);
    answerIn(res, locale, seating);
  });

  api.get("/workshops/:id", async (req, res) => {
    // The scenario's and variant's titles in the reader's language.
    const locale = queryReaderLocale(req, res);
    if (locale === null) return;
    const key = bearer(req);
    if (key === undefined) {
      fail(res, 401, {
        code: "instructor-key-required",
        message: "This needs the instructor key from the instructor link.",
      });
      return;
    }
    const id = String(req.params.id);
    const overview = uuidPattern.test(id) ? await instructorOverview(options.prisma, id, key) : null;
    if (!overview) {
      // One answer for an unknown workshop and a wrong key: neither reveals the other.
      fail(res, 403, {
        code: "not-instructor",
        reason: "workshop",
        message: "That instructor link is not valid for this workshop.",
      });
      return;
    }
    answerIn(res, locale, await instructorSummary(options.prisma, overview, locale));
  });

  mountExport(api, options);
  mountDebrief(api, options);
  mountReplay(api, options);
  mountDeletion(api, options);

  api.use((_req: Request, res: Response) => {
    fail(res, 404, { code: "not-found", reason: "route", message: "There is no such API route." });
  });

  // Express calls a four-argument function with errors: bad JSON, oversized bodies, failures.
  api.use(
    (error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
      if (error.type === "entity.parse.failed") {
        fail(res, 400, { code: "invalid-json", message: "The request body is not valid JSON." });
      } else if (error instanceof URIError) {
        // A broken %-escape in the address, which the router could not decode.
        fail(res, 400, {
          code: "invalid-request",
          message: "The address is not valid: it has a broken %-escape.",
        });
      } else if (error.type === "entity.too.large") {
        fail(res, 413, {
          code: "too-large",
          reason: "body",
          message: "The request body is too large (16 KB at most).",
        });
      } else {
        requestLog(req, options.logger).error({ err: error }, `api: ${error.message}`);
        fail(res, 503, {
          code: "unavailable",
          message: "The server could not complete that just now; nothing was changed. Try again in a moment.",
        });
      }
    },
  );

  app.use("/api", api);
}
