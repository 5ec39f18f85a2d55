// A real Red Lines server in this test process on a free port, with a real database of its own.
import { type RunningServer, serverEnvSchema, startServer } from "@red-lines/server";
import { type Backend, freshDatabaseSettings } from "./backends.ts";

export async function startTestServer(
  backend: Backend = "embedded",
  extraEnv: Record<string, string> = {},
): Promise<RunningServer & { logs: string[] }> {
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
  const server = await startServer({ env, web: false, log: (line) => logs.push(line) });
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    logs,
    async stop() {
      await server.stop();
      await fresh.cleanup();
    },
  };
}
