// One vitest config for the monorepo: fast unit tests, integration tests against a real
// server and database, and browser end-to-end tests in Debian's Chromium.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Server-only modules of the UI mark themselves with `import "server-only"`, which Next resolves
// (and refuses in client components); tests read them on the server side, as Next's server does.
const serverOnly = fileURLToPath(
  new URL("node_modules/next/dist/compiled/server-only/empty.js", import.meta.url),
);

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { "server-only": serverOnly } },
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
          // Each file starts its own server and database on free ports, and mostly waits on
          // sockets: two at a time even on a 2-core machine (vitest's default there is one).
          maxWorkers: 2,
          globalSetup: ["tests/support/globalSetup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Each file starts its own app (a free port, its own data folder) and its own Chromium,
          // and waits on them most of the time: two files at a time, as in integration (the same
          // count, so that a whole run shares its two workers between the two projects).
          maxWorkers: 2,
          // The app's first start (its database created and migrated) once; each file's app
          // starts on a copy of its data folder.
          globalSetup: ["tests/support/e2eSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
