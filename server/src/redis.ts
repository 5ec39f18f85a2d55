// Redis for several server processes: Colyseus keeps its room listing (driver) and its pub/sub
// and locks (presence) there, so any process can find, create and reach any table's room.
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";

export type Scale = {
  presence: RedisPresence;
  driver: RedisDriver;
  /** Resolves when Redis answers a PING now (readiness); rejects at once while it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "6379"}`;
}

/** Checks that Redis answers (one clear sentence if not), then opens presence and driver on it. */
export async function connectRedis(url: string): Promise<Scale> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new Error(
      `Could not reach Redis at ${describe(url)} (REDIS_URL): ${(error as Error).message}. Start it, or unset REDIS_URL to run a single process.`,
    );
  } finally {
    probe.disconnect();
  }
  const presence = new RedisPresence(url);
  const driver = new RedisDriver(url);
  // Its own connection, so a PING never waits behind presence's or the driver's traffic; it
  // keeps reconnecting in the background, and fails at once (no queue) while Redis is away.
  const health = new Redis(url, {
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  health.on("error", () => {});
  return {
    presence,
    driver,
    async ping() {
      await health.ping();
    },
    async close() {
      health.disconnect();
      presence.shutdown();
      await driver.shutdown();
    },
  };
}
