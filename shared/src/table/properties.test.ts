// Seeded property tests over random command sequences: red lines hold for every acceptance and
// every tabled version, the log folds back into the state, and views never leak private data;
// at the flagship's four seats and at random generated scenarios of 2 to 6 seats.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../analysis/analyze.ts";
import { applyPatch } from "../protocol/viewPatch.ts";
import { checkRedLines } from "../redLines/check.ts";
import { effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Issue, Scenario } from "../scenario/schema.ts";
import { syntheticScenario } from "../scenario/synthetic.ts";
import { parseCommand } from "./decide.ts";
import { eventSchema } from "./events.ts";
import { fold } from "./evolve.ts";
import { type ScriptCommand, TableScript } from "./script.ts";
import type { TableState } from "./state.ts";
import { viewFor } from "./view.ts";
import { diffViews } from "./viewDiff.ts";
import { type TableView, tableViewSchema } from "./viewSchema.ts";

/** A scenario to play, with what the command generator aims at: the Nash package's options. */
type Game = {
  scenario: Scenario;
  roles: string[];
  issues: readonly Issue[];
  nashPackage: Record<string, string>;
};

function gameOf(scenario: Scenario, variant = scenario.defaultVariant): Game {
  return {
    scenario,
    roles: scenario.roles.map((r) => r.id),
    issues: scenario.issues,
    nashPackage: analyze(effectiveScenario(scenario, variant)).nash?.package ?? {},
  };
}

const scenario = getScenario("ukraine-2026") as Scenario;
const flagship = gameOf(scenario, "back-channel");
const roles = flagship.roles;

const kinds = [
  ["claim-seat", 4],
  ["leave-seat", 1],
  ["assign-seat", 1],
  ["release-seat", 1],
  ["start", 4],
  ["pause", 1],
  ["resume", 2],
  ["inject-event", 2],
  ["extend-rounds", 1],
  ["skip-turn", 1],
  ["end-talks", 1],
  ["broadcast", 1],
  ["set-option", 30],
  ["clear-option", 2],
  ["table-draft", 8],
  ["fill-and-table", 6],
  ["accept", 14],
  ["object", 3],
  ["pass", 3],
  ["walk-out", 1],
  ["say", 6],
  ["timeout", 3],
] as const;

const stepArbitrary = fc.record({
  kind: fc.oneof(...kinds.map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight }))),
  who: fc.nat(),
  issue: fc.nat(),
  option: fc.nat(),
  version: fc.integer({ min: -2, max: 1 }),
  to: fc.nat(),
  // Mostly quick moves; now and then a turn clock runs out.
  dt: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 10_000 }), weight: 9 }, fc.constant(125_000)),
});
type StepValue = typeof stepArbitrary extends fc.Arbitrary<infer T> ? T : never;

const runArbitrary = fc.record({
  variant: fc.constantFrom("back-channel", "public-positions"),
  rounds: fc.integer({ min: 1, max: 20 }),
  preseated: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false)),
  steps: fc.array(stepArbitrary, { minLength: 10, maxLength: 200, size: "max" }),
});
type RunValue = typeof runArbitrary extends fc.Arbitrary<infer T> ? T : never;

let messageCounter = 0;

/** Turns an abstract step into a concrete command against the current state, biased towards moves that can succeed. */
function commandsFor(game: Game, state: TableState, step: StepValue): ScriptCommand[] {
  const { kind } = step;
  if (kind === "fill-and-table") return fillAndTable(game, state, step);
  return [commandFor(game, state, { ...step, kind })];
}

/** The seat on turn completes the draft (mostly with the Nash options, so some versions are acceptable) and tables it. */
function fillAndTable(game: Game, state: TableState, step: StepValue): ScriptCommand[] {
  const { issues, nashPackage } = game;
  const actor = state.turn?.seat ?? state.turnOrder[0] ?? "nobody";
  const sets: ScriptCommand[] = issues
    .filter((issue) => state.draft[issue.id] === undefined)
    .map((issue, i) => {
      const nash = nashPackage[issue.id];
      const random = issue.options[(step.option + i * step.issue) % issue.options.length]?.id;
      const option = (step.option >> i) % 4 !== 0 && nash ? nash : (random ?? "none");
      return { type: "set-option", actor, issue: issue.id, option };
    });
  return [...sets, { type: "table-draft", actor }];
}

function commandFor(
  game: Game,
  state: TableState,
  step: Omit<StepValue, "kind"> & { kind: Exclude<StepValue["kind"], "fill-and-table"> },
): ScriptCommand {
  const { scenario, roles, issues, nashPackage } = game;
  // Turn-bound moves mostly come from the seat whose turn it is, the rest from anyone.
  const turnSeat = state.turn?.seat ?? state.turnOrder[0] ?? "nobody";
  const slots = [...roles, "instructor", "system", "china"];
  const actor = step.who % 8 < 6 ? turnSeat : (slots[step.who % slots.length] as string);
  const seat = roles[step.who % roles.length] as string;
  const open = issues.filter((i) => state.draft[i.id] === undefined);
  const pool = step.issue % 5 !== 0 && open.length > 0 ? open : issues;
  const issue =
    step.issue % 10 === 9
      ? { id: "oil-prices", options: [{ id: "capped" }] }
      : (pool[step.issue % pool.length] ?? issues[0]);
  if (!issue) throw new Error("no issues");
  // Mostly the Nash package's options, so that complete, acceptable versions come up.
  const option =
    step.option % 10 === 9
      ? "partition"
      : step.option % 10 < 6 && nashPackage[issue.id]
        ? (nashPackage[issue.id] as string)
        : (issue.options[step.option % issue.options.length]?.id ?? "none");
  const current = state.versions.at(-1)?.number ?? 1;
  const version = Math.max(1, current + step.version);
  const event = scenario.events[step.option % (scenario.events.length + 1)]?.id ?? "alien-landing";
  switch (step.kind) {
    case "claim-seat":
      return { type: "claim-seat", actor: seat, name: `player ${seat}` };
    case "leave-seat":
      return step.to % 3 === 0 ? { type: "leave-seat", actor } : { type: "claim-seat", actor: seat };
    case "assign-seat":
      return {
        type: "assign-seat",
        actor: step.to % 5 === 0 ? seat : "instructor",
        seat,
        name: `bot ${seat}`,
      };
    case "release-seat":
      return step.to % 3 === 0
        ? { type: "release-seat", actor: "instructor", seat }
        : { type: "pass", actor };
    case "start":
    case "pause":
    case "resume":
    case "skip-turn":
      return { type: step.kind, actor: step.to % 6 === 0 ? actor : "instructor" };
    case "end-talks":
      // Rare on purpose, like walking out and leaving: they end or stall the run's interesting part.
      return step.to % 10 === 0 ? { type: "end-talks", actor } : { type: "pass", actor };
    case "inject-event":
      return { type: "inject-event", actor: "instructor", event };
    case "extend-rounds":
      return { type: "extend-rounds", actor: "instructor", by: 1 + (step.to % 3) };
    case "broadcast":
      return { type: "broadcast", actor: "instructor", text: `broadcast ${step.to}` };
    case "set-option":
      return { type: "set-option", actor, issue: issue.id, option };
    case "clear-option":
      return { type: "clear-option", actor, issue: issue.id };
    case "table-draft":
      return { type: "table-draft", actor };
    case "accept":
      return {
        type: "accept",
        actor: seat,
        version: step.version === 0 || step.version === 1 ? current : version,
      };
    case "object":
      return { type: "object", actor: seat, version, issues: [issue.id], note: `objection ${step.to}` };
    case "pass":
      return { type: "pass", actor };
    case "walk-out":
      return step.to % 10 === 0 ? { type: "walk-out", actor: seat } : { type: "pass", actor };
    case "say": {
      // Public now and then, else to another seat (at a table of two, a seat has one other).
      const others = roles.filter((role) => role !== actor);
      const to =
        step.to % (others.length + 1) === others.length ? undefined : others[step.to % others.length];
      messageCounter += 1;
      const text = to ? `private-${messageCounter}-${actor}-${to}` : `public-${messageCounter}-${actor}`;
      return to ? { type: "say", actor, to, text } : { type: "say", actor, text };
    }
    case "timeout":
      return { type: "timeout", actor: step.to % 5 === 0 ? actor : "system" };
  }
}

type Run = { table: TableScript; states: TableState[] };

/** Plays a run, checking after each decision that no seat tabled or accepted against its own red lines. */
function play(run: RunValue, game: Game = flagship): Run {
  const table = new TableScript({ scenario: game.scenario, variant: run.variant, rounds: run.rounds });
  if (run.preseated) {
    for (const role of game.roles) table.do({ type: "claim-seat", actor: role });
    table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
  }
  const states = [table.state];
  for (const step of run.steps) {
    table.advance(step.dt);
    for (const command of commandsFor(game, table.state, step)) {
      // Every generated command is one a client could send.
      expect(parseCommand({ ...command, at: table.now }).ok).toBe(true);
      const before = table.state;
      const decision = table.try(command);
      if (decision.ok) {
        for (const event of decision.events) {
          if (event.type === "version-tabled") {
            expect(checkRedLines(before.effective, event.seat, event.package)).toEqual([]);
          }
          if (event.type === "version-accepted") {
            const pkg = before.versions.find((v) => v.number === event.version)?.package ?? {};
            expect(checkRedLines(before.effective, event.seat, pkg)).toEqual([]);
          }
        }
      }
      expectNoAcceptanceBreaksRedLines(table.state);
      states.push(table.state);
    }
  }
  return { table, states };
}

function expectNoAcceptanceBreaksRedLines(state: TableState) {
  for (const version of state.versions) {
    for (const [seat, response] of Object.entries(version.responses)) {
      if (response.stance === "accepted") {
        expect(
          checkRedLines(state.effective, seat, version.package),
          `${seat} on v${version.number}`,
        ).toEqual([]);
      }
    }
  }
}

const runs = { numRuns: 150 };

describe("random command sequences (property)", () => {
  it("never leave a seat on record accepting or tabling a package that breaks its own red lines", () => {
    let concluded = 0;
    let tabled = 0;
    let accepted = 0;
    fc.assert(
      fc.property(runArbitrary, (run) => {
        const { table } = play(run);
        if (table.state.phase === "concluded") concluded += 1;
        tabled += table.state.versions.length;
        accepted += table.events.filter((e) => e.type === "version-accepted").length;
      }),
      { seed: 20260302, ...runs },
    );
    // The generator must reach the interesting states, or the property says little.
    expect(concluded).toBeGreaterThan(10);
    expect(tabled).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(100);
  });

  it("fold the log back into exactly the state reached step by step, also after a JSON round trip", () => {
    fc.assert(
      fc.property(runArbitrary, (run) => {
        const { table } = play(run);
        expect(fold(table.initial, table.events)).toEqual(table.state);
        const stored = JSON.parse(JSON.stringify(table.events)).map((e: unknown) => eventSchema.parse(e));
        expect(fold(table.initial, stored)).toEqual(table.state);
      }),
      { seed: 7, ...runs },
    );
  });

  it("give no seat or observer another seat's brief, red lines or private messages", () => {
    fc.assert(
      fc.property(runArbitrary, fc.nat(), (run, pick) => {
        const { table, states } = play(run);
        // The final state and one state from along the way.
        for (const state of [table.state, states[pick % states.length] as TableState]) {
          expectNoLeaks(flagship, state);
        }
      }),
      { seed: 99, numRuns: 60 },
    );
  });

  it("patch each perspective's view into exactly the next one, sharing every unchanged part", () => {
    let operations = 0;
    let wholeBytes = 0;
    let patchBytes = 0;
    fc.assert(
      fc.property(runArbitrary, (run) => {
        const { states } = play(run);
        for (const perspective of [...roles, "observer", "instructor"]) {
          // The client's copy is what came over the wire: a decoded copy, never the server's objects.
          let server = viewFor(states[0] as TableState, perspective);
          let client = deepFreeze(JSON.parse(JSON.stringify(server)) as TableView);
          for (const state of states.slice(1)) {
            const next = viewFor(deepFreeze(state), perspective);
            const ops = diffViews(server, next);
            operations += ops.length;
            wholeBytes += JSON.stringify(next).length;
            patchBytes += JSON.stringify(ops).length;
            const patched = applyPatch(client, JSON.parse(JSON.stringify(ops)));
            expect(patched).toStrictEqual(JSON.parse(JSON.stringify(next)));
            expectSharedWhereUnchanged(client, patched);
            server = next;
            client = deepFreeze(patched);
          }
        }
      }),
      { seed: 2026, numRuns: 8 },
    );
    expect(operations).toBeGreaterThan(1000);
    // Patches are what they are for: a small part of the whole views they replace.
    expect(patchBytes).toBeLessThan(wholeBytes / 20);
  }, 60_000);
});

const syntheticArbitrary = fc.record({
  scenario: fc.record({
    seed: fc.integer(),
    roles: fc.integer({ min: 2, max: 6 }),
    issues: fc.integer({ min: 2, max: 4 }),
    options: fc.integer({ min: 2, max: 3 }),
    redLinesPerRole: fc.integer({ min: 0, max: 2 }),
    batna: fc.integer({ min: 20, max: 50 }),
    variants: fc.integer({ min: 1, max: 2 }),
    events: fc.integer({ min: 0, max: 2 }),
  }),
  variant: fc.nat(),
  rounds: fc.integer({ min: 1, max: 10 }),
  preseated: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false)),
  steps: fc.array(stepArbitrary, { minLength: 10, maxLength: 150, size: "max" }),
  pick: fc.nat(),
});

describe("random command sequences at random scenarios of 2 to 6 seats (property)", () => {
  it("keep every seat within its own red lines, fold back into the state, and leak nothing to another seat", () => {
    const bySeats = new Map<number, { runs: number; tabled: number; private: number; concluded: number }>();
    fc.assert(
      fc.property(syntheticArbitrary, ({ scenario: options, variant, pick, ...rest }) => {
        const game = gameOf(syntheticScenario(options));
        const variants = game.scenario.variants;
        const run = { ...rest, variant: variants[variant % variants.length]?.id ?? "default" };
        const { table, states } = play(run, game);
        expect(fold(table.initial, table.events)).toEqual(table.state);
        for (const state of [table.state, states[pick % states.length] as TableState]) {
          expectNoLeaks(game, state);
        }
        const tally = bySeats.get(game.roles.length) ?? { runs: 0, tabled: 0, private: 0, concluded: 0 };
        tally.runs += 1;
        tally.tabled += table.state.versions.length;
        tally.private += table.state.messages.filter((m) => m.to !== null).length;
        if (table.state.phase === "concluded") tally.concluded += 1;
        bySeats.set(game.roles.length, tally);
      }),
      { seed: 16, numRuns: 60 },
    );
    // Every size of table is played far enough for the properties to say something.
    for (const seats of [2, 3, 4, 5, 6]) {
      const tally = bySeats.get(seats);
      expect(tally?.runs ?? 0, `${seats} seats`).toBeGreaterThanOrEqual(6);
      expect(tally?.tabled ?? 0, `${seats} seats`).toBeGreaterThan(5);
      expect(tally?.private ?? 0, `${seats} seats`).toBeGreaterThan(5);
    }
  });
});

/** Each role's private data anywhere in the scenario: red-line ids (every variant and event) and texts. */
function secretsOf(scenario: Scenario, role: string): { redLines: Set<string>; texts: string[] } {
  const lines = [
    ...(scenario.redLines[role] ?? []),
    ...scenario.variants.flatMap((v) => v.redLines[role] ?? []),
    ...scenario.events.flatMap((e) =>
      e.effects.flatMap((f) => (f.kind === "addRedLine" && f.role === role ? [f.redLine] : [])),
    ),
  ];
  const brief = scenario.roles.find((r) => r.id === role)?.privateBrief;
  const notes = scenario.variants.flatMap((v) => (v.briefNotes?.[role] ? [v.briefNotes[role]] : []));
  return {
    redLines: new Set(lines.map((l) => l.id)),
    texts: [
      brief?.summary ?? "",
      ...(brief?.priorities ?? []),
      ...notes,
      ...lines.flatMap((l) => [l.title, l.explanation]),
    ],
  };
}

/**
 * Every perspective's view of the state: within the strict schema, and holding no other seat's
 * brief, red lines (by id, title or explanation) or private messages; the instructor's holds
 * every message.
 */
function expectNoLeaks(game: Game, state: TableState) {
  const { scenario, roles } = game;
  for (const perspective of [...roles, "observer", "instructor"]) {
    const view = viewFor(state, perspective);
    // Strict schemas: no field beyond the documented ones reaches the wire.
    tableViewSchema.parse(view);
    const json = JSON.stringify(view);
    expect(JSON.parse(json)).toEqual(view);
    if (perspective === "instructor") {
      for (const m of state.messages) expect(json).toContain(m.text);
      continue;
    }
    const seat = roles.includes(perspective) ? perspective : null;
    expect(view.instructor).toBeNull();
    expect(view.me?.role ?? null).toBe(seat);
    const own = seat ? secretsOf(scenario, seat) : { redLines: new Set<string>(), texts: [] };
    for (const other of roles.filter((r) => r !== seat)) {
      const secrets = secretsOf(scenario, other);
      for (const id of secrets.redLines) if (!own.redLines.has(id)) expect(json).not.toContain(`"${id}"`);
      for (const text of secrets.texts) {
        if (own.texts.includes(text)) continue;
        expect(json, `${perspective} sees ${other}'s "${text}"`).not.toContain(
          JSON.stringify(text).slice(1, -1),
        );
      }
    }
    for (const m of state.messages) {
      const mine = m.to === null || m.from === seat || m.to === seat;
      if (mine) expect(json).toContain(`"${m.text}"`);
      else expect(json).not.toContain(`"${m.text}"`);
    }
  }
}

/** Freezes a value and everything in it, so any later change to it throws (modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Every part of the patched view equal to the same part before (down to each item of each list
 * and each entry of each object under the top) is the very object it was: what a renderer that
 * compares by identity needs to redraw only what changed.
 */
function expectSharedWhereUnchanged(before: unknown, after: unknown, path = "", depth = 0) {
  if (typeof before !== "object" || before === null || typeof after !== "object" || after === null) return;
  if (JSON.stringify(before) === JSON.stringify(after)) {
    expect(after, `${path || "the view"} is unchanged, so it should be the same object`).toBe(before);
    return;
  }
  if (depth >= 3) return;
  for (const [key, child] of Object.entries(after)) {
    expectSharedWhereUnchanged((before as Record<string, unknown>)[key], child, `${path}/${key}`, depth + 1);
  }
}
