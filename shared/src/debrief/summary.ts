// The debrief's few plain sentences, written from its figures alone: what was possible, what the
// table did, how far that was from the Nash point, what the news changed and where red lines
// stopped people. Each is a phrase (client/messages/<locale>/summary.json, `summary`), rendered in
// the reader's language where the debrief is read (debrief.ts `withSentences`). Client-safe.
//
// Numbers travel as numbers, rounded as the sentences show them (points to one decimal), and the
// messages format them in the reader's language: 5,452 packages, 4.1 points in English. Seats and
// news are references to the scenario; a red line is named by the title its copy of the debrief
// carries, so a copy that withholds another seat's red lines names them only as it does.
import type { Phrase, PhraseCode, PhraseValue } from "../i18n/phrase.ts";
import { listWords } from "../words.ts";
import type { DebriefFigures, DebriefRule } from "./schema.ts";

/** A whole number with thousands separators: 12,441,600. */
export function formatCount(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Points with one decimal: 4.1, 62.5, 0.0 (never "-0.0"). */
export function formatPoints(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  const [whole = "0", tenths = "0"] = Math.abs(rounded).toFixed(1).split(".");
  return `${rounded < 0 ? "−" : ""}${formatCount(Number(whole))}.${tenths}`;
}

/** A gain with its sign: +17.5, −3.9, 0.0. */
export function formatGain(x: number): string {
  const text = formatPoints(x);
  return Math.round(x * 10) === 0 || text.startsWith("−") ? text : `+${text}`;
}

export { listWords };

/** A phrase of the debrief's messages (built here without phrase.ts's schema, so pages load no zod). */
export function debriefPhrase(code: PhraseCode, values?: Record<string, PhraseValue>): Phrase {
  return values ? { code, values } : { code };
}

/**
 * Points as a sentence shows them, to one decimal (rounded here as
 * `formatPoints` rounds, so the message's number format only writes the digits): never -0.
 */
export function pointsValue(x: number): number {
  return Math.round(x * 10) / 10 || 0;
}

/** A gain's sign and size, for a message that writes "+17.5", "−3.9" or "0.0". */
export function gainValues(x: number): { sign: "plus" | "minus" | "zero"; gain: number } {
  const rounded = pointsValue(x);
  return { sign: rounded > 0 ? "plus" : rounded < 0 ? "minus" : "zero", gain: Math.abs(rounded) };
}

/**
 * Phrases listed as the reader's language lists them: "A, B and C" in English, or "A; B; C" with
 * `semicolons`. An empty list is an empty string.
 */
export function listedPhrases(items: readonly Phrase[], semicolons = false): PhraseValue {
  const listed = listPhrase(items, semicolons);
  return listed ? { phrase: listed } : "";
}

/** `listedPhrases` as a phrase of its own; undefined for an empty list. */
function listPhrase(items: readonly Phrase[], semicolons = false): Phrase | undefined {
  let rest = items.at(-1);
  for (let i = items.length - 2; i >= 0 && rest; i--) {
    const first = items[i];
    if (!first) continue;
    const join = semicolons ? "semicolon" : i === items.length - 2 ? "last" : "comma";
    rest = debriefPhrase("summary.list", { join, first: { phrase: first }, rest: { phrase: rest } });
  }
  return rest;
}

/** A red line with its seat: "Ukraine's “No legal cession of Ukrainian land”". */
export function rulePhrase(rule: Pick<DebriefRule, "role" | "title">): Phrase {
  return debriefPhrase("summary.rule", { role: { role: rule.role }, title: rule.title });
}

type Values = Record<string, PhraseValue>;

const yes = (flag: boolean) => (flag ? "yes" : "no");

/** The summary's sentences, as phrases, from a copy of the debrief (its figures and its words). */
export function summaryPhrases(debrief: DebriefFigures): Phrase[] {
  const { status, deal, analysis } = debrief;
  const live = yes(!status.concluded);
  const sentences: Phrase[] = [];
  const outcome: Values = status.outcome
    ? { withOutcome: "yes", outcome: status.outcome.phrase }
    : { withOutcome: "no" };
  const when: Values =
    status.roundsPlayed > 0 ? { when: "round", round: status.roundsPlayed } : { when: "before" };

  // What happened, in one sentence.
  if (status.phase === "lobby") sentences.push(debriefPhrase("summary.lobby"));
  else if (status.phase === "briefing") sentences.push(debriefPhrase("summary.briefing"));
  else if (status.phase === "negotiating") {
    sentences.push(debriefPhrase("summary.under-way", { round: status.roundsPlayed, rounds: status.rounds }));
  } else if (status.reason === "agreement" && deal) {
    const nash: Values =
      deal.distanceToNash === null
        ? { nash: "none" }
        : deal.distanceToNash < 0.05
          ? { nash: "at" }
          : { nash: "off", distance: pointsValue(deal.distanceToNash) };
    sentences.push(
      debriefPhrase("summary.agreed", {
        version: deal.version,
        round: status.roundsPlayed,
        ...outcome,
        ...nash,
      }),
    );
  } else if (status.reason === "walk-out") {
    const who: Values = status.walkedOut
      ? { who: "known", role: { role: status.walkedOut } }
      : { who: "unknown" };
    sentences.push(debriefPhrase("summary.walked-out", { ...when, ...who }));
  } else if (status.reason === "ended-by-instructor") {
    sentences.push(debriefPhrase("summary.ended", { ...when, ...outcome }));
  } else {
    sentences.push(debriefPhrase("summary.ran-out", { rounds: status.roundsPlayed, ...outcome }));
  }

  // What was possible.
  const end = analysis.end;
  if (end.feasible > 0 && end.zopa !== null && end.zopa > 0) {
    sentences.push(debriefPhrase("summary.possible", { live, count: end.zopa }));
  } else if (end.feasible > 0 && end.zopa === null) {
    sentences.push(debriefPhrase("summary.possible-uncounted", { live, count: end.feasible }));
  } else if (end.feasible > 0) {
    sentences.push(debriefPhrase("summary.not-worth-taking", { live, count: end.feasible }));
  } else {
    sentences.push(debriefPhrase("summary.impossible", { live }));
    const collisions = debrief.redLines.collisions;
    if (collisions.length > 0) {
      const pairs = listedPhrases(
        collisions.flatMap((c) => listPhrase(c.map(rulePhrase)) ?? []),
        true,
      );
      sentences.push(
        debriefPhrase(collisions.length === 1 ? "summary.collide-one" : "summary.collide-many", { pairs }),
      );
    } else {
      sentences.push(debriefPhrase("summary.collisions-unnamed"));
    }
    const without = debrief.redLines.withoutCollisions;
    if (without) {
      sentences.push(
        debriefPhrase("summary.without", {
          removed: without.removed.length,
          feasible: without.feasible,
          counted: yes(without.zopa !== null),
          ...(without.zopa === null ? {} : { zopa: without.zopa }),
        }),
      );
      const best = [...debrief.redLines.withoutEach].sort(
        (a, b) => (b.zopa ?? b.feasible) - (a.zopa ?? a.feasible) || b.feasible - a.feasible,
      )[0];
      const alone = best?.removed[0];
      if (best && alone && best.feasible > 0) {
        sentences.push(
          debriefPhrase("summary.set-aside", {
            rule: { phrase: rulePhrase(alone) },
            count: best.zopa ?? best.feasible,
            counted: yes(best.zopa !== null),
          }),
        );
      }
    }
  }

  // What the news changed: each change in its own debriefPhrase, news that changed nothing together.
  const unchanged: Phrase[] = [];
  for (const news of debrief.injectedEvents) {
    const countOf = (f: typeof news.before) => f.zopa ?? f.feasible;
    const zone = news.before.zopa !== null && news.after.zopa !== null;
    const before = countOf(news.before);
    const after = countOf(news.after);
    if (after === before && news.before.feasible === news.after.feasible) {
      unchanged.push(debriefPhrase("summary.news-title", { event: { event: news.event } }));
      continue;
    }
    const feasibleChanged = zone && news.before.feasible !== news.after.feasible;
    sentences.push(
      debriefPhrase("summary.news-changed", {
        event: { event: news.event },
        change: after > before ? "widened" : after < before ? "narrowed" : "unchanged",
        what: zone ? "zone" : "feasible",
        before,
        after,
        feasibleChanged: yes(feasibleChanged),
        ...(feasibleChanged
          ? { feasibleBefore: news.before.feasible, feasibleAfter: news.after.feasible }
          : {}),
      }),
    );
  }
  if (unchanged.length > 0) {
    sentences.push(
      debriefPhrase(unchanged.length === 1 ? "summary.news-unchanged-one" : "summary.news-unchanged-many", {
        events: listedPhrases(unchanged),
      }),
    );
  }

  // The package on the table against the Nash point and the no-deal values.
  if (deal?.source === "agreed") {
    if (deal.distanceToFrontier !== null) {
      sentences.push(
        deal.distanceToFrontier < 0.05
          ? debriefPhrase("summary.on-frontier")
          : deal.paretoImprovement
            ? debriefPhrase("summary.pareto-improvement", {
                distance: pointsValue(deal.paretoImprovement.distance),
              })
            : debriefPhrase("summary.off-frontier", { distance: pointsValue(deal.distanceToFrontier) }),
      );
    }
    const gains = deal.parties.map((p) =>
      debriefPhrase("summary.party-gain", { role: { role: p.role }, ...gainValues(p.gain) }),
    );
    sentences.push(debriefPhrase("summary.against-no-deal", { gains: listedPhrases(gains) }));
    const worse = deal.parties.filter((p) => p.gain < 0).map((p) => p.role);
    if (worse.length > 0) sentences.push(debriefPhrase("summary.worse-off", { roles: { roles: worse } }));
  } else if (deal) {
    const facts: Phrase[] = [];
    if (deal.distanceToNash !== null) {
      facts.push(debriefPhrase("summary.fact-nash", { live, distance: pointsValue(deal.distanceToNash) }));
    } else if (!deal.complete) facts.push(debriefPhrase("summary.fact-open", { live }));
    if (deal.violations.length > 0) {
      facts.push(
        debriefPhrase("summary.fact-breaks", { live, rules: listedPhrases(deal.violations.map(rulePhrase)) }),
      );
    }
    sentences.push(
      debriefPhrase("summary.on-the-table", {
        live,
        version: deal.version,
        role: { role: deal.tabledBy },
        withFacts: yes(facts.length > 0),
        facts: listedPhrases(facts),
      }),
    );
    if (status.concluded) sentences.push(debriefPhrase("summary.left-with-no-deal"));
  } else if (status.phase === "negotiating") {
    sentences.push(debriefPhrase("summary.none-tabled-yet"));
  } else if (status.concluded) {
    sentences.push(debriefPhrase("summary.none-tabled"));
  }

  // Red lines people ran into.
  const refusals = debrief.redLines.refusals.length;
  if (refusals > 0) {
    const bySeat = Object.entries(debrief.redLines.refusalsBySeat)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([role, n]) => debriefPhrase("summary.seat-times", { role: { role }, count: n }));
    sentences.push(
      debriefPhrase("summary.refusals", { live, count: refusals, bySeat: listedPhrases(bySeat) }),
    );
  } else if (status.roundsPlayed > 0) {
    sentences.push(debriefPhrase("summary.no-refusals", { live }));
  }

  // Who talked to whom.
  const { communication } = debrief;
  const publicCount = Object.values(communication.publicBySeat).reduce((a, b) => a + b, 0);
  const privateCount = communication.privateByPair.reduce((a, p) => a + p.count, 0);
  if (publicCount + privateCount > 0) {
    const busiest = [...communication.privateByPair].sort((a, b) => b.count - a.count)[0];
    const channel: Values =
      busiest && busiest.count > 0
        ? {
            busiest: "yes",
            first: { role: busiest.seats[0] },
            second: { role: busiest.seats[1] },
            busiestCount: busiest.count,
          }
        : { busiest: "no" };
    sentences.push(
      debriefPhrase("summary.messages", { public: publicCount, private: privateCount, ...channel }),
    );
  }
  const botRoles = debrief.roles.filter((r) => r.bot !== null).map((r) => r.id);
  if (botRoles.length > 0) {
    sentences.push(
      debriefPhrase("summary.bots", { roles: { roles: botRoles }, moves: communication.botNotes.length }),
    );
  }
  return sentences;
}
