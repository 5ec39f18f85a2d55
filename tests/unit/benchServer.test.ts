// The server bench's flags and percentile maths (tests/bench/server/options.ts).
import { describe, expect, it } from "vitest";
import { parseBenchArguments, percentile, splitEvenly, summarise } from "../bench/server/options.ts";

function options(argv: string[]) {
  const parsed = parseBenchArguments(argv);
  if (parsed.ok !== true) throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function error(argv: string[]) {
  const parsed = parseBenchArguments(argv);
  if (parsed.ok !== false) throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.error;
}

describe("bench server flags", () => {
  it("defaults to 250 tables for 30 s after 5 s, one intent a table a second, over 2 workers", () => {
    expect(options([])).toEqual({
      tables: 250,
      duration: 30,
      warmup: 5,
      rate: 1,
      workers: 2,
      instructors: false,
      anchor: false,
      json: false,
    });
    expect(options(["--anchor"]).anchor).toBe(true);
  });

  it("takes values after a space or an equals sign", () => {
    expect(options(["--tables", "10", "--duration=12", "--rate", "0.5", "--json"])).toMatchObject({
      tables: 10,
      duration: 12,
      rate: 0.5,
      json: true,
    });
    expect(options(["--database-url", "postgresql://u:p@localhost:5432/db"]).databaseUrl).toBe(
      "postgresql://u:p@localhost:5432/db",
    );
    expect(options(["--metrics", "metrics.txt"]).metrics).toBe("metrics.txt");
  });

  it("gives each worker at most ~1,000 sockets, at least 2 workers, never more workers than tables", () => {
    expect(options(["--tables", "1000"]).workers).toBe(4);
    expect(options(["--tables", "1000", "--instructors"]).workers).toBe(5);
    expect(options(["--tables", "10"]).workers).toBe(2);
    expect(options(["--tables", "1"]).workers).toBe(1);
    expect(options(["--tables", "10", "--workers", "3"]).workers).toBe(3);
  });

  it("refuses bad input with a sentence", () => {
    expect(error(["--tables", "0"])).toBe("--tables must be a whole number from 1 to 2000.");
    expect(error(["--tables", "2.5"])).toBe("--tables must be a whole number from 1 to 2000.");
    expect(error(["--tables", "many"])).toBe("--tables must be a whole number from 1 to 2000.");
    expect(error(["--duration", "0"])).toBe("--duration must be a whole number from 1 to 600 seconds.");
    expect(error(["--rate", "50"])).toContain("--rate must be a number");
    expect(error(["--database-url", "mysql://x"])).toContain("--database-url must be a PostgreSQL");
    expect(error(["--tables"])).toBe("--tables needs a value.");
    expect(error(["--metrics"])).toBe("--metrics needs a value.");
    expect(error(["--json=yes"])).toBe("--json takes no value.");
    expect(error(["--fast"])).toBe("Unknown option --fast.");
    expect(error(["250"])).toBe('Unexpected argument "250".');
    expect(parseBenchArguments(["--help"])).toEqual({ ok: "help" });
  });
});

describe("bench server maths", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises unsorted samples", () => {
    expect(summarise([3, 1, 2, 10])).toEqual({
      samples: 4,
      p50Ms: 2,
      p90Ms: 10,
      p99Ms: 10,
      maxMs: 10,
      meanMs: 4,
    });
  });

  it("splits tables into contiguous, nearly equal groups", () => {
    expect(splitEvenly(10, 3)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(splitEvenly(2, 2)).toEqual([[0], [1]]);
  });
});
