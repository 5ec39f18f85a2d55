import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliIo, runScenarioCli } from "./commands.ts";

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => files[path],
    now: () => (clock += 5),
  };
  const code = runScenarioCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const flagship = readFileSync(resolve(import.meta.dirname, "../../scenarios/ukraine-2026.json"), "utf8");

describe("scenario CLI: analyze", () => {
  it("reports the back-channel figures as JSON", () => {
    const { code, out } = run(["analyze", "ukraine-2026", "--variant", "back-channel", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ feasible: 7776, zopa: 5452, paretoSize: 156, collisions: [], elapsedMs: 5 });
    expect(json.nash.utilities).toEqual({ ukraine: 62.45, russia: 62.8, us: 85.8, europe: 79.4 });
    expect(json.nash.package.territory).toBe("deferred");
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["kalaiSmorodinsky", "maxWelfare"]));
    expect(json.pareto).toBeUndefined();
  });

  it("reports the public-positions collisions as JSON", () => {
    const { code, out } = run(["analyze", "ukraine-2026", "--variant=public-positions", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.feasible).toBe(0);
    expect(json.nash).toBeNull();
    expect(json.collisions.map((c: { rule: string }[]) => c.map((v) => v.rule))).toEqual([
      ["ua-no-legal-cession", "ru-pub-territory"],
      ["ru-pub-territory", "eu-no-annexation"],
    ]);
  });

  it("applies events in order and can include the frontier", () => {
    const { out } = run([
      "analyze",
      "ukraine-2026",
      "--events",
      "pokrovsk-breakthrough",
      "--json",
      "--pareto",
    ]);
    const json = JSON.parse(out);
    expect(json.events).toEqual(["pokrovsk-breakthrough"]);
    expect(json.batna.ukraine).toBe(30);
    expect(json.zopa).toBe(1851);
    expect(json.pareto).toHaveLength(json.paretoSize);
  });

  it("prints a readable table by default", () => {
    const { code, out } = run(["analyze", "ukraine-2026"]);
    expect(code).toBe(0);
    expect(out).toContain("feasible 7,776 · ZOPA 5,452 · Pareto frontier 156");
    expect(out).toMatch(/Nash point\s+62\.45\s+62\.80\s+85\.80\s+79\.40/);
  });

  it("names the colliding red lines in the readable report", () => {
    const { out } = run(["analyze", "ukraine-2026", "--variant", "public-positions"]);
    expect(out).toContain("ua-no-legal-cession (ukraine)  ×  ru-pub-territory (russia)");
    expect(out).toContain("source: 002_dc4659ee7f7471a7.txt");
  });

  it("analyzes a scenario file as well as a built-in id", () => {
    const { code, out } = run(["analyze", "my.json", "--json"], { "my.json": flagship });
    expect(code).toBe(0);
    expect(JSON.parse(out).feasible).toBe(7776);
  });
});

describe("scenario CLI: simulate", () => {
  it("prints the bot-only figures as one JSON object", () => {
    const { code, out } = run([
      "simulate",
      "ukraine-2026",
      "--variant",
      "back-channel",
      "--tables",
      "3",
      "--seed",
      "x",
      "--style",
      "us=conceder,boulware",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ tables: 3, seed: "x", variant: "back-channel", redLineBreaches: 0 });
    expect(json.styles).toEqual({
      us: "conceder",
      ukraine: "boulware",
      europe: "boulware",
      russia: "boulware",
    });
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        "agreementRate",
        "meanRounds",
        "meanScore",
        "meanParetoDistance",
        "redLineBreaches",
      ]),
    );
    expect(Object.keys(json.meanScore)).toEqual(["us", "ukraine", "europe", "russia"]);
  });

  it("prints a readable summary and refuses a style for an unknown role", () => {
    const readable = run(["simulate", "ukraine-2026", "--tables", "2", "--variant", "public-positions"]);
    expect(readable.code).toBe(0);
    expect(readable.out).toContain("agreement rate      0%");
    const bad = run(["simulate", "ukraine-2026", "--style", "china=boulware"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--style names "china", which is not a role of ukraine-2026');
  });
});

describe("scenario CLI: check", () => {
  it("accepts the flagship and summarises its variants", () => {
    const { code, out } = run(["check", "ukraine-2026"]);
    expect(code).toBe(0);
    expect(out).toContain("ok  ukraine-2026");
    expect(out).toContain("variant back-channel (default): 7,776 feasible packages");
    expect(out).toContain("variant public-positions: no feasible package");
  });

  it("lists every error of an invalid file with its path and exits 1", () => {
    const data = JSON.parse(flagship);
    data.utilities.europe.weights.nato = 9;
    data.turnOrder = ["us", "ukraine", "europe"];
    const { code, err } = run(["check", "broken.json"], { "broken.json": JSON.stringify(data) });
    expect(code).toBe(1);
    expect(err.split("\n")).toEqual([
      "invalid scenario broken.json: 2 errors",
      "  utilities.europe.weights: weights must sum to 100 (they sum to 104)",
      '  turnOrder: role "russia" is missing from the turn order',
    ]);
  });

  it("reports errors as JSON when asked", () => {
    const data = JSON.parse(flagship);
    data.roles[0].id = "Ukraine";
    const { code, out } = run(["check", "broken.json", "--json"], { "broken.json": JSON.stringify(data) });
    expect(code).toBe(1);
    expect(JSON.parse(out).errors[0]).toEqual({
      path: "roles[0].id",
      message: "must be a kebab-case id (lowercase letters, digits, single hyphens)",
    });
  });
});

describe("scenario CLI: bad input", () => {
  it.each([
    [[], "scenario: missing command: check, analyze or simulate (see --help)"],
    [
      ["play", "ukraine-2026"],
      'scenario: unknown command "play": use check, analyze or simulate (see --help)',
    ],
    [
      ["simulate", "ukraine-2026", "--tables", "0"],
      "scenario: --tables: must be a whole number from 1 to 10000 (see --help)",
    ],
    [
      ["simulate", "ukraine-2026", "--style", "tough"],
      'scenario: --style: "tough" is not a bot style: use boulware, linear, conceder, for all seats or as role=style (see --help)',
    ],
    [["analyze"], "scenario: name a scenario: a built-in id or a JSON file (see --help)"],
    [["analyze", "ukraine-2026", "--speed", "9"], "scenario: unknown option --speed (see --help)"],
    [["analyze", "ukraine-2026", "--variant"], "scenario: --variant needs a value (see --help)"],
    [
      ["analyze", "ukraine-2026", "--variant", "Back_Channel"],
      "scenario: --variant: must be a kebab-case id (lowercase letters, digits, single hyphens) (see --help)",
    ],
    [["check", "ukraine-2026", "--events", "x"], "scenario: --events does not apply to check (see --help)"],
    [["analyze", "ukraine-2026", "surplus"], 'scenario: unexpected argument "surplus" (see --help)'],
    [
      ["analyze", "atlantis"],
      'scenario: no built-in scenario or file named "atlantis" (built-in: ukraine-2026, allied-coordination-2026)',
    ],
    [
      ["analyze", "ukraine-2026", "--variant", "secret-channel"],
      'scenario: unknown variant "secret-channel" for ukraine-2026 (expected one of: back-channel, public-positions)',
    ],
  ])("%j fails with one clear line and exit code 2", (argv, message) => {
    const { code, err, out } = run(argv);
    expect(code).toBe(2);
    expect(err).toBe(message);
    expect(out).toBe("");
  });

  it("rejects an unknown event, listing the known ones", () => {
    const { code, err } = run(["analyze", "ukraine-2026", "--events", "pokrovsk-breakthrough,alien-landing"]);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^scenario: unknown event "alien-landing" for ukraine-2026 \(expected some of: pokrovsk/,
    );
  });

  it("rejects a file that is not JSON", () => {
    const { code, err } = run(["check", "notes.txt"], { "notes.txt": "territory: deferred" });
    expect(code).toBe(2);
    expect(err).toMatch(/^scenario: notes\.txt is not valid JSON/);
  });
});

describe("the npm run scenario entry point", () => {
  const root = resolve(import.meta.dirname, "../../..");
  const entry = ["--import", "tsx", "shared/src/cli/scenario.ts"];

  it("runs as a process and prints the analysis as JSON", () => {
    const stdout = execFileSync(process.execPath, [...entry, "analyze", "ukraine-2026", "--json"], {
      cwd: root,
      encoding: "utf8",
    });
    const json = JSON.parse(stdout);
    expect(json.feasible).toBe(7776);
    expect(json.elapsedMs).toBeGreaterThan(0);
  });

  it("reads a scenario file from disk and exits non-zero on errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-cli-"));
    const file = join(dir, "broken.json");
    writeFileSync(
      file,
      flagship.replace('"defaultVariant": "back-channel"', '"defaultVariant": "open-door"'),
    );
    const result = spawnSync(process.execPath, [...entry, "check", file], { cwd: root, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('defaultVariant: unknown variant "open-door"');
  });
});
