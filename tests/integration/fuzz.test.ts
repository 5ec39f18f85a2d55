// The seeded fuzz of the real room (tests/fuzz/roomFuzz.ts): FUZZ_STEPS steps per seed (10,000
// by default in `npm test`; `npm run fuzz` runs more). A seed that once failed is pinned below by
// name, so it is played again on every run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoomFuzz } from "../fuzz/roomFuzz.ts";
import { startTestServer } from "../support/server.ts";

const steps = Number(process.env.FUZZ_STEPS ?? 10_000);
const seed = process.env.FUZZ_SEED ?? "red-lines-fuzz-1";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer("embedded", { RECONNECT_GRACE_SECONDS: "3" });
});

afterAll(async () => {
  await server?.stop();
});

describe("the table room under a seeded fuzz", () => {
  it(
    `keeps every view, room and seat true to the log over ${steps} random steps`,
    async () => {
      const fuzz = new RoomFuzz(server, { seed, steps });
      const report = await fuzz.run();
      if (process.env.FUZZ_PROFILE)
        console.log(JSON.stringify(fuzz.spent, (_, v) => (typeof v === "number" ? Math.round(v) : v)));
      const perMinute = Math.round((report.steps / report.ms) * 60_000);
      console.log(
        `fuzz seed ${seed}: ${report.steps} steps in ${report.ms} ms (${perMinute} steps a minute)`,
      );
      console.log(JSON.stringify(report.actions));
      expect(report.steps).toBe(steps);
    },
    20 * 60_000,
  );
});
