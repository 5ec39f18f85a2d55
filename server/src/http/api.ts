// The HTTP API pages call: create a workshop, join by code, the instructor's overview.
// Every body is parsed with zod; every error is { error: { code, message } } with a sentence.
import type { Db } from "@red-lines/db";
import { joinCodeSchema, joinRequestSchema, resolveWorkshopSettings } from "@red-lines/shared/engine";
import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { createWorkshop, instructorOverview, joinWorkshop, seatingFor } from "../workshops/store.ts";
import { mountDebrief } from "./debrief.ts";
import { mountExport } from "./export.ts";
import { createRateLimiter } from "./rateLimit.ts";
import { mountReplay } from "./replay.ts";
import { bearer, fail, uuidPattern } from "./requests.ts";

export type ApiOptions = {
  prisma: Db;
  publicUrl: () => string;
  log: (line: string) => void;
  now?: () => number;
  /** Wrong join codes per client address per minute (guessing); default 20. */
  joinAttemptsPerMinute?: number;
};

export function mountApi(app: Application, options: ApiOptions): void {
  const now = options.now ?? Date.now;
  // Wrong codes are what guessing looks like: few allowed per address. Right codes are a class
  // joining, often from one school address behind NAT: many allowed.
  const guessLimiter = createRateLimiter(options.joinAttemptsPerMinute ?? 20, 60_000);
  const joinLimiter = createRateLimiter(600, 60_000);
  const admit = (req: Request, res: Response): boolean => {
    const address = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const guessing = guessLimiter.check(address, now());
    const allowed = guessing.ok ? joinLimiter.take(address, now()) : guessing;
    if (allowed.ok) return true;
    res.setHeader("Retry-After", String(allowed.retryAfterSeconds));
    fail(res, 429, {
      code: "rate-limited",
      message: `Too many join attempts from this device. Wait ${allowed.retryAfterSeconds} seconds and try again.`,
    });
    return false;
  };
  const wrongCode = (req: Request) =>
    guessLimiter.take(req.ip ?? req.socket.remoteAddress ?? "unknown", now());
  const api = express.Router();
  api.use(express.json({ limit: "16kb" }));

  api.post("/workshops", async (req, res) => {
    const resolved = resolveWorkshopSettings(req.body);
    if (!resolved.ok) {
      fail(res, 400, {
        code: "invalid-request",
        message: resolved.issues.map((issue) => issue.message).join(" "),
        issues: resolved.issues,
      });
      return;
    }
    const created = await createWorkshop(options.prisma, resolved.settings);
    const base = options.publicUrl();
    res.status(201).json({
      ...created,
      joinUrl: `${base}/join/${created.joinCode}`,
      instructorUrl: `${base}/instructor/${created.workshopId}#key=${created.instructorKey}`,
    });
  });

  api.post("/join", async (req, res) => {
    if (!admit(req, res)) return;
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
    if (!result.ok) {
      if (result.code === "unknown-code") wrongCode(req);
      fail(res, result.status, { code: result.code, message: result.message });
      return;
    }
    const { ok: _ok, ...seat } = result;
    res.status(result.rejoined ? 200 : 201).json(seat);
  });

  api.get("/join/:code", async (req, res) => {
    // A wrong code counts like a wrong join: looking codes up is no cheaper way to guess them.
    if (!admit(req, res)) return;
    const code = joinCodeSchema.safeParse(String(req.params.code));
    const seating = code.success ? await seatingFor(options.prisma, code.data) : null;
    if (!seating) {
      wrongCode(req);
      fail(res, 404, {
        code: "unknown-code",
        message: "No workshop has that join code. Check it with your instructor.",
      });
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    res.json(seating);
  });

  api.get("/workshops/:id", async (req, res) => {
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
        message: "That instructor link is not valid for this workshop.",
      });
      return;
    }
    res.json(overview);
  });

  mountExport(api, options);
  mountDebrief(api, options);
  mountReplay(api, options);

  api.use((_req: Request, res: Response) => {
    fail(res, 404, { code: "not-found", message: "There is no such API route." });
  });

  // Express calls a four-argument function with errors: bad JSON, oversized bodies, failures.
  api.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      if (error.type === "entity.parse.failed") {
        fail(res, 400, { code: "invalid-json", message: "The request body is not valid JSON." });
      } else if (error.type === "entity.too.large") {
        fail(res, 413, { code: "too-large", message: "The request body is too large (16 KB at most)." });
      } else {
        options.log(`api: ${error.stack ?? error.message}`);
        fail(res, 503, {
          code: "unavailable",
          message: "The server could not complete that just now; nothing was changed. Try again in a moment.",
        });
      }
    },
  );

  app.use("/api", api);
}
