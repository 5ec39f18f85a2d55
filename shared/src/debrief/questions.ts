// Questions for the instructor to put to the class, written from one table's own figures and
// events: who gained least, how far from the Nash point, what the news did, which red lines
// collided, what the refusals and the back-channels were. Client-safe: reads a debrief only.
import { possessive } from "../table/state.ts";
import type { Debrief } from "./schema.ts";
import { formatCount, formatPoints } from "./summary.ts";

const MAX_QUESTIONS = 5;

export function discussionQuestions(debrief: Omit<Debrief, "summary">): string[] {
  const name = (role: string) => debrief.roles.find((r) => r.id === role)?.name ?? role;
  const { deal, status, analysis, redLines, injectedEvents, communication } = debrief;
  const end = analysis.end;
  const found: string[] = [];
  const agreed = deal?.source === "agreed" ? deal : null;

  if (agreed) {
    const least = [...agreed.parties].sort((a, b) => a.gain - b.gain)[0];
    if (least) {
      found.push(
        `${name(least.role)} accepted a package worth ${formatPoints(least.utility)} to it, against ${formatPoints(least.noDeal)} without a deal: the smallest gain at the table. Why did it accept, and what could it have asked for?`,
      );
    }
    if (agreed.distanceToNash !== null && agreed.distanceToNash >= 0.05) {
      found.push(
        `The agreement was ${formatPoints(agreed.distanceToNash)} points from the Nash point, the package that shares the gains most evenly. Who would have had to give to get closer, and on which issue?`,
      );
    } else if (agreed.distanceToNash !== null) {
      found.push(
        "The table landed on the Nash point, the package that shares the gains most evenly. What in the talks made this package acceptable to everyone?",
      );
    }
  } else if (status.concluded && end.zopa !== null && end.zopa > 0) {
    found.push(
      `${formatCount(end.zopa)} ${end.zopa === 1 ? "package was" : "packages were"} better than no deal for every party, yet the table did not agree. What stood in the way: information, trust, time or the turn order?`,
    );
  }

  const collision = redLines.collisions[0];
  if (collision && collision.length >= 2) {
    const [a, b] = collision;
    if (a && b) {
      found.push(
        `${possessive(name(a.role))} red line “${a.title}” and ${possessive(name(b.role))} “${b.title}” could not both hold. Which party should have moved, and what would it have needed in return?`,
      );
    }
  }

  const news = injectedEvents.find(
    (e) => e.before.zopa !== e.after.zopa || e.before.feasible !== e.after.feasible,
  );
  if (news) {
    const size = (n: number | null) => (n === null ? "too many to count" : formatCount(n));
    found.push(
      `After the news “${news.title}”, the packages better than no deal for everyone went from ${size(news.before.zopa)} to ${size(news.after.zopa)}. How did the news change what each side could accept?`,
    );
  }

  const refusals = redLines.refusals.length;
  if (refusals > 0) {
    const most = Object.entries(redLines.refusalsBySeat).sort((x, y) => y[1] - x[1])[0];
    found.push(
      `Seats tried to go past their own red lines ${refusals === 1 ? "once" : `${formatCount(refusals)} times`}${most && most[1] > 0 ? `, ${name(most[0])} most often` : ""}. Was each red line worth holding? Which would you have traded, and for what?`,
    );
  }

  const busiest = [...communication.privateByPair].sort((x, y) => y.count - x.count)[0];
  if (busiest && busiest.count > 0) {
    found.push(
      `The busiest private channel was ${name(busiest.seats[0])}–${name(busiest.seats[1])}, with ${formatCount(busiest.count)} ${busiest.count === 1 ? "message" : "messages"}. What did it achieve that the table chat could not?`,
    );
  }

  // Always enough to start a discussion, even at a quiet table.
  const general = [
    `Which move in the ${formatCount(status.versionsTabled)} ${status.versionsTabled === 1 ? "version" : "versions"} tabled changed the talks most, and who made it?`,
    "If you played this seat again, what would you table first, and why?",
    "Which party's no-deal value shaped the talks most, and did the others know it?",
  ];
  for (const question of general) if (found.length < 3) found.push(question);
  return found.slice(0, MAX_QUESTIONS);
}
