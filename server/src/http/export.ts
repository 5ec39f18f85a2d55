// Table logs for researchers, behind the instructor key: one table or a whole workshop, as JSON
// (`logExportSchema`) or as CSV with one row per event (`logCsvColumns`).
//
// The answer is streamed: each table's events are read a page at a time along the log's primary
// key (table, seq) and written as they come, waiting whenever the client reads slower than we
// write, so a class of 30 tables with thousands of events each never sits in memory as one
// string. Each table is read up to the last event stored when the export began, so a table
// still in play exports a consistent prefix of its log.
import { once } from "node:events";
import type { Db } from "@red-lines/db";
import {
  type ExportedEvent,
  type LogCsvColumn,
  type LogExport,
  logCsvColumns,
  logExportFormat,
  type Scenario,
  workshopSettingsSchema,
} from "@red-lines/shared/engine";
import type { Request, Response, Router } from "express";
import type { Logger } from "../logging.ts";
import { loadTable } from "../tables/tableLog.ts";
import { type CsvValue, csvRecord } from "./csv.ts";
import { requestLog } from "./requestLog.ts";
import { fail, instructorWorkshop, type Overview, uuidPattern } from "./requests.ts";
import { versionsCsv } from "./versionsCsv.ts";

export type ExportOptions = {
  prisma: Db;
  logger: Logger;
  now?: () => number;
  /** Events read from the database at a time. */
  pageSize?: number;
};

type Format = "json" | "csv";
type ExportTable = Overview["tables"][number];
type EventRow = { seq: number; time: Date; type: string; actor: string; payload: unknown };

const formats: Format[] = ["json", "csv"];
const contentTypes: Record<Format, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/**
 * `GET /workshops/:id/log.{json,csv}` and `GET /workshops/:id/tables/:tableId/log.{json,csv}`
 * on the API router.
 */
export function mountExport(router: Router, options: ExportOptions): void {
  router.get("/workshops/:id/versions.csv", (req, res) => exportVersions(req, res, options));
  router.get("/workshops/:id/tables/:tableId/versions.csv", (req, res) => exportVersions(req, res, options));
  for (const format of formats) {
    router.get(`/workshops/:id/log.${format}`, (req, res) => exportLog(req, res, format, options));
    router.get(`/workshops/:id/tables/:tableId/log.${format}`, (req, res) =>
      exportLog(req, res, format, options),
    );
  }
}

async function exportLog(req: Request, res: Response, format: Format, options: ExportOptions) {
  const workshopId = String(req.params.id);
  const tableId = req.params.tableId === undefined ? undefined : String(req.params.tableId);
  const issues = [
    ...(uuidPattern.test(workshopId)
      ? []
      : [{ path: "id", message: "The workshop id in the address is not valid: it is a UUID." }]),
    ...(tableId === undefined || uuidPattern.test(tableId)
      ? []
      : [{ path: "tableId", message: "The table id in the address is not valid: it is a UUID." }]),
  ];
  if (issues.length > 0) {
    fail(res, 400, {
      code: "invalid-request",
      message: issues.map((issue) => issue.message).join(" "),
      issues,
    });
    return;
  }

  const overview = await instructorWorkshop(req, res, options.prisma, workshopId);
  if (!overview) return;
  // Only now, with the key verified, may the answer tell which tables the workshop has.
  const tables = tableId === undefined ? overview.tables : overview.tables.filter((t) => t.id === tableId);
  const only = tables[0];
  if (tableId !== undefined && !only) {
    fail(res, 404, {
      code: "no-such-table",
      reason: "id",
      message: "This workshop has no table with that id.",
    });
    return;
  }

  const settings = workshopSettingsSchema.parse(overview.settings);
  const workshop: LogExport["workshop"] = {
    id: overview.workshopId,
    joinCode: overview.joinCode,
    scenarioId: settings.scenarioId,
    variant: settings.variant,
    settings,
    createdAt: overview.createdAt,
  };
  const exportedAt = new Date((options.now ?? Date.now)()).toISOString();
  const filename = `red-lines-${overview.joinCode}${tableId === undefined ? "" : `-table-${only?.number}`}.${format}`;

  res.status(200);
  res.setHeader("Content-Type", contentTypes[format]);
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");

  const out = streamTo(res);
  try {
    if (format === "json") {
      const scenario = (await loadTable(options.prisma, tables[0]?.id ?? ""))?.scenario ?? null;
      await writeJson(out, options, workshop, exportedAt, tables, scenario);
    } else await writeCsv(out, options, workshop.id, tables);
    res.end();
  } catch (error) {
    if (out.gone()) return; // The client left; nothing to answer.
    if (!res.headersSent) {
      // Nothing sent yet: the API's error handler answers 503, as an error rather than a download.
      res.removeHeader("Content-Disposition");
      throw error;
    }
    // Half a file is worse than none: cut the connection so the download fails visibly.
    requestLog(req, options.logger).error(
      { err: error, workshopId: overview.workshopId, ...(tableId === undefined ? {} : { tableId }) },
      `export: the download was cut off: ${(error as Error).message}`,
    );
    res.destroy();
  }
}

type Out = { write(chunk: string): Promise<void>; gone(): boolean };

/** Writes that wait while the socket's buffer is full, and stop when the client goes away. */
function streamTo(res: Response): Out {
  const left = new AbortController();
  res.once("close", () => left.abort());
  return {
    async write(chunk) {
      if (left.signal.aborted) throw new Error("the client closed the connection");
      if (!res.write(chunk)) await once(res, "drain", { signal: left.signal });
    },
    gone: () => left.signal.aborted && !res.writableFinished,
  };
}

/** A table's events in seq order up to `lastSeq`, a page at a time. */
async function* eventPages(prisma: Db, table: ExportTable, pageSize: number): AsyncGenerator<EventRow[]> {
  let after = 0;
  while (after < table.events) {
    const rows = await prisma.event.findMany({
      where: { tableId: table.id, seq: { gt: after, lte: table.events } },
      orderBy: { seq: "asc" },
      take: pageSize,
      select: { seq: true, time: true, type: true, actor: true, payload: true },
    });
    const last = rows.at(-1);
    if (!last) return;
    yield rows;
    after = last.seq;
  }
}

function exportedEvent(row: EventRow): ExportedEvent {
  return {
    seq: row.seq,
    time: row.time.toISOString(),
    type: row.type,
    actor: row.actor,
    // Written only by the command path from parsed events; passed on as stored.
    payload: row.payload as ExportedEvent["payload"],
  };
}

async function writeJson(
  out: Out,
  options: ExportOptions,
  workshop: LogExport["workshop"],
  exportedAt: string,
  tables: ExportTable[],
  scenario: Scenario | null,
) {
  // Objects are opened by stringifying their small fields and replacing the closing brace.
  const open = (value: object, key: string) => `${JSON.stringify(value).slice(0, -1)},"${key}":[`;
  // The scenario snapshot the tables were played with: the log and it replay the session exactly.
  await out.write(open({ format: logExportFormat, exportedAt, workshop, scenario }, "tables"));
  for (const [index, table] of tables.entries()) {
    const seats = table.seats.map((seat) => ({ role: seat.role, displayName: seat.name }));
    let chunk = `${index === 0 ? "" : ","}\n${open({ id: table.id, number: table.number, seats }, "events")}`;
    let first = true;
    for await (const rows of eventPages(options.prisma, table, options.pageSize ?? 1000)) {
      for (const row of rows) {
        chunk += `${first ? "" : ","}\n${JSON.stringify(exportedEvent(row))}`;
        first = false;
      }
      await out.write(chunk);
      chunk = "";
    }
    await out.write(`${chunk}]}`);
  }
  await out.write("\n]}\n");
}

/** The columns besides the table's and the log's own, read from the event by field name. */
function flattenedColumns(
  payload: unknown,
): Pick<Record<LogCsvColumn, CsvValue>, "seat" | "to" | "issue" | "option" | "version" | "rules" | "text"> {
  const fields = (typeof payload === "object" && payload !== null ? payload : {}) as Record<string, unknown>;
  const pick = (...names: string[]): CsvValue => {
    for (const name of names) {
      const value = fields[name];
      if (typeof value === "string" || typeof value === "number") return value;
    }
    return undefined;
  };
  const list = (name: string): CsvValue => {
    const value = fields[name];
    return Array.isArray(value) ? value.join(" ") : undefined;
  };
  return {
    seat: pick("seat", "from"),
    to: pick("to"),
    issue: pick("issue") ?? list("issues"),
    option: pick("option"),
    version: pick("version"),
    rules: list("rules"),
    text: pick("text", "note"),
  };
}

async function writeCsv(out: Out, options: ExportOptions, workshopId: string, tables: ExportTable[]) {
  await out.write(csvRecord(logCsvColumns));
  for (const table of tables) {
    let round: number | undefined;
    for await (const rows of eventPages(options.prisma, table, options.pageSize ?? 1000)) {
      let chunk = "";
      for (const row of rows) {
        const payload = row.payload as Record<string, unknown>;
        if (row.type === "turn-started" && typeof payload.round === "number") round = payload.round;
        const record: Record<LogCsvColumn, CsvValue> = {
          workshop_id: workshopId,
          table: table.number,
          table_id: table.id,
          seq: row.seq,
          time: row.time.toISOString(),
          type: row.type,
          actor: row.actor,
          round,
          ...flattenedColumns(payload),
          payload_json: JSON.stringify(row.payload),
        };
        chunk += csvRecord(logCsvColumns.map((column) => record[column]));
      }
      await out.write(chunk);
    }
  }
}

/** `versions.csv`: one row per tabled version × issue (versionsCsv.ts says what is in it). */
async function exportVersions(req: Request, res: Response, options: ExportOptions) {
  const workshopId = String(req.params.id);
  const tableId = req.params.tableId === undefined ? undefined : String(req.params.tableId);
  if (!uuidPattern.test(workshopId) || (tableId !== undefined && !uuidPattern.test(tableId))) {
    const path = uuidPattern.test(workshopId) ? "tableId" : "id";
    const message = `The ${path === "id" ? "workshop" : "table"} id in the address is not valid: it is a UUID.`;
    fail(res, 400, { code: "invalid-request", message, issues: [{ path, message }] });
    return;
  }
  const overview = await instructorWorkshop(req, res, options.prisma, workshopId);
  if (!overview) return;
  const tables = tableId === undefined ? overview.tables : overview.tables.filter((t) => t.id === tableId);
  if (tableId !== undefined && tables.length === 0) {
    fail(res, 404, {
      code: "no-such-table",
      reason: "id",
      message: "This workshop has no table with that id.",
    });
    return;
  }
  const loaded = [];
  for (const table of tables) {
    const one = await loadTable(options.prisma, table.id);
    if (one) loaded.push(one);
  }
  const body = versionsCsv(workshopId, loaded);
  const filename = `red-lines-${overview.joinCode}${tableId === undefined ? "" : `-table-${tables[0]?.number}`}-versions.csv`;
  res.status(200);
  res.setHeader("Content-Type", contentTypes.csv);
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.end(body);
}
