// Replay over HTTP: a table's view at any point of its log, from a chosen perspective, and the
// timeline of what that perspective may know happened. Built by folding the stored log (with the
// workshop's scenario snapshot) with the shared engine; the view is `viewFor`, so a seat's
// perspective shows nothing that seat could not see. Instructors may take any perspective;
// a seat, its own or an observer's, once the instructor has shared the table's debrief. Both come
// in the reader's language: `locale` in the query, else their kept choice (the `red-lines-locale`
// cookie), else their browser's languages (Accept-Language), else English.
import type { Db } from "@red-lines/db";
import {
  createReplay,
  describeEvent,
  eventVisibleTo,
  instructorActor,
  observerPerspective,
  type Replay,
  renderer,
  viewFor,
} from "@red-lines/shared/engine";
import type { Request, Response, Router } from "express";
import { z } from "zod";
import { loadTable } from "../tables/tableLog.ts";
import { secretMatches } from "../workshops/secrets.ts";
import { sharingOf } from "./debrief.ts";
import {
  answerIn,
  checkIds,
  credentials,
  fail,
  localeParameter,
  logCache,
  readerLocale,
} from "./requests.ts";

export type ReplayOptions = { prisma: Db };

const perspectiveSchema = z
  .string({ error: "as must name a perspective: instructor, observer or a seat's role id." })
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "as must name a perspective: instructor, observer or a seat's role id.");

const replayQuerySchema = z.strictObject({
  // Plain decimal digits only: not "0x10", "1e3" or " 3", which Number() would take.
  at: z
    .string({ error: "at must be a whole number of events from 0." })
    .regex(/^[0-9]{1,15}$/, "at must be a whole number of events from 0, in plain digits.")
    .transform(Number)
    .optional(),
  as: perspectiveSchema.default(instructorActor),
  /** The reader's language; without it, their cookie's or their browser's. */
  locale: localeParameter,
});
const timelineQuerySchema = z.strictObject({
  as: perspectiveSchema.default(instructorActor),
  locale: localeParameter,
});

/** Replays are kept per table and log length, so scrubbing a long log folds it once. */
const replays = logCache<Replay>(32);

/** The perspectives a seat may take: its own, and an observer's. */
type SeatPerspectives = { seat: string; observer: string };

type Access = {
  loaded: NonNullable<Awaited<ReturnType<typeof loadTable>>>;
  perspectives: "any" | SeatPerspectives;
};

/** Who is asking, and which perspectives they may take; answers the request itself when refused. */
async function access(req: Request, res: Response, prisma: Db): Promise<Access | null> {
  const tableId = String(req.params.tableId);
  if (!checkIds(res, [{ path: "tableId", value: tableId, what: "table" }])) return null;
  const given = credentials(req);
  if (!given) {
    fail(res, 401, {
      code: "credentials-required",
      reason: "replay",
      message:
        "Replays need the instructor link, or a seat at the table once the facilitator shares the debrief.",
    });
    return null;
  }
  const { secret } = given;
  const loaded = await loadTable(prisma, tableId);
  const refuse = () =>
    fail(res, 403, {
      code: "not-allowed",
      reason: "link",
      message: "That link does not give access to this table's replay.",
    });
  if (!loaded) {
    refuse();
    return null;
  }
  if (given.kind === "instructor") {
    if (!secretMatches(secret, loaded.instructorKeyHash)) {
      refuse();
      return null;
    }
    return { loaded, perspectives: "any" };
  }
  const table = await prisma.table.findUnique({ where: { id: tableId }, include: { seats: true } });
  const seat = table?.seats.find((candidate) => secretMatches(secret, candidate.tokenHash));
  if (!table || !seat) {
    refuse();
    return null;
  }
  const sharing = await sharingOf(prisma, tableId);
  if (!sharing.shared) {
    fail(res, 403, {
      code: "not-shared",
      message: "The facilitator has not shared this table's debrief and replay yet.",
    });
    return null;
  }
  return { loaded, perspectives: { seat: seat.role, observer: observerPerspective } };
}

function parseQuery<T>(res: Response, schema: z.ZodType<T>, query: unknown): T | null {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join(".") || "(query)",
    message: issue.message,
  }));
  fail(res, 400, { code: "invalid-request", message: issues.map((i) => i.message).join(" "), issues });
  return null;
}

function allowedPerspective(res: Response, access: Access, perspective: string): boolean {
  const known = [instructorActor, observerPerspective, ...access.loaded.state.turnOrder];
  if (!known.includes(perspective)) {
    fail(res, 400, {
      code: "invalid-request",
      message: `There is no perspective "${perspective}" at this table: use ${known.join(", ")}.`,
      issues: [{ path: "as", message: `Use one of ${known.join(", ")}.` }],
    });
    return false;
  }
  if (access.perspectives !== "any" && !Object.values(access.perspectives).includes(perspective)) {
    const { seat, observer } = access.perspectives;
    fail(res, 403, {
      code: "not-allowed",
      reason: "perspective",
      values: { seat, observer },
      message: `From your seat you may replay the table as yourself or as an observer (${seat} or ${observer}).`,
    });
    return false;
  }
  return true;
}

export function mountReplay(router: Router, options: ReplayOptions): void {
  const build = (loaded: Access["loaded"]) => ({
    replay: replays(loaded, () => createReplay(loaded.config, loaded.events)),
    events: loaded.events,
  });

  router.get("/tables/:tableId/replay", async (req, res) => {
    const query = parseQuery(res, replayQuerySchema, req.query);
    if (!query) return;
    const granted = await access(req, res, options.prisma);
    if (!granted || !allowedPerspective(res, granted, query.as)) return;
    const { replay, events } = build(granted.loaded);
    const at = Math.min(query.at ?? replay.length, replay.length);
    const last = at > 0 ? events[at - 1] : undefined;
    const state = replay.stateAt(at);
    const locale = readerLocale(req, query.locale);
    answerIn(res, locale, {
      at,
      length: replay.length,
      view: viewFor(state, query.as, locale),
      event:
        last && eventVisibleTo(last, query.as)
          ? {
              seq: at,
              at: last.at,
              type: last.type,
              text: renderer(state.effective.scenario, locale)(describeEvent(state, last)),
            }
          : null,
    });
  });

  router.get("/tables/:tableId/timeline", async (req, res) => {
    const query = parseQuery(res, timelineQuerySchema, req.query);
    if (!query) return;
    const granted = await access(req, res, options.prisma);
    if (!granted || !allowedPerspective(res, granted, query.as)) return;
    const { replay } = build(granted.loaded);
    const locale = readerLocale(req, query.locale);
    answerIn(res, locale, { length: replay.length, events: replay.timeline(query.as, locale) });
  });
}
