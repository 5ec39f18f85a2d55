// Entry point of `npm run scenario`: wires the scenario CLI to the process (arguments, files,
// clock, output streams, exit code). Everything else lives in commands.ts.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { runScenarioCli } from "./commands.ts";

process.exitCode = runScenarioCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  now: () => performance.now(),
});
