import path from "node:path";
import { describe, expect, it } from "vitest";
import { readServerEnv } from "./env.ts";

describe("server configuration", () => {
  it("has working defaults for the embedded set-up", () => {
    const result = readServerEnv({});
    expect(result).toEqual({
      ok: true,
      env: {
        PORT: 3000,
        HOST: "0.0.0.0",
        DATA_DIR: path.resolve("data"),
        DATABASE_POOL_SIZE: 10,
        ALLOWED_ORIGINS: [],
        PEER_ADDRESSES: [],
        TRUST_PROXY: false,
        RECONNECT_GRACE_SECONDS: 60,
        BOT_DELAY_MS: 2000,
        NODE_ENV: "production",
        LOG_LEVEL: "info",
      },
    });
  });

  it("treats empty assignments, as in a copied .env.example, as unset", () => {
    const result = readServerEnv({ DATABASE_URL: "", PUBLIC_URL: "", ALLOWED_ORIGINS: "", PORT: "" });
    expect(result.ok && result.env.DATABASE_URL).toBeUndefined();
    expect(result.ok && result.env.PORT).toBe(3000);
  });

  it("accepts a PostgreSQL URL and a list of origins", () => {
    const result = readServerEnv({
      DATABASE_URL: "postgres://rl:secret@db.internal:5432/redlines",
      ALLOWED_ORIGINS: "https://lms.example.edu, http://localhost:4000",
    });
    expect(result.ok && result.env.DATABASE_URL).toBe("postgres://rl:secret@db.internal:5432/redlines");
    expect(result.ok && result.env.ALLOWED_ORIGINS).toEqual([
      "https://lms.example.edu",
      "http://localhost:4000",
    ]);
  });

  it("takes Redis for several processes only with a shared PostgreSQL, and says why otherwise", () => {
    const shared = readServerEnv({
      DATABASE_URL: "postgres://rl@db.internal/redlines",
      REDIS_URL: "redis://cache.internal:6379",
      PUBLIC_ADDRESS: "game-2.redlines.example.org",
    });
    expect(shared.ok && [shared.env.REDIS_URL, shared.env.PUBLIC_ADDRESS]).toEqual([
      "redis://cache.internal:6379",
      "game-2.redlines.example.org",
    ]);
    const alone = readServerEnv({ REDIS_URL: "redis://localhost:6379" });
    expect(!alone.ok && alone.problems.join("\n")).toMatch(/set DATABASE_URL too/);
    const wrong = readServerEnv({ DATABASE_URL: "postgres://x@y/z", REDIS_URL: "http://localhost:6379" });
    expect(!wrong.ok && wrong.problems.join("\n")).toMatch(/REDIS_URL must be a Redis URL/);
    const address = readServerEnv({
      DATABASE_URL: "postgres://x@y/z",
      REDIS_URL: "redis://r",
      PUBLIC_ADDRESS: "https://game-1.example.org",
    });
    expect(!address.ok && address.problems.join("\n")).toMatch(
      /PUBLIC_ADDRESS must be this process's host name/,
    );
  });

  it("takes the other processes' addresses for the pages' WebSockets, and says what is wrong", () => {
    const peers = readServerEnv({
      DATABASE_URL: "postgres://x@y/z",
      REDIS_URL: "redis://r",
      PEER_ADDRESSES: " game-1.redlines.example.org, 10.0.0.6:3001 ,*.redlines.example.org",
    });
    expect(peers.ok && peers.env.PEER_ADDRESSES).toEqual([
      "game-1.redlines.example.org",
      "10.0.0.6:3001",
      "*.redlines.example.org",
    ]);
    const scheme = readServerEnv({
      DATABASE_URL: "postgres://x@y/z",
      REDIS_URL: "redis://r",
      PEER_ADDRESSES: "wss://game-1.example.org",
    });
    expect(!scheme.ok && scheme.problems.join("\n")).toMatch(/PEER_ADDRESSES must be a comma-separated list/);
    const alone = readServerEnv({ PEER_ADDRESSES: "game-1.example.org" });
    expect(!alone.ok && alone.problems.join("\n")).toMatch(
      /PEER_ADDRESSES only matters when several processes/,
    );
  });

  it("gives one sentence per bad setting, naming it", () => {
    const result = readServerEnv({
      DATABASE_URL: "mysql://root@localhost/db",
      PORT: "70000",
      ALLOWED_ORIGINS: "https://ok.example,https://bad.example/path",
      DATABASE_POOL_SIZE: "0",
      PUBLIC_URL: "not a url",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(5);
      expect(result.problems.join("\n")).toMatch(/DATABASE_URL must be a PostgreSQL connection URL/);
      expect(result.problems.join("\n")).toMatch(/PORT must be a number from 0 to 65535/);
      expect(result.problems.join("\n")).toMatch(/ALLOWED_ORIGINS must be a comma-separated list of origins/);
      expect(result.problems.join("\n")).toMatch(
        /DATABASE_POOL_SIZE must be a whole number between 1 and 100/,
      );
      expect(result.problems.join("\n")).toMatch(/PUBLIC_URL must be the full address/);
    }
  });

  it("takes a long studio key, and says why a short one or one with blanks is refused", () => {
    const key = "a-long-random-studio-key-0123";
    const good = readServerEnv({ STUDIO_KEY: key });
    expect(good.ok && good.env.STUDIO_KEY).toBe(key);
    const short = readServerEnv({ STUDIO_KEY: "short-key" });
    expect(!short.ok && short.problems).toEqual([
      expect.stringMatching(/^STUDIO_KEY must be at least 16 characters long/),
    ]);
    const blank = readServerEnv({ STUDIO_KEY: "a long random studio key" });
    expect(!blank.ok && blank.problems.join("\n")).toMatch(/STUDIO_KEY must not contain spaces/);
  });

  it("takes a long metrics token, a log level and a log format, and says why bad ones are refused", () => {
    const good = readServerEnv({
      METRICS_TOKEN: "0123456789abcdef0123",
      LOG_LEVEL: "debug",
      LOG_FORMAT: "pretty",
    });
    expect(good.ok && [good.env.METRICS_TOKEN, good.env.LOG_LEVEL, good.env.LOG_FORMAT]).toEqual([
      "0123456789abcdef0123",
      "debug",
      "pretty",
    ]);
    const bad = readServerEnv({ METRICS_TOKEN: "short", LOG_LEVEL: "verbose", LOG_FORMAT: "xml" });
    expect(!bad.ok && bad.problems).toEqual([
      expect.stringMatching(/^METRICS_TOKEN must be at least 16 characters long/),
      expect.stringMatching(/^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent/),
      expect.stringMatching(/^LOG_FORMAT must be json or pretty/),
    ]);
    const blank = readServerEnv({ METRICS_TOKEN: "a long metrics token with blanks" });
    expect(!blank.ok && blank.problems.join("\n")).toMatch(/METRICS_TOKEN must be printable ASCII/);
  });

  it("refuses a DATABASE_URL without a host", () => {
    const result = readServerEnv({ DATABASE_URL: "postgresql:///redlines" });
    expect(result.ok).toBe(false);
  });
});
