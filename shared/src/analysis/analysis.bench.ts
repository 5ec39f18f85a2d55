// Analysis speed: the flagship scenario (12.4 M packages; target ≤ 50 ms for the whole
// analysis) and a synthetic 20 issues × 4 options scenario (≈1.1 × 10^12 packages; target
// ≤ 2 s for the Nash point). Run with `npm run bench -- analysis`.
import { expect, test } from "vitest";
import { effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import { syntheticScenario } from "../scenario/synthetic.ts";
import { analyze } from "./analyze.ts";
import { countFeasible } from "./feasible.ts";
import { kalaiSmorodinskyPoint } from "./kalaiSmorodinsky.ts";
import { compileModel } from "./model.ts";
import { nashPoint } from "./nash.ts";
import { maxWelfarePoint } from "./welfare.ts";

const flagship = getScenario("ukraine-2026");
if (!flagship) throw new Error("flagship scenario missing");
const backChannel = effectiveScenario(flagship, "back-channel");
const publicPositions = effectiveScenario(flagship, "public-positions");
const shocked = effectiveScenario(flagship, "public-positions", [
  "track-two-signal",
  "pokrovsk-breakthrough",
]);

test("flagship ukraine-2026: full analysis", async ({ bench }) => {
  expect(analyze(backChannel).feasible).toBe(7776);
  await bench.compare(
    bench("back-channel: feasible, ZOPA, frontier, Nash, KS, welfare", () => {
      analyze(backChannel);
    }),
    bench("public-positions: infeasible, collisions", () => {
      analyze(publicPositions);
    }),
    bench("public-positions + track-two-signal + pokrovsk", () => {
      analyze(shocked);
    }),
    { time: 1000 },
  );
});

// Four roles, random additive utilities with opposed interests, three red lines per role.
const synthetic = effectiveScenario(syntheticScenario({ seed: "bench", issues: 20, options: 4, roles: 4 }));
// Ten more draws with BATNAs from 40 to 56 and 0–3 red lines per role, some with an empty ZOPA.
const variety = Array.from({ length: 10 }, (_, i) =>
  effectiveScenario(syntheticScenario({ seed: i, batna: 40 + (i % 5) * 4, redLinesPerRole: i % 4 })),
);

test("synthetic 20 issues × 4 options (1.1e12 packages)", async ({ bench }) => {
  expect(nashPoint(compileModel(synthetic))).not.toBeNull();
  await bench.compare(
    bench("feasible count", () => {
      countFeasible(compileModel(synthetic));
    }),
    bench("Nash point", () => {
      nashPoint(compileModel(synthetic));
    }),
    bench("max-welfare point", () => {
      maxWelfarePoint(compileModel(synthetic));
    }),
    bench("Kalai–Smorodinsky point (with ideal point)", () => {
      kalaiSmorodinskyPoint(compileModel(synthetic));
    }),
    bench("Nash point of 10 other draws, in sequence", () => {
      for (const effective of variety) nashPoint(compileModel(effective));
    }),
    { time: 2000, iterations: 5, warmupIterations: 1 },
  );
});
