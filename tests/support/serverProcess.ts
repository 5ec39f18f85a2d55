// A real Red Lines server as a separate process (`server/src/main.ts --api-only`), for tests that
// kill it, restart it, or run several side by side.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "./ports.ts";
import { waitFor } from "./wait.ts";

const root = path.resolve(import.meta.dirname, "../..");

export type ServerProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  /** What it wrote to stdout and stderr, as it came. */
  output(): string;
  /** What it wrote to stdout alone (its log lines below error level). */
  stdout(): string;
};

/**
 * Starts a server on a free port (or `port`) and waits for its ready line. `cleanups` gets the
 * kill, so an afterEach can stop whatever a test left running.
 */
export async function spawnServer(
  env: Record<string, string>,
  cleanups: (() => unknown)[],
  port?: number,
): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts", "--api-only"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(chosen), HOST: "127.0.0.1", TRUST_PROXY: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  cleanups.push(() => {
    child.kill("SIGKILL");
  });
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
      return output.includes("ready at");
    },
    { timeout: 30_000, what: "the server to be ready" },
  );
  return {
    url: `http://127.0.0.1:${chosen}`,
    port: chosen,
    child,
    output: () => output,
    stdout: () => stdout,
  };
}
