// Loaded into the server under test with `--import` when the bench is given --profile: a CPU
// profile of the measured window only (not the set-up). The first SIGUSR2 starts V8's profiler,
// the second stops it and writes window-<pid>.cpuprofile into BENCH_PROFILE_DIR, then prints
// "profile written" on stderr. Bench-only: the server itself knows nothing of it.
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";

const folder = process.env.BENCH_PROFILE_DIR;
if (folder) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    void (async () => {
      if (!running) {
        running = true;
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
        return;
      }
      running = false;
      const { profile } = await session.post("Profiler.stop");
      await writeFile(path.join(folder, `window-${process.pid}.cpuprofile`), JSON.stringify(profile));
      process.stderr.write("profile written\n");
    })();
  });
}
