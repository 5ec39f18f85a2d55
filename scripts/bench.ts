// `npm run bench [-- args]`: `server ...` runs the load benchmark of the table server
// (tests/bench/server), `replay ...` times replay views on a long log (tests/bench/replay),
// `bundle ...` measures each page's first-load JavaScript (tests/bench/bundle), `memory ...` what
// a negotiating table holds in the server's memory (tests/bench/memory);
// anything else runs the vitest benchmarks, with the arguments as filters.
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);

if (args[0] === "server") {
  const { runServerBench } = await import("../tests/bench/server/main.ts");
  process.exit(await runServerBench(args.slice(1)));
} else if (args[0] === "bundle") {
  const { runBundleBench } = await import("../tests/bench/bundle/main.ts");
  process.exit(await runBundleBench(args.slice(1)));
} else if (args[0] === "memory") {
  const { runMemoryBench } = await import("../tests/bench/memory/main.ts");
  process.exit(await runMemoryBench(args.slice(1)));
} else if (args[0] === "replay") {
  const { runReplayBench } = await import("../tests/bench/replay/main.ts");
  process.exit(await runReplayBench(args.slice(1)));
} else {
  // This Node (24, from node_modules), not whichever `node` is first on the PATH.
  const vitest = spawn(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "bench", "--run", "--project", "unit*", ...args],
    { cwd: root, stdio: "inherit" },
  );
  // Ctrl-C reaches vitest too; wait for it to finish and pass its exit code on.
  process.on("SIGINT", () => {});
  vitest.once("exit", (code, signal) =>
    process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)),
  );
  vitest.once("error", (error) => {
    console.error(`Could not start vitest: ${error.message}`);
    process.exit(1);
  });
}
