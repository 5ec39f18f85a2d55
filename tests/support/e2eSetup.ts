// Once per browser-test run: the app's first start on an empty data folder (creating and
// migrating the embedded database, as a teacher's first `npm start` does), stopped; every
// browser test file's app then starts on a copy of that folder instead of creating its own.
import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { startApp } from "./app.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated data folder of a stopped app, for `startApp`'s `copyData`. */
    appData: string;
  }
}

export default async function setup(project: TestProject) {
  const app = await startApp({}, { keepData: true });
  await app.stop();
  project.provide("appData", app.dataDir);
  return () => rm(app.dataDir, { recursive: true, force: true });
}
