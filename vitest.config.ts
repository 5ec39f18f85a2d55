// One vitest config for the monorepo: fast unit tests, integration tests against a real
// server and database, and browser end-to-end tests in Debian's Chromium.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          // Benchmarks (`npm run bench`) belong to this project only, so each runs once.
          benchmark: { include: ["**/*.bench.ts"], exclude: ["**/node_modules/**"] },
          include: [
            "shared/src/**/*.test.ts",
            "server/src/**/*.test.ts",
            "prisma/src/**/*.test.ts",
            "tests/unit/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/globalSetup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
