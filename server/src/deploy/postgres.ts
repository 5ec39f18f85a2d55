// A private PostgreSQL server in a folder of its own, on a loopback port, with no system service:
// for the several-processes trial (npm run trial:start) and the tests. Debian's server binaries
// (apt-get install postgresql). PostgreSQL refuses to run as root; as root it runs as `postgres`.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The folder of pg_ctl and initdb: PG_BIN, or the newest under /usr/lib/postgresql; null if none. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, "pg_ctl"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] === undefined ? null : path.join(root, versions[0], "bin");
}

export function postgresBin(): string {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PG_BIN). " +
        "Install them with: apt-get install -y postgresql",
    );
  }
  return bin;
}

const asRoot = () => process.getuid?.() === 0;

/** Runs initdb, pg_ctl, … from `bin`, as `postgres` when this process is root. */
async function tool(name: string, args: string[], cwd: string) {
  const program = path.join(postgresBin(), name);
  return asRoot()
    ? run("runuser", ["-u", "postgres", "--", program, ...args], { cwd })
    : run(program, args, { cwd });
}

/** Makes `folder` (and what PostgreSQL writes in it) the `postgres` user's, when running as root. */
async function own(folder: string) {
  await mkdir(folder, { recursive: true });
  if (!asRoot()) return;
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  await chown(folder, uid, gid);
}

export type PrivatePostgres = {
  /** The folder holding data/, the socket and server.log. */
  folder: string;
  port: number;
  /** The server's own database, postgres, as the postgres user without a password. */
  url: string;
};

/**
 * Starts the server kept in `folder`, creating its data the first time. `durable: false` trades
 * crash safety for speed (tests).
 */
export async function startPrivatePostgres(
  folder: string,
  port: number,
  options: { durable: boolean },
): Promise<PrivatePostgres> {
  await own(folder);
  const data = path.join(folder, "data");
  if (!existsSync(path.join(data, "PG_VERSION"))) {
    await tool(
      "initdb",
      ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", ...(options.durable ? [] : ["--no-sync"])],
      folder,
    );
  }
  const settings = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-k ${folder}`,
    ...(options.durable ? [] : ["-c fsync=off", "-c full_page_writes=off"]),
  ];
  await tool(
    "pg_ctl",
    ["-D", data, "-l", path.join(folder, "server.log"), "-w", "-o", settings.join(" "), "start"],
    folder,
  );
  return { folder, port, url: `postgresql://postgres@127.0.0.1:${port}/postgres` };
}

/** Stops the server kept in `folder`: `fast` ends sessions and checkpoints, `immediate` does not. */
export async function stopPrivatePostgres(folder: string, mode: "fast" | "immediate"): Promise<void> {
  const data = path.join(folder, "data");
  if (!existsSync(path.join(data, "postmaster.pid"))) return;
  await tool("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"], folder);
}
