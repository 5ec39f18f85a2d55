// Starts one real PostgreSQL server for the integration project; each test file makes its own database.
import type { TestProject } from "vitest/node";
import { startPostgresServer } from "./postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
