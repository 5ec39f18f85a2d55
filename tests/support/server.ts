// A real Red Lines server in this test process on a free port, with a real database of its own.
// Its log lines are collected as the server writes them (JSON, through the server's own logger):
// `logs` holds each line's message (with the error's stack when it has one), `records` the lines.
import { createLogger, type RunningServer, serverEnvSchema, startServer } from "@red-lines/server";
import { type Backend, freshDatabaseSettings } from "./backends.ts";

export type LogRecord = { level: string; time: string; msg: string; err?: { stack?: string } } & Record<
  string,
  unknown
>;

export async function startTestServer(
  backend: Backend = "embedded",
  extraEnv: Record<string, string> = {},
): Promise<RunningServer & { logs: string[]; records: LogRecord[] }> {
  const fresh = await freshDatabaseSettings(backend);
  const env = serverEnvSchema.parse({
    PORT: "0",
    HOST: "127.0.0.1",
    TRUST_PROXY: "true",
    ...extraEnv,
    DATA_DIR: fresh.dataDir,
    ...(fresh.settings.DATABASE_URL ? { DATABASE_URL: fresh.settings.DATABASE_URL } : {}),
  });
  const logs: string[] = [];
  const records: LogRecord[] = [];
  const logger = await createLogger(env, {
    write(line: string) {
      const record = JSON.parse(line) as LogRecord;
      records.push(record);
      logs.push(record.err?.stack ? `${record.msg}\n${record.err.stack}` : record.msg);
    },
  });
  const server = await startServer({ env, web: false, logger });
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    logs,
    records,
    async stop() {
      await server.stop();
      await fresh.cleanup();
    },
  };
}
