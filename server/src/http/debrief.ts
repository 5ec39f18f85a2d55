// Debriefs over HTTP: one table's debrief (what happened, what deal was possible, how close the
// table came), the instructor's choice to share it with the table's students, and the class
// view of every table side by side. Computed from the stored log with the workshop's scenario
// snapshot by the shared `debriefFor`, so the figures are the analysis engine's own.
//
// The instructor (Bearer key) always sees everything. A student (Seat token of that table) sees
// the debrief only once the instructor has shared it and the talks there are over; the private
// channels' texts are left out unless the instructor chose to reveal them, and so is the wording
// of the other seats' red lines (each reads its own in full). Bots' reasoning stays.
//
// Each reader gets it in their language: `locale` in the query, else their kept choice (the
// `red-lines-locale` cookie), else their browser's languages (Accept-Language), else English. The
// scenario's words come from its translation, and the summary and discussion questions are
// written in that language from the reader's own copy, after what they may not see is taken out.
import type { Db } from "@red-lines/db";
import {
  type ClassView,
  classRow,
  createAnalysisCache,
  type DebriefFigures,
  type DebriefResponse,
  type DebriefSharing,
  debriefFigures,
  debriefSharingSchema,
  instructorActor,
  type Locale,
  localizeDebrief,
  withOthersRedLinesWithheld,
  withOwnSideOnly,
  withoutPrivateChannels,
  withSentences,
  workshopSettingsSchema,
} from "@red-lines/shared/engine";
import type { Response, Router } from "express";
import { z } from "zod";
import { type LoadedTable, loadTable } from "../tables/tableLog.ts";
import { secretMatches } from "../workshops/secrets.ts";
import {
  answerIn,
  checkIds,
  credentials,
  fail,
  instructorWorkshop,
  logCache,
  type Overview,
  queryReaderLocale,
} from "./requests.ts";

export type DebriefOptions = { prisma: Db };

/** The stored choice; a table never set answers every choice false. */
const storedSharingSchema = z
  .object({
    shared: z.boolean().default(false),
    revealChannels: z.boolean().default(false),
    revealRedLines: z.boolean().default(false),
  })
  .catch({ shared: false, revealChannels: false, revealRedLines: false });

/**
 * Debriefs are kept per table and log length (their figures, in English); analyses per scenario
 * state, across tables. A reader's copy is made from them per request.
 */
const analyses = createAnalysisCache();
const debriefs = logCache<DebriefFigures>(64);

function debriefOf(loaded: LoadedTable): DebriefFigures {
  return debriefs(loaded, () =>
    debriefFigures({ config: loaded.config, events: loaded.events }, { analyses }),
  );
}

/** The debrief's figures with the scenario's words in the reader's language. */
function localized(loaded: LoadedTable, locale: Locale): DebriefFigures {
  return localizeDebrief(debriefOf(loaded), loaded.scenario, locale);
}

/** The instructor's choice for a table's debrief (and replay) with its students. */
export async function sharingOf(prisma: Db, tableId: string): Promise<DebriefSharing> {
  const row = await prisma.table.findUnique({ where: { id: tableId }, select: { debriefSharing: true } });
  return storedSharingSchema.parse(row?.debriefSharing ?? {});
}

function answer(res: Response, locale: Locale, body: DebriefResponse) {
  answerIn(res, locale, body);
}

/** The instructor's copy: everything, in their language. */
function instructorAnswer(res: Response, loaded: LoadedTable, locale: Locale, sharing: DebriefSharing) {
  answer(res, locale, {
    ...withSentences(localized(loaded, locale), loaded.scenario, locale),
    sharing,
    viewer: instructorActor,
  });
}

/**
 * A student's read: their seat's token must match a seat of this table (of this workshop, when
 * the address names one); then the debrief must be shared and the talks over.
 */
async function studentDebrief(
  res: Response,
  prisma: Db,
  seatToken: string,
  tableId: string,
  workshopId: string | undefined,
  locale: Locale,
) {
  const table = await prisma.table.findUnique({
    where: { id: tableId },
    select: { workshopId: true, debriefSharing: true, seats: { select: { role: true, tokenHash: true } } },
  });
  const seat =
    table && (workshopId === undefined || table.workshopId === workshopId)
      ? table.seats.find((candidate) => secretMatches(seatToken, candidate.tokenHash))
      : undefined;
  if (!table || !seat) {
    fail(res, 403, {
      code: "not-seated",
      message: "That seat link is not for this table: only its players may read its debrief.",
    });
    return;
  }
  const sharing = storedSharingSchema.parse(table.debriefSharing);
  if (!sharing.shared) {
    fail(res, 403, {
      code: "debrief-not-shared",
      message: "The facilitator has not shared this table's debrief yet. It opens here once they do.",
    });
    return;
  }
  const loaded = await loadTable(prisma, tableId);
  if (!loaded) {
    fail(res, 404, { code: "no-such-table", reason: "unknown", message: "There is no such table." });
    return;
  }
  if (loaded.state.phase !== "concluded") {
    // Everyone's scores and red lines are in a debrief: none of it before the talks end.
    fail(res, 409, {
      code: "talks-not-over",
      message: "The debrief opens once the talks at your table are over.",
    });
    return;
  }
  // What the seat may not read is taken out first; its summary and questions are written from
  // what is left, in its reader's language.
  const full = localized(loaded, locale);
  const channels = sharing.revealChannels ? full : withoutPrivateChannels(full);
  const redLines = sharing.revealRedLines
    ? channels
    : withOthersRedLinesWithheld(channels, seat.role, locale);
  const copy = withSentences(withOwnSideOnly(redLines, seat.role), loaded.scenario, locale);
  answer(res, locale, { ...copy, sharing, viewer: seat.role });
}

export function mountDebrief(router: Router, options: DebriefOptions): void {
  const { prisma } = options;

  router.get("/workshops/:id/tables/:tableId/debrief", async (req, res) => {
    const workshopId = String(req.params.id);
    const tableId = String(req.params.tableId);
    const ids = [
      { path: "id", value: workshopId, what: "workshop" },
      { path: "tableId", value: tableId, what: "table" },
    ];
    if (!checkIds(res, ids)) return;
    const locale = queryReaderLocale(req, res);
    if (!locale) return;
    const given = credentials(req);
    if (given?.kind === "seat") {
      await studentDebrief(res, prisma, given.secret, tableId, workshopId, locale);
      return;
    }
    const overview = await instructorWorkshop(req, res, prisma, workshopId);
    if (!overview) return;
    if (!overview.tables.some((t) => t.id === tableId)) {
      fail(res, 404, {
        code: "no-such-table",
        reason: "id",
        message: "This workshop has no table with that id.",
      });
      return;
    }
    const loaded = await loadTable(prisma, tableId);
    if (!loaded) {
      fail(res, 404, {
        code: "no-such-table",
        reason: "id",
        message: "This workshop has no table with that id.",
      });
      return;
    }
    instructorAnswer(res, loaded, locale, await sharingOf(prisma, tableId));
  });

  // The same, addressed by the table alone (a student's stored seat, or a link without the workshop).
  router.get("/tables/:tableId/debrief", async (req, res) => {
    const tableId = String(req.params.tableId);
    if (!checkIds(res, [{ path: "tableId", value: tableId, what: "table" }])) return;
    const locale = queryReaderLocale(req, res);
    if (!locale) return;
    const given = credentials(req);
    if (!given) {
      fail(res, 401, {
        code: "credentials-required",
        reason: "debrief",
        message:
          "This needs the instructor link, or a seat at the table once the facilitator shares the debrief.",
      });
      return;
    }
    if (given.kind === "seat") {
      await studentDebrief(res, prisma, given.secret, tableId, undefined, locale);
      return;
    }
    const loaded = await loadTable(prisma, tableId);
    if (!loaded || !secretMatches(given.secret, loaded.instructorKeyHash)) {
      fail(res, 403, {
        code: "not-instructor",
        reason: "table",
        message: "That instructor link is not valid for this table.",
      });
      return;
    }
    instructorAnswer(res, loaded, locale, await sharingOf(prisma, tableId));
  });

  router.post("/workshops/:id/tables/:tableId/debrief/sharing", async (req, res) => {
    const workshopId = String(req.params.id);
    const tableId = String(req.params.tableId);
    const ids = [
      { path: "id", value: workshopId, what: "workshop" },
      { path: "tableId", value: tableId, what: "table" },
    ];
    if (!checkIds(res, ids)) return;
    const overview = await instructorWorkshop(req, res, prisma, workshopId);
    if (!overview) return;
    if (!overview.tables.some((t) => t.id === tableId)) {
      fail(res, 404, {
        code: "no-such-table",
        reason: "id",
        message: "This workshop has no table with that id.",
      });
      return;
    }
    const parsed = debriefSharingSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.join(".") || "(request)",
        message:
          issue.path.length > 0
            ? `${issue.path.join(".")} must be true or false.`
            : "Send { shared: true|false, revealChannels: true|false, revealRedLines: true|false }.",
      }));
      fail(res, 400, { code: "invalid-request", message: issues.map((i) => i.message).join(" "), issues });
      return;
    }
    const sharing: DebriefSharing = parsed.data;
    await prisma.table.update({ where: { id: tableId }, data: { debriefSharing: sharing } });
    res.setHeader("Cache-Control", "no-store");
    res.json({ sharing });
    // Students are waiting on their debrief pages: work it out now, once, so their next look
    // finds it ready rather than each waiting for the analysis.
    if (sharing.shared) {
      void loadTable(prisma, tableId)
        .then((loaded) => {
          if (loaded?.state.phase === "concluded") debriefOf(loaded);
        })
        .catch(() => {
          // Only a warm-up: a student's own request works it out if this could not.
        });
    }
  });

  router.get("/workshops/:id/class", async (req, res) => {
    const workshopId = String(req.params.id);
    if (!checkIds(res, [{ path: "id", value: workshopId, what: "workshop" }])) return;
    const locale = queryReaderLocale(req, res);
    if (!locale) return;
    const overview = await instructorWorkshop(req, res, prisma, workshopId);
    if (!overview) return;
    answerIn(res, locale, await classView(prisma, overview, locale));
  });
}

/**
 * Every table's row, one table at a time (a class of 30 never sits in memory at once), with the
 * scenario's words (seats, variant, outcomes) in the reader's language.
 */
async function classView(prisma: Db, overview: Overview, locale: Locale): Promise<ClassView> {
  const settings = workshopSettingsSchema.parse(overview.settings);
  const rows = [];
  let roles: { id: string; name: string }[] = [];
  let variantName = "";
  for (const table of overview.tables) {
    const loaded = await loadTable(prisma, table.id);
    if (!loaded) continue;
    const debrief = localized(loaded, locale);
    if (roles.length === 0) roles = debrief.roles.map((r) => ({ id: r.id, name: r.name }));
    variantName ||= debrief.scenario.variantName;
    rows.push(classRow(debrief, { number: table.number, id: table.id }));
  }
  return {
    workshop: {
      id: overview.workshopId,
      joinCode: overview.joinCode,
      scenarioId: settings.scenarioId,
      variant: settings.variant,
      variantName,
    },
    roles,
    tables: rows,
  };
}
