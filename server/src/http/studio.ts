// The scenario studio's routes (`/api/studio/*`): the scenarios there are (built in, and the
// latest version of each stored one), one scenario whole, saving a new version, and exporting
// one as a file that `npm run scenario -- check` accepts. Stored scenarios hold briefs and red
// lines, so every route needs a key: any workshop's instructor key (`Bearer`), or the server's
// STUDIO_KEY (`Studio`). Saves are checked with the CLI's own checks (`loadScenario`).

import type { Db } from "@red-lines/db";
import {
  type HttpErrorBody,
  idSchema,
  loadScenario,
  type StudioSaved,
  type StudioScenario,
  type StudioScenarioList,
  studioAuthSchemes,
  studioBodyLimitBytes,
  studioSaveRequestSchema,
  studioVersionQuerySchema,
} from "@red-lines/shared/engine";
import { getScenario, scenarioIds } from "@red-lines/shared/scenarios";
import express, { type NextFunction, type Request, type Response, Router } from "express";
import {
  builtInSummaries,
  listStoredScenarios,
  saveScenario,
  storedScenario,
} from "../studio/storedScenarios.ts";
import { hashSecret, sameSecret } from "../workshops/secrets.ts";
import { scenarioHash } from "../workshops/store.ts";
import { createKeyLimits, type KeyLimitSettings } from "./keyLimits.ts";
import { fail } from "./requests.ts";

export type StudioOptions = {
  prisma: Db;
  /** STUDIO_KEY: opens the studio besides any instructor key; unset, only instructor keys do. */
  studioKey: string | undefined;
  log: (line: string) => void;
  now?: () => number;
  limits?: KeyLimitSettings;
};

type Given = { scheme: "instructor" | "studio"; secret: string };

/** `Authorization: Bearer <instructorKey>` or `Authorization: Studio <key>`; null otherwise. */
function studioCredentials(req: Request): Given | null {
  const header = req.headers.authorization ?? "";
  const space = header.indexOf(" ");
  if (space < 0) return null;
  const scheme = header.slice(0, space);
  const secret = header.slice(space + 1).trim();
  if (!secret) return null;
  if (scheme === studioAuthSchemes.instructor) return { scheme: "instructor", secret };
  if (scheme === studioAuthSchemes.studio) return { scheme: "studio", secret };
  return null;
}

function noStore(res: Response) {
  // Briefs and red lines: never kept by a browser's or a proxy's cache.
  res.setHeader("Cache-Control", "no-store");
}

type Found = { ok: true; answer: StudioScenario } | ({ ok: false; status: number } & HttpErrorBody);

/** The scenario (and version) the address names, as `GET /studio/scenarios/:id` answers it. */
async function findScenario(prisma: Db, req: Request): Promise<Found> {
  const id = String(req.params.id);
  const query = studioVersionQuerySchema.safeParse(req.query);
  if (!query.success) {
    const issues = query.error.issues.map((issue) => ({
      path: issue.path.join(".") || "(query)",
      message: issue.path.length === 0 ? "The only query this takes is ?version=N." : issue.message,
    }));
    return {
      ok: false,
      status: 400,
      code: "invalid-request",
      message: issues.map((i) => i.message).join(" "),
      issues,
    };
  }
  const { version } = query.data;
  if (!idSchema.safeParse(id).success) {
    return {
      ok: false,
      status: 404,
      code: "no-such-scenario",
      reason: "bad-id",
      message: "There is no scenario with that id: scenario ids are kebab-case, such as my-class-2026.",
    };
  }
  const builtIn = getScenario(id);
  if (builtIn) {
    if (version !== undefined) {
      return {
        ok: false,
        status: 404,
        code: "no-such-version",
        reason: "built-in",
        values: { id },
        message: `Scenario "${id}" is built in and has no versions: leave ?version out.`,
      };
    }
    return {
      ok: true,
      answer: {
        id,
        origin: "built-in",
        version: null,
        hash: scenarioHash(builtIn),
        savedAt: null,
        scenario: builtIn,
        versions: [],
      },
    };
  }
  const found = await storedScenario(prisma, id, version);
  if (!found.ok) return { ok: false, status: 404, ...found.error };
  return {
    ok: true,
    answer: {
      id,
      origin: "stored",
      version: found.chosen.version,
      hash: found.chosen.hash,
      savedAt: found.chosen.savedAt,
      scenario: found.scenario,
      versions: found.versions,
    },
  };
}

export function studioRouter(options: StudioOptions): Router {
  const { prisma } = options;
  const now = options.now ?? Date.now;
  const limits = createKeyLimits(options.limits);
  const router = Router();

  // Who is asking, before any body is read.
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    noStore(res);
    const given = studioCredentials(req);
    if (!given) {
      fail(res, 401, {
        code: "studio-key-required",
        message:
          "The scenario studio needs a key: the instructor key of one of your workshops (Authorization: Bearer <key>, from its instructor link) or the server's studio key (Authorization: Studio <key>).",
      });
      return;
    }
    const address = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const admitted = limits.admit(address, `${given.scheme}:${given.secret}`, now());
    if (!admitted.ok) {
      if (admitted.first) {
        options.log(
          `studio limits: ${address} tried too many keys or sent too many requests; refused for ${admitted.retryAfterSeconds} s`,
        );
      }
      res.setHeader("Retry-After", String(admitted.retryAfterSeconds));
      fail(res, 429, {
        code: "rate-limited",
        reason: "studio",
        values: { seconds: admitted.retryAfterSeconds },
        message: `Too many studio requests or keys tried from this device. Wait ${admitted.retryAfterSeconds} seconds and try again.`,
      });
      return;
    }
    if (given.scheme === "studio" && options.studioKey === undefined) {
      fail(res, 401, {
        code: "no-studio-key",
        message:
          "This server has no studio key (STUDIO_KEY is not set): open the studio with the instructor key of one of your workshops.",
      });
      return;
    }
    const opens =
      given.scheme === "studio"
        ? sameSecret(given.secret, options.studioKey ?? "")
        : (await prisma.workshop.findFirst({
            where: { instructorKeyHash: hashSecret(given.secret) },
            select: { id: true },
          })) !== null;
    if (!opens) {
      fail(res, 401, {
        code: "wrong-key",
        reason: given.scheme,
        message:
          given.scheme === "studio"
            ? "That is not this server's studio key (STUDIO_KEY). Check it, or use the instructor key of one of your workshops."
            : "That instructor key belongs to no workshop on this server. Use the key from one of your workshop's instructor links.",
      });
      return;
    }
    limits.remember(address, `${given.scheme}:${given.secret}`, now());
    next();
  });

  router.get("/scenarios", async (_req, res) => {
    const answer: StudioScenarioList = {
      scenarios: [...builtInSummaries(), ...(await listStoredScenarios(prisma))],
    };
    res.json(answer);
  });

  router.get("/scenarios/:id", async (req, res) => {
    const found = await findScenario(prisma, req);
    if (!found.ok) {
      const { ok: _ok, status, ...error } = found;
      fail(res, status, error);
      return;
    }
    res.json(found.answer);
  });

  router.get("/scenarios/:id/export", async (req, res) => {
    const found = await findScenario(prisma, req);
    if (!found.ok) {
      const { ok: _ok, status, ...error } = found;
      fail(res, status, error);
      return;
    }
    const { id, version, scenario } = found.answer;
    const filename = version === null ? `${id}.json` : `${id}-v${version}.json`;
    res.status(200);
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
    res.end(`${JSON.stringify(scenario, null, 2)}\n`);
  });

  router.post("/scenarios", express.json({ limit: studioBodyLimitBytes }), async (req, res) => {
    const body = studioSaveRequestSchema.safeParse(req.body);
    if (!body.success) {
      const issues = body.error.issues.map((issue) => ({
        path: issue.path.join(".") || "(request)",
        message:
          issue.code === "unrecognized_keys"
            ? `A save sends only { scenario }: ${issue.keys.map((key) => `"${key}"`).join(", ")} is not part of it.`
            : issue.path.length === 0
              ? "Send the scenario as JSON, { scenario: { … } }, with the content type application/json."
              : issue.message,
      }));
      fail(res, 400, {
        code: "invalid-request",
        message: issues.map((i) => i.message).join(" "),
        issues,
      });
      return;
    }
    const loaded = loadScenario(body.data.scenario);
    if (!loaded.ok) {
      const count = loaded.errors.length;
      fail(res, 422, {
        code: "invalid-scenario",
        values: { count },
        message: `The scenario has ${
          count === 1 ? "a problem, listed" : `${count} problems, each listed`
        } with where it is; nothing was saved.`,
        issues: loaded.errors.map(({ path, message }) => ({ path, message })),
      });
      return;
    }
    const { scenario } = loaded;
    if (scenarioIds.includes(scenario.id)) {
      fail(res, 409, {
        code: "built-in-id",
        values: { id: scenario.id },
        message: `"${scenario.id}" is the id of a built-in scenario, which the studio cannot replace: give yours an id of its own (its "id" field, such as "${scenario.id}-my-class") and save again.`,
      });
      return;
    }
    const saved = await saveScenario(prisma, scenario);
    const answer: StudioSaved = saved;
    res.status(saved.unchanged ? 200 : 201).json(answer);
  });

  router.use((error: Error & { type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (error.type === "entity.too.large") {
      fail(res, 413, {
        code: "too-large",
        reason: "scenario",
        values: { mb: studioBodyLimitBytes / 1_048_576 },
        message: `The scenario is too large: the studio takes scenarios of up to ${studioBodyLimitBytes / 1_048_576} MB.`,
      });
      return;
    }
    next(error);
  });

  return router;
}
