// Debriefs of whole tables on ukraine-2026, checked against the analysis engine's own output for
// the same scenario states: an agreement on the Nash package, a stalemate, a collapse, the
// public positions (nothing feasible), news that moves the figures, live tables and bots.
import { describe, expect, it } from "vitest";
import { analyze } from "../analysis/analyze.ts";
import { simulateTable } from "../bots/simulate.ts";
import { botWords } from "../bots/words.ts";
import { english } from "../i18n/catalogs.ts";
import type { Locale } from "../i18n/locales.ts";
import type { Package } from "../package.ts";
import { type EffectiveScenario, effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { syntheticScenario } from "../scenario/synthetic.ts";
import type { TableConfig } from "../table/config.ts";
import { type ScriptCommand, TableScript } from "../table/script.ts";
import { utility } from "../utility.ts";
import { classRow, classRowSchema } from "./classView.ts";
import {
  createAnalysisCache,
  debriefFigures,
  debriefFor,
  localizeDebrief,
  withOthersRedLinesWithheld,
  withOwnSideOnly,
  withoutPrivateChannels,
  withSentences,
} from "./debrief.ts";
import { discussionQuestions, questionPhrases } from "./questions.ts";
import { type Debrief, debriefSchema } from "./schema.ts";
import { summaryPhrases } from "./summary.ts";

const scenario = getScenario("ukraine-2026") as Scenario;
const roles = ["us", "ukraine", "europe", "russia"] as const;

function negotiating(config: Omit<TableConfig, "scenario"> = {}) {
  const table = new TableScript({ scenario, ...config });
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: `${role} player` });
  return table
    .do({ type: "start", actor: "instructor" })
    .advance(60_000)
    .do({ type: "start", actor: "instructor" });
}

const setAll = (actor: string, pkg: Package): ScriptCommand[] =>
  Object.entries(pkg).map(([issue, option]) => ({ type: "set-option", actor, issue, option }));

/** The seats other than the tabler accept: tabling a complete package is already its acceptance. */
const acceptAll = (version: number, tabler = "us"): ScriptCommand[] =>
  roles.filter((actor) => actor !== tabler).map((actor) => ({ type: "accept", actor, version }));

/** A refused red-line attempt: the script logs it as a `red-line-refused` event, as the server does. */
function attempt(table: TableScript, command: ScriptCommand): void {
  const logged = table.events.length;
  const decision = table.try(command);
  if (decision.ok) throw new Error(`${command.type} by ${command.actor} was expected to be refused`);
  expect(table.events.slice(logged).map((event) => event.type)).toEqual(["red-line-refused"]);
}

function debriefOf(table: TableScript, config: Omit<TableConfig, "scenario"> = {}): Debrief {
  const debrief = debriefFor({ config: { scenario, ...config }, events: table.events });
  // Whatever the table, the debrief is what its schema says it is.
  expect(debriefSchema.parse(debrief)).toEqual(debrief);
  return debrief;
}

const backChannel = effectiveScenario(scenario, "back-channel");
const engine = analyze(backChannel);
const nash = engine.nash;
if (!nash) throw new Error("no Nash point in the back channel");

/** The figures the debrief reports, straight from `analyze` for the same scenario state. */
function expectFiguresOf(reported: Debrief["analysis"]["end"], effective: EffectiveScenario) {
  const own = analyze(effective);
  expect(reported).toMatchObject({
    events: own.events,
    packages: own.packages,
    noDeal: own.batna,
    feasible: own.feasible,
    zopa: own.zopa,
    paretoSize: own.paretoSize,
    collisionsComplete: own.collisionsComplete,
  });
  expect(reported.pareto).toEqual(own.pareto?.map((p) => p.utilities) ?? null);
  expect(reported.nash).toEqual(
    own.nash ? { package: own.nash.package, utilities: own.nash.utilities, gains: own.nash.gains } : null,
  );
  expect(reported.kalaiSmorodinsky?.utilities ?? null).toEqual(own.kalaiSmorodinsky?.utilities ?? null);
  expect(reported.maxWelfare?.utilities ?? null).toEqual(own.maxWelfare?.utilities ?? null);
  expect(reported.collisions.map((c) => c.map((v) => v.rule))).toEqual(
    own.collisions.map((c) => c.map((v) => v.rule)),
  );
}

const euclid = (a: Record<string, number>, b: Record<string, number>) =>
  Math.hypot(...roles.map((role) => (a[role] ?? 0) - (b[role] ?? 0)));

describe("an agreement on the Nash package", () => {
  const table = negotiating().do(
    { type: "say", actor: "ukraine", to: "europe", text: "Will you back bilateral treaties?" },
    { type: "say", actor: "europe", to: "ukraine", text: "Yes, with a European force." },
    { type: "say", actor: "us", text: "Here is the full text." },
    ...setAll("us", nash.package),
    { type: "table-draft", actor: "us" },
    ...acceptAll(1),
  );
  const debrief = debriefOf(table);

  it("reports the outcome and the agreed package at distance 0 from the Nash point and the frontier", () => {
    expect(debrief.status).toMatchObject({
      phase: "concluded",
      concluded: true,
      outcomeClass: "fragile-ceasefire",
      outcome: { title: "Fragile ceasefire", phrase: "a fragile ceasefire" },
      reason: "agreement",
      roundsPlayed: 1,
      rounds: 6,
      versionsTabled: 1,
    });
    expect(debrief.deal).toMatchObject({
      source: "agreed",
      version: 1,
      tabledBy: "us",
      package: nash.package,
      complete: true,
      feasible: true,
      inZopa: true,
      violations: [],
      distanceToNash: 0,
      distanceToFrontier: 0,
    });
    const parties = Object.fromEntries(debrief.deal?.parties.map((p) => [p.role, p]) ?? []);
    for (const role of roles) {
      expect(parties[role]).toEqual({
        role,
        utility: nash.utilities[role],
        noDeal: engine.batna[role],
        gain: nash.gains[role],
      });
    }
  });

  it("gives each party its own side: what it got, its no-deal value, its best within everyone's red lines, where it gave most", () => {
    expect(debrief.sides.map((s) => s.role)).toEqual(["ukraine", "russia", "us", "europe"]);
    for (const side of debrief.sides) {
      // Its best: its coordinate of the ideal point, computed here by the engine.
      expect(side).toMatchObject({
        agreed: true,
        got: nash.utilities[side.role],
        noDeal: engine.batna[side.role],
        best: engine.kalaiSmorodinsky?.ideal[side.role],
      });
      expect(side.best).toBeGreaterThanOrEqual(side.got);
      // Where it gave most, from its own weights and scores, issue by issue.
      const numbers = backChannel.utilities[side.role];
      const losses = backChannel.issues.map((issue) => {
        const scores = numbers?.scores[issue.id] ?? {};
        const top = Math.max(...issue.options.map((o) => scores[o.id] ?? 0));
        const got = scores[nash.package[issue.id] ?? ""] ?? 0;
        return { issue: issue.id, lost: ((numbers?.weights[issue.id] ?? 0) * (top - got)) / 100 };
      });
      const most = losses.sort((a, b) => b.lost - a.lost)[0];
      expect(side.gaveMost?.issue).toBe(most?.issue);
      expect(side.gaveMost?.option).toBe(nash.package[most?.issue ?? ""]);
      expect(side.gaveMost?.lost).toBeCloseTo(most?.lost ?? -1, 9);
    }
    // A seat's copy holds its own side only.
    expect(withOwnSideOnly(debrief, "ukraine").sides.map((s) => s.role)).toEqual(["ukraine"]);
  });

  it("writes questions for the class from the table's own figures", () => {
    const questions = discussionQuestions(debrief);
    expect(questions).toBe(debrief.questions);
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions.length).toBeLessThanOrEqual(5);
    const least = [...(debrief.deal?.parties ?? [])].sort((a, b) => a.gain - b.gain)[0];
    const name = debrief.roles.find((r) => r.id === least?.role)?.name ?? "?";
    expect(questions[0]).toContain(`${name} accepted a package worth`);
    expect(questions.some((q) => q.includes("landed on the Nash point"))).toBe(true);
    // Phrases, rendered in English as the debrief carries them.
    expect(questionPhrases(debrief).map((question) => english(scenario, question))).toEqual(questions);
    expect(questions).toEqual([
      "Russia accepted a package worth 62.8 to it, against 50.0 without a deal: the smallest gain at the table. Why did it accept, and what could it have asked for?",
      "The table landed on the Nash point, the package that shares the gains most evenly. What in the talks made this package acceptable to everyone?",
      "The busiest private channel was Ukraine–Europe, with 2 messages. What did it achieve that the table chat could not?",
    ]);
  });

  it("reports the analysis exactly as the engine computes it, with no start figures (no news)", () => {
    expectFiguresOf(debrief.analysis.end, backChannel);
    expect(debrief.analysis.end.feasible).toBe(7776);
    expect(debrief.analysis.end.zopa).toBe(5452);
    expect(debrief.analysis.end.pareto).toHaveLength(156);
    expect(debrief.analysis.start).toBeNull();
    expect(debrief.redLines).toMatchObject({ collisions: [], withoutCollisions: null, withoutEach: [] });
  });

  it("plots the tabled version's utility to every party", () => {
    expect(debrief.concessions).toEqual([
      {
        version: 1,
        tabledBy: "us",
        at: table.state.versions[0]?.at,
        round: 1,
        utilities: nash.utilities,
        noDeal: engine.batna,
      },
    ]);
  });

  it("counts who talked to whom and keeps the private channels' texts until they are withheld", () => {
    const { communication } = debrief;
    expect(communication.publicBySeat).toEqual({ ukraine: 0, russia: 0, us: 1, europe: 0 });
    expect(communication.privateByPair).toHaveLength(6);
    expect(communication.privateByPair.find((p) => p.seats.join() === "ukraine,europe")).toEqual({
      seats: ["ukraine", "europe"],
      count: 2,
      bySeat: { ukraine: 1, europe: 1 },
    });
    expect(communication.privateMessages.map((m) => m.text)).toEqual([
      "Will you back bilateral treaties?",
      "Yes, with a European force.",
    ]);
    const withheld = withoutPrivateChannels(debrief);
    expect(withheld.communication.privateMessages).toEqual([]);
    expect(withheld.communication.privateMessagesIncluded).toBe(false);
    expect(withheld.communication.privateByPair).toEqual(communication.privateByPair);
  });

  it("says it in plain words", () => {
    expect(summaryPhrases(debrief).map((line) => english(scenario, line))).toEqual(debrief.summary);
    expect(debrief.summary).toEqual([
      "Your table agreed on version 1 in round 1, a fragile ceasefire, on the Nash point itself.",
      "A deal was possible: 5,452 packages satisfied every red line and beat every no-deal value.",
      "It lies on the Pareto frontier: no other package was better for one party without being worse for another.",
      "Against their no-deal values: Ukraine +17.5, Russia +12.8, United States +50.8 and Europe +34.4.",
      "No seat tried to go past its own red lines.",
      "1 public message and 2 private; the busiest back-channel was Ukraine–Europe (2).",
    ]);
  });

  it("gives the class view its row", () => {
    const row = classRow(debrief, { number: 3, id: "t-3" });
    expect(classRowSchema.parse(row)).toEqual(row);
    expect(row).toEqual({
      table: 3,
      tableId: "t-3",
      phase: "concluded",
      concluded: true,
      outcomeClass: "fragile-ceasefire",
      outcomeTitle: "Fragile ceasefire",
      reason: "agreement",
      rounds: 1,
      dealSource: "agreed",
      version: 1,
      scores: nash.utilities,
      noDeal: engine.batna,
      gains: nash.gains,
      distanceToNash: 0,
      distanceToFrontier: 0,
      redLineRefusals: 0,
    });
  });
});

describe("a stalemate", () => {
  const ks = engine.kalaiSmorodinsky;
  if (!ks) throw new Error("no Kalai–Smorodinsky point");
  const table = negotiating({ rounds: 1 }).do(
    ...setAll("us", ks.package),
    { type: "table-draft", actor: "us" },
    { type: "object", actor: "russia", version: 1, issues: ["sanctions"], note: "Not yet." },
    { type: "pass", actor: "ukraine" },
    { type: "pass", actor: "europe" },
    { type: "pass", actor: "russia" },
  );
  const debrief = debriefOf(table, { rounds: 1 });

  it("flags the last tabled version and measures it against the Nash point", () => {
    expect(debrief.status).toMatchObject({
      outcomeClass: "stalemate",
      reason: "rounds-exhausted",
      roundsPlayed: 1,
    });
    expect(debrief.deal?.source).toBe("last-tabled");
    expect(debrief.deal?.package).toEqual(ks.package);
    expect(debrief.deal?.distanceToNash).toBeCloseTo(euclid(ks.utilities, nash.utilities), 9);
    expect(debrief.deal?.distanceToNash).toBeGreaterThan(0);
    expect(debrief.deal?.parties.map((p) => p.utility)).toEqual(debrief.roles.map((r) => ks.utilities[r.id]));
  });

  it("scores every party at its no-deal value in the class view", () => {
    const row = classRow(debrief, { number: 1, id: "t-1" });
    expect(row.scores).toEqual(engine.batna);
    expect(Object.values(row.gains)).toEqual([0, 0, 0, 0]);
    expect(row.dealSource).toBe("last-tabled");
    expect(row.distanceToNash).toBe(debrief.deal?.distanceToNash);
  });

  it("says the rounds ran out and how far the last version was from the Nash point", () => {
    const distance = (Math.round(euclid(ks.utilities, nash.utilities) * 10) / 10).toFixed(1);
    expect(debrief.summary).toEqual([
      "Your table reached no agreement in 1 round: the rounds ran out, a stalemate.",
      "A deal was possible: 5,452 packages satisfied every red line and beat every no-deal value.",
      `The last version tabled, version 1 by United States, was not agreed; it was ${distance} points from the Nash point.`,
      "Without an agreement, each party was left with its no-deal value.",
      "No seat tried to go past its own red lines.",
    ]);
  });
});

describe("a collapse", () => {
  const table = negotiating().do(
    { type: "say", actor: "russia", to: "us", text: "This is going nowhere." },
    { type: "say", actor: "us", to: "russia", text: "Stay at the table." },
    { type: "say", actor: "russia", to: "us", text: "No." },
    { type: "walk-out", actor: "russia", note: "Enough." },
  );
  const debrief = debriefOf(table);

  it("names who walked out, with no package and no-deal scores", () => {
    expect(debrief.status).toMatchObject({
      outcomeClass: "collapse",
      reason: "walk-out",
      walkedOut: "russia",
    });
    expect(debrief.deal).toBeNull();
    expect(classRow(debrief, { number: 2, id: "t-2" })).toMatchObject({
      outcomeClass: "collapse",
      scores: engine.batna,
      distanceToNash: null,
      dealSource: null,
    });
    expect(debrief.summary).toEqual([
      "The talks collapsed in round 1: Russia walked out.",
      "A deal was possible: 5,452 packages satisfied every red line and beat every no-deal value.",
      "No version was tabled; each party was left with its no-deal value.",
      "No seat tried to go past its own red lines.",
      "0 public messages and 3 private; the busiest back-channel was Russia–United States (3).",
    ]);
  });
});

describe("the public positions: no package is feasible", () => {
  const publicPositions = effectiveScenario(scenario, "public-positions");
  const table = negotiating({ variant: "public-positions" }).do({ type: "pass", actor: "us" });
  table.do({ type: "set-option", actor: "ukraine", issue: "territory", option: "recognize-crimea" });
  attempt(table, { type: "table-draft", actor: "ukraine" });
  table.do({ type: "set-option", actor: "ukraine", issue: "territory", option: "deferred" });
  table.do({ type: "table-draft", actor: "ukraine" });
  table.do({ type: "end-talks", actor: "instructor" });
  const debrief = debriefOf(table, { variant: "public-positions" });

  it("tells every refusal with its rule, explanation and source", () => {
    const rule = publicPositions.redLines.ukraine?.find((r) => r.id === "ua-no-legal-cession");
    expect(debrief.redLines.refusals).toEqual([
      {
        seat: "ukraine",
        action: "table",
        version: null,
        at: table.state.redLineAttempts[0]?.at,
        round: 1,
        rules: [
          {
            role: "ukraine",
            rule: "ua-no-legal-cession",
            title: "No legal cession of Ukrainian land",
            explanation: rule?.explanation,
            sources: rule?.sources,
          },
        ],
      },
    ]);
    expect(debrief.redLines.refusalsBySeat).toEqual({ ukraine: 1, russia: 0, us: 0, europe: 0 });
    expect(classRow(debrief, { number: 1, id: "t" }).redLineRefusals).toBe(1);
  });

  it("names the collisions the engine finds and what the ZOPA would have been without them", () => {
    expectFiguresOf(debrief.analysis.end, publicPositions);
    const collisions = debrief.redLines.collisions.map((c) => c.map((v) => v.rule).sort());
    expect(collisions).toEqual([
      ["ru-pub-territory", "ua-no-legal-cession"],
      ["eu-no-annexation", "ru-pub-territory"],
    ]);
    // The counterfactual, computed here independently: the same scenario minus those rules.
    const removed = new Set(["ua-no-legal-cession", "ru-pub-territory", "eu-no-annexation"]);
    const without = analyze({
      ...publicPositions,
      redLines: Object.fromEntries(
        Object.entries(publicPositions.redLines).map(([role, list]) => [
          role,
          list.filter((r) => !removed.has(r.id)),
        ]),
      ),
    });
    expect(debrief.redLines.withoutCollisions).toEqual({
      removed: [
        { role: "ukraine", rule: "ua-no-legal-cession", title: "No legal cession of Ukrainian land" },
        { role: "russia", rule: "ru-pub-territory", title: "Recognition of Crimea and four oblasts" },
        { role: "europe", rule: "eu-no-annexation", title: "No recognition of annexation" },
      ],
      feasible: without.feasible,
      zopa: without.zopa,
      nash: { utilities: without.nash?.utilities },
    });
    expect(without.feasible).toBeGreaterThan(0);
    // Russia's public territorial demand collides twice, so it is the first one set aside alone.
    const onlyTerritory = analyze({
      ...publicPositions,
      redLines: {
        ...publicPositions.redLines,
        russia: publicPositions.redLines.russia?.filter((r) => r.id !== "ru-pub-territory") ?? [],
      },
    });
    expect(debrief.redLines.withoutEach[0]).toEqual({
      removed: [
        { role: "russia", rule: "ru-pub-territory", title: "Recognition of Crimea and four oblasts" },
      ],
      feasible: onlyTerritory.feasible,
      zopa: onlyTerritory.zopa,
      nash: { utilities: onlyTerritory.nash?.utilities },
    });
  });

  it("asks the class about the red lines that collided, by their titles, and leaves each side its no-deal value", () => {
    const questions = discussionQuestions(debrief);
    expect(
      questions.some(
        (q) => q.includes("“No legal cession of Ukrainian land”") && q.includes("could not both hold"),
      ),
    ).toBe(true);
    expect(questions.some((q) => q.includes("stopped") || q.includes("past their own red lines"))).toBe(true);
    for (const side of debrief.sides) {
      expect(side).toMatchObject({
        agreed: false,
        got: publicPositions.utilities[side.role]?.batna,
        best: null,
      });
    }
  });

  it("judges the last tabled version against the red lines and says so", () => {
    expect(debrief.deal).toMatchObject({
      source: "last-tabled",
      version: 1,
      complete: false,
      distanceToNash: null,
    });
    expect(debrief.summary).toEqual([
      "The facilitator ended the talks in round 1 without an agreement: a stalemate.",
      "No deal was possible: no package satisfied every red line.",
      "Red lines collide: Ukraine's “No legal cession of Ukrainian land” and Russia's “Recognition of Crimea and four oblasts”; Russia's “Recognition of Crimea and four oblasts” and Europe's “No recognition of annexation”.",
      `Without those red lines, ${debrief.redLines.withoutCollisions?.feasible.toLocaleString("en-US")} packages would have satisfied the rest and ${debrief.redLines.withoutCollisions?.zopa?.toLocaleString("en-US")} would have beaten every no-deal value.`,
      `Setting aside Russia's “Recognition of Crimea and four oblasts” alone would have left ${debrief.redLines.withoutEach[0]?.zopa?.toLocaleString("en-US")} packages in the zone of agreement.`,
      "The last version tabled, version 1 by Ukraine, was not agreed; it left issues open and broke Russia's “Recognition of Crimea and four oblasts”.",
      "Without an agreement, each party was left with its no-deal value.",
      "Seats were stopped at their own red lines once: Ukraine once.",
    ]);
  });

  it("gives a seat the others' red lines by role and source only, one neutral name per rule", () => {
    const forUkraine = withOthersRedLinesWithheld(debrief, "ukraine");
    // The whole debrief's sentences are not kept: they are written again from what is left.
    expect(forUkraine).not.toHaveProperty("summary");
    expect(forUkraine).not.toHaveProperty("questions");
    const text = JSON.stringify(withSentences(forUkraine, scenario, "en"));
    for (const [role, list] of Object.entries(publicPositions.redLines)) {
      if (role === "ukraine") continue;
      for (const rule of list) {
        expect(text).not.toContain(rule.id);
        expect(text).not.toContain(rule.title);
        expect(text).not.toContain(rule.explanation);
      }
    }
    // Its own rule is whole; Russia's collides twice under the one name it gets.
    const own = publicPositions.redLines.ukraine?.find((r) => r.id === "ua-no-legal-cession");
    expect(forUkraine.redLines.refusals[0]?.rules[0]?.explanation).toBe(own?.explanation);
    expect(forUkraine.redLines.collisions.map((c) => c.map((v) => `${v.role}:${v.rule}`).sort())).toEqual([
      ["russia:undisclosed-1", "ukraine:ua-no-legal-cession"],
      ["europe:undisclosed-2", "russia:undisclosed-1"],
    ]);
    expect(forUkraine.redLines.collisions.flat().filter((v) => v.role !== "ukraine")).toEqual(
      expect.arrayContaining([expect.objectContaining({ explanation: "" })]),
    );
    expect(forUkraine.redLines.withoutEach[0]?.removed).toEqual([
      { role: "russia", rule: "undisclosed-1", title: "Undisclosed red line 1" },
    ]);
    expect(withSentences(forUkraine, scenario, "en").summary[2]).toBe(
      "Red lines collide: Ukraine's “No legal cession of Ukrainian land” and Russia's “Undisclosed red line 1”; Russia's “Undisclosed red line 1” and Europe's “Undisclosed red line 2”.",
    );
    // The figures stay the same.
    expect(forUkraine.analysis.end.feasible).toBe(debrief.analysis.end.feasible);
    expect(forUkraine.redLines.withoutCollisions?.zopa).toBe(debrief.redLines.withoutCollisions?.zopa);
  });
});

describe("news that moves the figures", () => {
  const table = negotiating();
  table.do(...setAll("us", nash.package), { type: "table-draft", actor: "us" });
  table.do({ type: "inject-event", actor: "instructor", event: "pokrovsk-breakthrough" });
  const changed = { ...nash.package, humanitarian: "exchanges-only" };
  table.do(
    { type: "pass", actor: "ukraine" },
    { type: "set-option", actor: "europe", issue: "humanitarian", option: "exchanges-only" },
    { type: "table-draft", actor: "europe" },
  );
  const debrief = debriefOf(table);
  const after = effectiveScenario(scenario, "back-channel", ["pokrovsk-breakthrough"]);

  it("analyses the scenario as it stood at the end, and at the start", () => {
    expectFiguresOf(debrief.analysis.end, after);
    expect(debrief.analysis.start).not.toBeNull();
    if (debrief.analysis.start) expectFiguresOf(debrief.analysis.start, backChannel);
  });

  it("shows how the event changed the feasible set and the ZOPA", () => {
    expect(debrief.injectedEvents).toHaveLength(1);
    const [news] = debrief.injectedEvents;
    expect(news).toMatchObject({
      event: "pokrovsk-breakthrough",
      title: scenario.events.find((e) => e.id === "pokrovsk-breakthrough")?.title,
      round: 1,
      scheduled: false,
      before: { feasible: 7776, zopa: 5452, paretoSize: 156, noDeal: engine.batna },
      after: { feasible: 7776, zopa: 1851, noDeal: analyze(after).batna },
    });
    expect(debrief.summary).toContain(
      "The news “Russian breakthrough at Pokrovsk” narrowed the zone of agreement from 5,452 to 1,851 packages.",
    );
  });

  it("scores each tabled version with the numbers in force when it was tabled", () => {
    const [first, second] = debrief.concessions;
    expect(first?.noDeal).toEqual(engine.batna);
    expect(second?.noDeal).toEqual(analyze(after).batna);
    for (const role of roles) {
      expect(first?.utilities[role]).toBe(nash.utilities[role]);
      expect(second?.utilities[role]).toBeCloseTo(utility(after, role, changed), 9);
    }
    expect(debrief.summary[0]).toBe(
      "The talks are still under way, in round 1 of 6: these figures are as of now.",
    );
    expect(debrief.deal).toMatchObject({ source: "last-tabled", version: 2, tabledBy: "europe" });
  });

  it("a track-two signal clears the public positions' collisions, which the start figures keep", () => {
    const track = negotiating({ variant: "public-positions" }).do({
      type: "inject-event",
      actor: "instructor",
      event: "track-two-signal",
    });
    const story = debriefOf(track, { variant: "public-positions" });
    expect(story.analysis.start?.feasible).toBe(0);
    expect(story.analysis.start?.collisions.length).toBe(2);
    expect(story.analysis.end.feasible).toBe(7776);
    expect(story.redLines.collisions).toEqual([]);
    expect(story.injectedEvents[0]).toMatchObject({
      before: { feasible: 0, zopa: 0 },
      after: { feasible: 7776, zopa: 5452 },
    });
    expect(story.summary).toContain(
      "The news “Back-channel signal from Moscow” widened the zone of agreement from 0 to 5,452 packages (feasible packages: 0 before, 7,776 after).",
    );
  });
});

describe("news that changes no count", () => {
  it("is told together in one sentence", () => {
    const table = negotiating()
      .do({ type: "inject-event", actor: "instructor", event: "energy-price-spike" })
      .do({ type: "inject-event", actor: "instructor", event: "election-pressure" });
    const debrief = debriefOf(table);
    expect(debrief.injectedEvents.map((e) => [e.before.zopa, e.after.zopa])).toEqual([
      [5452, 5452],
      [5452, 5452],
    ]);
    expect(debrief.summary).toContain(
      "The news “Energy prices spike in Europe” and “Election-year pressure in Washington” did not change how many packages were feasible or in the zone of agreement.",
    );
  });
});

describe("tables not concluded", () => {
  it("a table in the lobby: no figures of play, the phase said", () => {
    const debrief = debriefFor({ config: { scenario }, events: [] });
    expect(debriefSchema.parse(debrief)).toEqual(debrief);
    expect(debrief.status).toMatchObject({
      phase: "lobby",
      concluded: false,
      outcomeClass: null,
      roundsPlayed: 0,
    });
    expect(debrief.summary).toEqual([
      "The table has not started: it is still in the lobby.",
      "A deal is possible: 5,452 packages satisfy every red line and beat every no-deal value.",
    ]);
    const row = classRow(debrief, { number: 4, id: "t-4" });
    expect(row).toMatchObject({
      phase: "lobby",
      concluded: false,
      outcomeClass: null,
      rounds: 0,
      dealSource: null,
    });
    expect(Object.values(row.scores)).toEqual([null, null, null, null]);
  });

  it("a live table: the version on the table against the Nash point", () => {
    const table = negotiating().do(...setAll("us", nash.package), { type: "table-draft", actor: "us" });
    const debrief = debriefOf(table);
    expect(debrief.summary.slice(0, 3)).toEqual([
      "The talks are still under way, in round 1 of 6: these figures are as of now.",
      "A deal is possible: 5,452 packages satisfy every red line and beat every no-deal value.",
      "Version 1, tabled by United States, is on the table; it is 0.0 points from the Nash point.",
    ]);
    expect(classRow(debrief, { number: 1, id: "t" }).scores).toEqual({
      ukraine: null,
      russia: null,
      us: null,
      europe: null,
    });
  });
});

describe("a table played by bots", () => {
  const styles = { us: "conceder", ukraine: "linear", europe: "conceder", russia: "boulware" } as const;
  const simulated = simulateTable({ scenario }, "debrief", styles, undefined, botWords);

  it("keeps the bots' reasoning and one concession point per tabled version", () => {
    const debrief = debriefFor({ config: { scenario }, events: simulated.events });
    expect(debrief.communication.botNotes).toHaveLength(
      simulated.events.filter((e) => e.type === "bot-noted").length,
    );
    expect(debrief.communication.botNotes.length).toBeGreaterThan(0);
    expect(debrief.concessions.map((c) => c.version)).toEqual(simulated.state.versions.map((v) => v.number));
    expect(debrief.roles.map((r) => r.bot)).toEqual(
      debrief.roles.map((r) => styles[r.id as keyof typeof styles]),
    );
    for (const point of debrief.concessions) {
      const version = simulated.state.versions.find((v) => v.number === point.version);
      for (const role of roles) {
        expect(point.utilities[role]).toBeCloseTo(utility(backChannel, role, version?.package ?? {}), 9);
      }
    }
    if (simulated.state.outcome?.reason === "agreement") {
      expect(debrief.deal?.parties.map((p) => p.utility)).toEqual(
        debrief.roles.map((r) => simulated.state.outcome?.utilities?.[r.id]),
      );
    }
  });

  it("gives the bots' reasoning in the reader's language, from the bots' own translations", () => {
    const notes = simulated.events.flatMap((e) => (e.type === "bot-noted" ? [e] : []));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((note) => note.translations?.uk)).toBe(true);
    // The figures keep every language the bots gave; each reader's copy has its own only.
    const figures = debriefFigures({ config: { scenario }, events: simulated.events });
    expect(figures.communication.botNotes.map((note) => note.translations)).toEqual(
      notes.map((note) => note.translations),
    );
    const read = (locale: Locale) =>
      debriefFor({ config: { scenario }, events: simulated.events }, { locale }).communication.botNotes;
    const english = read("en");
    expect(english.map((note) => note.text)).toEqual(notes.map((note) => note.text));
    const ukrainian = read("uk");
    expect(ukrainian.map((note) => note.text)).toEqual(notes.map((note) => note.translations?.uk));
    expect(ukrainian.map(({ text: _, ...note }) => note)).toEqual(
      english.map(({ text: _, ...note }) => note),
    );
    for (const copy of [english, ukrainian]) {
      expect(JSON.stringify(copy)).not.toContain("translations");
      debriefSchema.shape.communication.shape.botNotes.parse(copy);
    }
    expect(ukrainian[0]?.text).not.toBe(english[0]?.text);
    // A note the bot gave in English only is read in English in every language.
    const untranslated = simulated.events.map((e) =>
      e.type === "bot-noted" ? { ...e, translations: undefined } : e,
    );
    expect(
      debriefFor({ config: { scenario }, events: untranslated }, { locale: "uk" }).communication.botNotes.map(
        (note) => note.text,
      ),
    ).toEqual(notes.map((note) => note.text));
    // Straight from the figures too, as the server reads them.
    expect(localizeDebrief(figures, scenario, "uk").communication.botNotes).toEqual(ukrainian);
    expect(localizeDebrief(figures, scenario, "en").communication.botNotes).toEqual(english);
  });

  it("computes a debrief in well under a second", () => {
    debriefFor({ config: { scenario }, events: simulated.events });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      // A fresh cache each time: every analysis is computed again.
      debriefFor({ config: { scenario }, events: simulated.events }, { analyses: createAnalysisCache() });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(250);
  });
});

describe("tables of 2 to 6 seats", () => {
  it("debrief every party, give each seat its own side, and withhold the others' red lines", () => {
    let named = 0;
    for (const seats of [2, 3, 5, 6]) {
      const generated = syntheticScenario({
        seed: `debrief-${seats}`,
        roles: seats,
        issues: 4,
        options: 3,
        redLinesPerRole: 2,
        batna: 40,
      });
      const config = { scenario: generated, rounds: 2 };
      const each = Object.fromEntries(generated.turnOrder.map((role) => [role, "linear" as const]));
      const played = simulateTable(config, `debrief-${seats}`, each, undefined, botWords);
      const debrief = debriefFor({ config, events: played.events });
      debriefSchema.parse(debrief);
      const roleIds = generated.roles.map((r) => r.id);
      expect(debrief.roles.map((r) => r.id)).toEqual(roleIds);
      expect(debrief.sides.map((side) => side.role)).toEqual(roleIds);
      expect(debrief.analysis.end.zopa).toBe(analyze(effectiveScenario(generated)).zopa);
      expect(Object.keys(classRow(debrief, { number: 1, id: crypto.randomUUID() }).scores).sort()).toEqual(
        [...roleIds].sort(),
      );
      // The instructor's copy names the rules that broke or collided: what a seat's copy must not.
      const whole = JSON.stringify({ ...debrief, communication: null });
      named += Object.values(generated.redLines)
        .flat()
        .filter((line) => whole.includes(line.title)).length;
      for (const viewer of roleIds) {
        const copy = withSentences(
          withOwnSideOnly(withOthersRedLinesWithheld(debrief, viewer), viewer),
          generated,
          "en",
        );
        expect(copy.sides.map((side) => side.role)).toEqual([viewer]);
        // Bots explain their own moves in their notes; everything else names no other seat's rule.
        const text = JSON.stringify({ ...copy, communication: null });
        for (const [role, lines] of Object.entries(generated.redLines)) {
          if (role === viewer) continue;
          for (const line of lines) {
            expect(text).not.toContain(`"${line.id}"`);
            expect(text).not.toContain(line.title);
            expect(text).not.toContain(line.explanation);
          }
        }
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});

describe("a debrief read in Ukrainian", () => {
  const uk = scenario.translations?.uk;
  if (!uk) throw new Error("ukraine-2026 has no Ukrainian translation");
  /**
   * The table's debrief for a Ukrainian reader. Ukrainian groups a number's digits with a no-break
   * space (5 452); the sentences below are written with a plain one, for reading.
   */
  const inUkrainian = (table: TableScript, config: Omit<TableConfig, "scenario"> = {}) => {
    const read = debriefFor({ config: { scenario, ...config }, events: table.events }, { locale: "uk" });
    expect(debriefSchema.parse(read)).toEqual(read);
    const plain = (text: string) => text.replaceAll("\u00a0", " ");
    return { ...read, summary: read.summary.map(plain), questions: read.questions.map(plain), raw: read };
  };
  /** Every text of the copy, for what it must not say. */
  const textOf = (copy: unknown) => JSON.stringify(copy);

  it("is English unless asked otherwise", () => {
    const table = negotiating().do({ type: "walk-out", actor: "russia" });
    expect(debriefFor({ config: { scenario }, events: table.events }, { locale: "en" })).toEqual(
      debriefFor({ config: { scenario }, events: table.events }),
    );
  });

  it("names the scenario's things from its translation and writes the summary and questions in Ukrainian, with the same figures", () => {
    const table = negotiating().do(
      { type: "say", actor: "ukraine", to: "europe", text: "Will you back bilateral treaties?" },
      { type: "say", actor: "europe", to: "ukraine", text: "Yes, with a European force." },
      { type: "say", actor: "us", text: "Here is the full text." },
      ...setAll("us", nash.package),
      { type: "table-draft", actor: "us" },
      ...acceptAll(1),
    );
    const english = debriefOf(table);
    const { raw, ...read } = inUkrainian(table);
    expect(raw.summary[1]).toContain("5\u00a0452 пакети");
    expect(read.scenario).toEqual({
      id: "ukraine-2026",
      title: uk.title,
      variant: "back-channel",
      variantName: uk.variants?.["back-channel"]?.name,
    });
    expect(read.roles.map((r) => [r.id, r.name])).toEqual([
      ["ukraine", "Україна"],
      ["russia", "Росія"],
      ["us", "Сполучені Штати"],
      ["europe", "Європа"],
    ]);
    expect(read.status.outcome).toEqual({
      title: "Крихке перемирʼя",
      description: uk.outcomes?.["fragile-ceasefire"]?.description,
      phrase: "крихке перемирʼя",
    });
    // The figures are the same whatever the language.
    expect(read.analysis).toEqual(english.analysis);
    expect(read.deal).toEqual(english.deal);
    expect(read.sides).toEqual(english.sides);
    expect(read.communication).toEqual(english.communication);
    expect(read.summary).toEqual([
      "Ваш стіл погодив версію 1 у раунді 1 (підсумок — крихке перемирʼя); угода збігається з точкою Неша.",
      "Угода була можлива: 5 452 пакети зберігали всі червоні лінії й перевершували кожен результат за відсутності угоди.",
      "Угода лежить на межі Парето: жоден інший пакет не був кращим для однієї сторони, не будучи гіршим для іншої.",
      "Порівняно з результатами за відсутності угоди: Україна (+17,5), Росія (+12,8), Сполучені Штати (+50,8) і Європа (+34,4).",
      "Жодне місце не намагалося переступити власні червоні лінії.",
      "Публічних повідомлень: 1; приватних: 2; найактивніший приватний канал — Україна–Європа (2).",
    ]);
    expect(read.questions).toEqual([
      "Росія: сторона прийняла пакет, вартий для неї 62,8 бала, тоді як без угоди вона мала б 50,0 — це найменший виграш за столом. Чому вона погодилася і чого могла б вимагати?",
      "Стіл дійшов саме до точки Неша — пакета, що найрівномірніше розподіляє виграші. Що в перебігу переговорів зробило цей пакет прийнятним для всіх?",
      "Найактивнішим приватним каналом був Україна–Європа: 2 повідомлення. Чого він досяг такого, чого не міг дати загальний чат столу?",
    ]);
    // The class view's row names the outcome in Ukrainian too.
    expect(classRow(raw, { number: 1, id: "t-1" })).toEqual({
      ...classRow(english, { number: 1, id: "t-1" }),
      outcomeTitle: "Крихке перемирʼя",
    });
  });

  it("gives red lines their Ukrainian titles and explanations, and withholds another seat's in both languages", () => {
    const table = negotiating({ variant: "public-positions" }).do({ type: "pass", actor: "us" });
    table.do({ type: "set-option", actor: "ukraine", issue: "territory", option: "recognize-crimea" });
    attempt(table, { type: "table-draft", actor: "ukraine" });
    table.do({ type: "set-option", actor: "ukraine", issue: "territory", option: "deferred" });
    table.do({ type: "table-draft", actor: "ukraine" });
    table.do({ type: "end-talks", actor: "instructor" });
    const read = inUkrainian(table, { variant: "public-positions" });
    const cession = uk.redLines?.["ua-no-legal-cession"];
    expect(read.redLines.refusals[0]?.rules[0]).toMatchObject({
      role: "ukraine",
      rule: "ua-no-legal-cession",
      title: cession?.title,
      explanation: cession?.explanation,
    });
    expect(read.summary).toEqual([
      "Модератор завершив переговори в раунді 1 без угоди (підсумок — патова ситуація).",
      "Угода була неможлива: жоден пакет не зберігав усіх червоних ліній.",
      "Зіткнулися червоні лінії: «Жодної юридичної передачі української землі» (Україна) і «Визнання Криму та чотирьох областей» (Росія); «Визнання Криму та чотирьох областей» (Росія) і «Жодного визнання анексії» (Європа).",
      "Без цих червоних ліній 4 860 пакетів зберігали б решту ліній, з них кращих за кожен результат за відсутності угоди — 2 908.",
      "Якби відкинути лише «Визнання Криму та чотирьох областей» (Росія), у зоні можливої угоди залишилося б 1 530 пакетів.",
      "Останню внесену версію — версію 1 від делегації «Україна» — не погоджено; вона залишала питання відкритими і порушувала «Визнання Криму та чотирьох областей» (Росія).",
      "Без угоди кожна сторона залишилася зі своїм результатом за відсутності угоди.",
      "Власні червоні лінії зупиняли місця 1 раз: Україна (1 раз).",
    ]);
    expect(read.questions[0]).toBe(
      "Червоні лінії «Жодної юридичної передачі української землі» (Україна) і «Визнання Криму та чотирьох областей» (Росія) неможливо було зберегти водночас. Якій стороні слід було поступитися і що їй було б потрібно натомість?",
    );

    // Ukraine's seat, its reader in Ukrainian: its own red line in full, the others' under neutral names.
    const forUkraine = withSentences(withOthersRedLinesWithheld(read.raw, "ukraine", "uk"), scenario, "uk");
    expect(forUkraine.redLines.refusals[0]?.rules[0]?.explanation).toBe(cession?.explanation);
    expect(forUkraine.redLines.withoutEach[0]?.removed).toEqual([
      { role: "russia", rule: "undisclosed-1", title: "Нерозкрита червона лінія 1" },
    ]);
    expect(forUkraine.summary[2]).toBe(
      "Зіткнулися червоні лінії: «Жодної юридичної передачі української землі» (Україна) і «Нерозкрита червона лінія 1» (Росія); «Нерозкрита червона лінія 1» (Росія) і «Нерозкрита червона лінія 2» (Європа).",
    );
    const text = textOf(forUkraine);
    const publicPositions = effectiveScenario(scenario, "public-positions");
    for (const [role, list] of Object.entries(publicPositions.redLines)) {
      if (role === "ukraine") continue;
      for (const rule of list) {
        const translated = uk.redLines?.[rule.id];
        for (const words of [
          rule.id,
          rule.title,
          rule.explanation,
          translated?.title,
          translated?.explanation,
        ]) {
          if (words) expect(text).not.toContain(words);
        }
      }
    }
  });

  it("names the news by its Ukrainian title, with its flash", () => {
    const table = negotiating();
    table.do(...setAll("us", nash.package), { type: "table-draft", actor: "us" });
    table.do({ type: "inject-event", actor: "instructor", event: "pokrovsk-breakthrough" });
    const read = inUkrainian(table);
    const news = uk.events?.["pokrovsk-breakthrough"];
    expect(read.injectedEvents[0]).toMatchObject({ title: news?.title, flash: news?.flash });
    expect(read.summary).toEqual([
      "Переговори ще тривають, раунд 1 з 6: показники наведено на цей момент.",
      "Угода можлива: 1 851 пакет зберігає всі червоні лінії й перевершує кожен результат за відсутності угоди.",
      "Новина «Російський прорив під Покровськом» звузила зону можливої угоди з 5 452 до 1 851 пакета.",
      `На столі — версія 1, внесена делегацією «Сполучені Штати»; вона перебуває на відстані ${formatUk(read.deal?.distanceToNash)} бала від точки Неша.`,
      "Жодне місце досі не намагалося переступити власні червоні лінії.",
    ]);
    expect(read.questions[0]).toBe(
      "Після новини «Російський прорив під Покровськом» кількість пакетів, кращих за відсутність угоди для всіх, змінилася: було 5 452, стало 1 851. Як новина змінила те, що могла прийняти кожна сторона?",
    );
  });

  it("tells a walk-out and news that changed nothing", () => {
    const table = negotiating()
      .do({ type: "inject-event", actor: "instructor", event: "energy-price-spike" })
      .do({ type: "inject-event", actor: "instructor", event: "election-pressure" })
      .do({ type: "walk-out", actor: "russia" });
    expect(inUkrainian(table).summary).toEqual([
      "Переговори зірвалися в раунді 1: делегація «Росія» залишила стіл.",
      "Угода була можлива: 5 452 пакети зберігали всі червоні лінії й перевершували кожен результат за відсутності угоди.",
      "Новини «Стрибок цін на енергоносії в Європі» і «Передвиборчий тиск у Вашингтоні» не змінили кількості ні допустимих пакетів, ні пакетів у зоні можливої угоди.",
      "Жодної версії не внесено; кожна сторона залишилася зі своїм результатом за відсутності угоди.",
      "Жодне місце не намагалося переступити власні червоні лінії.",
    ]);
  });
});

/** Points as a Ukrainian sentence writes them: 9,5. */
function formatUk(points: number | null | undefined): string {
  return (Math.round((points ?? Number.NaN) * 10) / 10).toLocaleString("uk", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
