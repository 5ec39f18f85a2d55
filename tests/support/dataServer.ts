// Servers on a database that outlives them, for the tests of students' data: a backup restored
// into a folder, retention run by a server started on rows written by another. Log lines are
// collected as startTestServer collects them.
import { randomUUID } from "node:crypto";
import type { DatabaseSettings } from "@red-lines/db";
import { createLogger, type RunningServer, serverEnvSchema, startServer } from "@red-lines/server";
import { postJson } from "./api.ts";
import { actorOn } from "./seats.ts";
import type { LogRecord } from "./server.ts";

export type DataServer = RunningServer & { records: LogRecord[] };

/** A server on `settings` (an embedded folder, or a PostgreSQL URL); stop() leaves the data. */
export async function startServerOn(
  settings: Pick<DatabaseSettings, "DATA_DIR" | "DATABASE_URL">,
  extraEnv: Record<string, string> = {},
): Promise<DataServer> {
  const env = serverEnvSchema.parse({
    PORT: "0",
    HOST: "127.0.0.1",
    TRUST_PROXY: "true",
    BOT_DELAY_MS: "60000",
    ...extraEnv,
    DATA_DIR: settings.DATA_DIR,
    ...(settings.DATABASE_URL ? { DATABASE_URL: settings.DATABASE_URL } : {}),
  });
  const records: LogRecord[] = [];
  const logger = await createLogger(env, {
    write(line: string) {
      records.push(JSON.parse(line) as LogRecord);
    },
  });
  const server = await startServer({ env, web: false, logger });
  return { ...server, url: `http://127.0.0.1:${server.port}`, records };
}

export type TestWorkshop = { workshopId: string; joinCode: string; instructorKey: string };

/** A flagship workshop of `tables` tables whose empty seats bots take when a table starts. */
export async function createWorkshop(url: string, tables = 1): Promise<TestWorkshop> {
  const created = await postJson<TestWorkshop>(url, "/workshops", {
    scenarioId: "ukraine-2026",
    variant: "back-channel",
    tables,
    turnSeconds: 900,
    botFill: true,
  });
  if (created.status !== 201) throw new Error(`workshop not created: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** The workshop's tables, from the instructor's overview. */
export async function tablesOf(
  url: string,
  workshop: TestWorkshop,
): Promise<{ id: string; number: number }[]> {
  const response = await fetch(`${url}/api/workshops/${workshop.workshopId}`, {
    headers: { authorization: `Bearer ${workshop.instructorKey}`, "x-forwarded-for": randomUUID() },
  });
  const body = (await response.json()) as { tables: { id: string; number: number }[] };
  return body.tables;
}

/** Starts a table (bots fill it) into negotiation and, with `end`, ends its talks. */
export async function playTable(url: string, tableId: string, instructorKey: string, end: boolean) {
  const instructor = await actorOn(url, { tableId, instructorKey });
  try {
    await instructor.run({ type: "start" });
    await instructor.run({ type: "start" });
    if (end) await instructor.run({ type: "end-talks" });
  } finally {
    await instructor.room.leave();
  }
}
