// The seeded fuzz of the real room (tests/fuzz/roomFuzz.ts): FUZZ_STEPS steps (10,000 in
// `npm test`; `npm run fuzz` runs 50,000 by default) from FUZZ_SEED. Seeds that once failed are
// pinned below by name and played again on every run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { RoomFuzz } from "../fuzz/roomFuzz.ts";
import { startTestServer } from "../support/server.ts";

const settings = z
  .object({
    FUZZ_STEPS: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
    FUZZ_SEED: z.string().min(1).max(100).default("red-lines-fuzz-1"),
  })
  .parse({ FUZZ_STEPS: process.env.FUZZ_STEPS || undefined, FUZZ_SEED: process.env.FUZZ_SEED || undefined });

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer("embedded", { RECONNECT_GRACE_SECONDS: "3" });
});

afterAll(async () => {
  await server?.stop();
});

async function fuzz(seed: string, steps: number) {
  const run = new RoomFuzz(server, { seed, steps });
  const report = await run.run();
  const perMinute = Math.round((report.steps / report.ms) * 60_000);
  console.log(`fuzz seed ${seed}: ${report.steps} steps in ${report.ms} ms (${perMinute} steps a minute)`);
  if (process.env.FUZZ_PROFILE) {
    console.log(JSON.stringify(report.actions));
    console.log(JSON.stringify(run.spent, (_, v) => (typeof v === "number" ? Math.round(v) : v)));
  }
  expect(report.steps).toBe(steps);
}

describe("the table room under a seeded fuzz", () => {
  it(
    `keeps every view, room and seat true to the log over ${settings.FUZZ_STEPS} random steps`,
    async () => {
      await fuzz(settings.FUZZ_SEED, settings.FUZZ_STEPS);
    },
    30 * 60_000,
  );

  // Pinned: at step 136 of this seed a desk went over the polite rate limit, and the room
  // answered `rate-limited` without the intent's id, so the sender never learnt which command to
  // send again, and a table stayed behind its log.
  it("answers a rate-limited command with its intent id (seed red-lines-fuzz-1, 150 steps)", async () => {
    await fuzz("red-lines-fuzz-1", 150);
  }, 120_000);
});
