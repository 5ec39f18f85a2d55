// The debrief's few plain sentences, written from its figures alone: what was possible, what the
// table did, how far that was from the Nash point, what the news changed and where red lines
// stopped people. Numbers are formatted for people: 5,452 packages, 4.1 points.
import { possessive } from "../table/state.ts";
import { listWords } from "../words.ts";
import type { Debrief, DebriefRule } from "./schema.ts";

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

function times(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${formatCount(n)} times`;
}

function packages(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "package" : "packages"}`;
}

export function debriefSummary(debrief: Omit<Debrief, "summary">): string[] {
  const name = (role: string) => debrief.roles.find((r) => r.id === role)?.name ?? role;
  const rule = (r: Pick<DebriefRule, "role" | "title">) => `${possessive(name(r.role))} “${r.title}”`;
  const { status, deal, analysis } = debrief;
  const live = !status.concluded;
  const was = live ? "is" : "was";
  const sentences: string[] = [];

  // What happened, in one sentence.
  if (status.phase === "lobby") sentences.push("The table has not started: it is still in the lobby.");
  else if (status.phase === "briefing")
    sentences.push("The table is in its briefing: negotiations have not begun.");
  else if (status.phase === "negotiating") {
    sentences.push(
      `The talks are still under way, in round ${status.roundsPlayed} of ${status.rounds}: these figures are as of now.`,
    );
  } else if (status.reason === "agreement" && deal) {
    const cls = status.outcome ? `, ${status.outcome.phrase}` : "";
    const nash =
      deal.distanceToNash === null
        ? ""
        : deal.distanceToNash < 0.05
          ? ", on the Nash point itself"
          : `, ${formatPoints(deal.distanceToNash)} points from the Nash point`;
    sentences.push(
      `Your table agreed on version ${deal.version} in round ${status.roundsPlayed}${cls}${nash}.`,
    );
  } else if (status.reason === "walk-out") {
    const when = status.roundsPlayed > 0 ? `in round ${status.roundsPlayed}` : "before negotiations began";
    sentences.push(
      `The talks collapsed ${when}: ${status.walkedOut ? name(status.walkedOut) : "a party"} walked out.`,
    );
  } else if (status.reason === "ended-by-instructor") {
    const ending = status.outcome ? `: ${status.outcome.phrase}` : "";
    const when = status.roundsPlayed > 0 ? `in round ${status.roundsPlayed}` : "before negotiations began";
    sentences.push(`The facilitator ended the talks ${when} without an agreement${ending}.`);
  } else {
    const rounds = `${status.roundsPlayed} ${status.roundsPlayed === 1 ? "round" : "rounds"}`;
    const ending = status.outcome ? `, ${status.outcome.phrase}` : "";
    sentences.push(`Your table reached no agreement in ${rounds}: the rounds ran out${ending}.`);
  }

  // What was possible.
  const end = analysis.end;
  if (end.feasible > 0 && end.zopa !== null && end.zopa > 0) {
    const satisfied = live ? (end.zopa === 1 ? "satisfies" : "satisfy") : "satisfied";
    const beat = live ? (end.zopa === 1 ? "beats" : "beat") : "beat";
    sentences.push(
      `A deal ${was} possible: ${packages(end.zopa)} ${satisfied} every red line and ${beat} every no-deal value.`,
    );
  } else if (end.feasible > 0 && end.zopa === null) {
    sentences.push(
      `A deal ${was} possible: ${packages(end.feasible)} ${live ? "satisfy" : "satisfied"} every red line (too many to count how many beat every no-deal value).`,
    );
  } else if (end.feasible > 0) {
    sentences.push(
      `No deal ${was} worth taking for everyone: ${packages(end.feasible)} ${live ? "satisfy" : "satisfied"} every red line, but each ${live ? "leaves" : "left"} at least one party no better off than without a deal.`,
    );
  } else {
    sentences.push(`No deal ${was} possible: no package ${live ? "satisfies" : "satisfied"} every red line.`);
    const collisions = debrief.redLines.collisions;
    if (collisions.length > 0) {
      const pairs = collisions.map((c) => listWords(c.map(rule)));
      sentences.push(
        `${collisions.length === 1 ? "These red lines collide" : "Red lines collide"}: ${pairs.join("; ")}.`,
      );
    } else {
      sentences.push("The analysis could not name the colliding red lines within its limits.");
    }
    const without = debrief.redLines.withoutCollisions;
    if (without) {
      const those = without.removed.length === 1 ? "that red line" : "those red lines";
      const zopa =
        without.zopa === null
          ? ""
          : ` and ${formatCount(without.zopa)} would have beaten every no-deal value`;
      sentences.push(`Without ${those}, ${packages(without.feasible)} would have satisfied the rest${zopa}.`);
      const best = [...debrief.redLines.withoutEach].sort(
        (a, b) => (b.zopa ?? b.feasible) - (a.zopa ?? a.feasible) || b.feasible - a.feasible,
      )[0];
      const alone = best?.removed[0];
      if (best && alone && best.feasible > 0) {
        const figure =
          best.zopa === null
            ? `${packages(best.feasible)} feasible`
            : `${packages(best.zopa)} in the zone of agreement`;
        sentences.push(`Setting aside ${rule(alone)} alone would have left ${figure}.`);
      }
    }
  }

  // What the news changed: each change in its own sentence, news that changed nothing together.
  const unchanged: string[] = [];
  for (const news of debrief.injectedEvents) {
    const countOf = (f: typeof news.before) => f.zopa ?? f.feasible;
    const what = news.before.zopa !== null && news.after.zopa !== null ? "zone of agreement" : "feasible set";
    const before = countOf(news.before);
    const after = countOf(news.after);
    if (after === before && news.before.feasible === news.after.feasible) {
      unchanged.push(`“${news.title}”`);
      continue;
    }
    const change =
      after > before
        ? `widened the ${what} from ${formatCount(before)} to ${packages(after)}`
        : after < before
          ? `narrowed the ${what} from ${formatCount(before)} to ${packages(after)}`
          : `left the ${what} at ${packages(after)}`;
    const feasible =
      what === "zone of agreement" && news.before.feasible !== news.after.feasible
        ? ` (feasible packages: ${formatCount(news.before.feasible)} before, ${formatCount(news.after.feasible)} after)`
        : "";
    sentences.push(`The news “${news.title}” ${change}${feasible}.`);
  }
  if (unchanged.length > 0) {
    sentences.push(
      `The news ${listWords(unchanged)} did not change how many packages were feasible or in the zone of agreement.`,
    );
  }

  // The package on the table against the Nash point and the no-deal values.
  if (deal?.source === "agreed") {
    if (deal.distanceToFrontier !== null) {
      sentences.push(
        deal.distanceToFrontier < 0.05
          ? "It lies on the Pareto frontier: no other package was better for one party without being worse for another."
          : deal.paretoImprovement
            ? `Another package would have been at least as good for every party (${formatPoints(deal.paretoImprovement.distance)} points away).`
            : `It lies ${formatPoints(deal.distanceToFrontier)} points from the Pareto frontier.`,
      );
    }
    sentences.push(
      `Against their no-deal values: ${listWords(deal.parties.map((p) => `${name(p.role)} ${formatGain(p.gain)}`))}.`,
    );
    const worse = deal.parties.filter((p) => p.gain < 0).map((p) => name(p.role));
    if (worse.length > 0) {
      sentences.push(`${listWords(worse)} would have been better off without this deal.`);
    }
  } else if (deal) {
    const facts: string[] = [];
    if (deal.distanceToNash !== null) {
      facts.push(`${was} ${formatPoints(deal.distanceToNash)} points from the Nash point`);
    } else if (!deal.complete) facts.push(`${live ? "leaves" : "left"} issues open`);
    if (deal.violations.length > 0) {
      facts.push(`${live ? "breaks" : "broke"} ${listWords(deal.violations.map(rule))}`);
    }
    const it = facts.length > 0 ? `; it ${listWords(facts)}` : "";
    sentences.push(
      live
        ? `Version ${deal.version}, tabled by ${name(deal.tabledBy)}, is on the table${it}.`
        : `The last version tabled, version ${deal.version} by ${name(deal.tabledBy)}, was not agreed${it}.`,
    );
    if (!live) sentences.push("Without an agreement, each party was left with its no-deal value.");
  } else if (status.phase === "negotiating") {
    sentences.push("No version has been tabled yet.");
  } else if (status.concluded) {
    sentences.push("No version was tabled; each party was left with its no-deal value.");
  }

  // Red lines people ran into.
  const refusals = debrief.redLines.refusals.length;
  if (refusals > 0) {
    const bySeat = Object.entries(debrief.redLines.refusalsBySeat)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([role, n]) => `${name(role)} ${times(n)}`);
    sentences.push(
      `Seats ${live ? "have been" : "were"} stopped at their own red lines ${times(refusals)}: ${listWords(bySeat)}.`,
    );
  } else if (status.roundsPlayed > 0) {
    sentences.push(`No seat ${live ? "has tried" : "tried"} to go past its own red lines.`);
  }

  // Who talked to whom.
  const { communication } = debrief;
  const publicCount = Object.values(communication.publicBySeat).reduce((a, b) => a + b, 0);
  const privateCount = communication.privateByPair.reduce((a, p) => a + p.count, 0);
  if (publicCount + privateCount > 0) {
    const busiest = [...communication.privateByPair].sort((a, b) => b.count - a.count)[0];
    const channel =
      busiest && busiest.count > 0
        ? `; the busiest back-channel was ${name(busiest.seats[0])}–${name(busiest.seats[1])} (${formatCount(busiest.count)})`
        : "";
    sentences.push(
      `${formatCount(publicCount)} public ${publicCount === 1 ? "message" : "messages"} and ${privateCount === 0 ? "no private ones" : `${formatCount(privateCount)} private`}${channel}.`,
    );
  }
  const botRoles = debrief.roles.filter((r) => r.bot !== null).map((r) => name(r.id));
  if (botRoles.length > 0) {
    sentences.push(
      `Bots played ${listWords(botRoles)} and explained ${formatCount(communication.botNotes.length)} ${communication.botNotes.length === 1 ? "move" : "moves"}.`,
    );
  }
  return sentences;
}
