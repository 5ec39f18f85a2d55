// Prisma Client over the official pg driver adapter: the same code path for PGlite and PostgreSQL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client.ts";

export type Db = PrismaClient;

export function createPrismaClient(url: string, poolSize: number): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}
