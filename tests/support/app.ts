// The app as `npm start` runs it (built UI, embedded database), in a child process on a free port.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./ports.ts";
import { waitFor } from "./wait.ts";

const root = path.resolve(import.meta.dirname, "../..");

export type RunningApp = {
  url: string;
  output: () => string;
  /**
   * Stops the process (SIGTERM, as a deploy does, or SIGKILL, as a crash does) and starts it
   * again on the same port and data; resolves when the new one says it is ready.
   */
  restart(signal: "SIGTERM" | "SIGKILL"): Promise<void>;
  /** Stops the process and removes its data folder, unless it was started with `keepData`. */
  stop(): Promise<void>;
  /** The app's own data folder (DATA_DIR). */
  dataDir: string;
};

export type AppOptions = {
  /**
   * A data folder of a stopped app to start from, copied into the app's own folder (which
   * skips creating and migrating the embedded database: seconds of CPU on every start).
   */
  copyData?: string;
  /** Leaves the data folder in place when the app stops (to be copied by later apps). */
  keepData?: boolean;
};

export async function startApp(
  extraEnv: Record<string, string> = {},
  { copyData, keepData = false }: AppOptions = {},
): Promise<RunningApp> {
  if (!existsSync(path.join(root, "client/.next/BUILD_ID"))) {
    throw new Error("The web UI is not built: run `npm run build` first (npm test and npm run test:e2e do).");
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "red-lines-e2e-"));
  if (copyData) await cp(copyData, dataDir, { recursive: true });
  let port = await freePort();
  let output = "";
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function launch(): Promise<void> {
    const started = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    const from = output.length;
    started.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    started.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    await waitFor(
      () => {
        if (started.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
        return output.slice(from).includes("ready at");
      },
      { timeout: 60_000, interval: 50, what: "the app's ready line" },
    );
  }

  async function halt(signal: "SIGTERM" | "SIGKILL"): Promise<void> {
    child?.kill(signal);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child?.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  }

  // A free port is free when asked, not necessarily when the app binds it: another test file
  // running beside this one may have taken it in between. Then another port.
  for (let attempt = 1; ; attempt += 1) {
    const from = output.length;
    try {
      await launch();
      break;
    } catch (error) {
      child?.kill("SIGKILL");
      await exited;
      if (attempt < 3 && /already in use|EADDRINUSE/.test(output.slice(from))) {
        port = await freePort();
        continue;
      }
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async restart(signal) {
      await halt(signal);
      await launch();
    },
    async stop() {
      await halt("SIGTERM");
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
    dataDir,
  };
}
