// A private Redis on loopback for the several-processes test (Debian's redis-server).
import { spawn } from "node:child_process";
import { freePort } from "./ports.ts";
import { waitFor } from "./wait.ts";

export async function startRedis(cleanups: (() => unknown)[]): Promise<string> {
  const port = await freePort();
  const binary = process.env.REDIS_SERVER ?? "redis-server";
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.on("error", (error) => {
    output += `\n${error.message}`;
  });
  cleanups.push(() => {
    child.kill("SIGKILL");
  });
  await waitFor(
    () => {
      if (child.exitCode !== null || output.includes("ENOENT"))
        throw new Error(`redis-server did not start:\n${output}`);
      return output.includes("Ready to accept connections");
    },
    { timeout: 10_000, what: "redis-server to be ready" },
  );
  return `redis://127.0.0.1:${port}`;
}
