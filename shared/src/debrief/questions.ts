// Questions for the instructor to put to the class, written from one table's own figures and
// events: who gained least, how far from the Nash point, what the news did, which red lines
// collided, what the refusals and the back-channels were. Each is a phrase
// (client/messages/<locale>/summary.json, `question`), rendered in the reader's language where the
// debrief is read (debrief.ts `withSentences`), which sends them as `questions`. Client-safe.
import type { Phrase } from "../i18n/phrase.ts";
import type { Debrief, DebriefFigures } from "./schema.ts";
import { debriefPhrase, pointsValue } from "./summary.ts";

const MAX_QUESTIONS = 5;

/** The questions as phrases, from a copy of the debrief (a red line named as that copy names it). */
export function questionPhrases(debrief: DebriefFigures): Phrase[] {
  const { deal, status, analysis, redLines, injectedEvents, communication } = debrief;
  const end = analysis.end;
  const found: Phrase[] = [];
  const agreed = deal?.source === "agreed" ? deal : null;

  if (agreed) {
    const least = [...agreed.parties].sort((a, b) => a.gain - b.gain)[0];
    if (least) {
      found.push(
        debriefPhrase("question.least-gain", {
          role: { role: least.role },
          utility: pointsValue(least.utility),
          noDeal: pointsValue(least.noDeal),
        }),
      );
    }
    if (agreed.distanceToNash !== null && agreed.distanceToNash >= 0.05) {
      found.push(debriefPhrase("question.nash-distance", { distance: pointsValue(agreed.distanceToNash) }));
    } else if (agreed.distanceToNash !== null) {
      found.push(debriefPhrase("question.on-nash"));
    }
  } else if (status.concluded && end.zopa !== null && end.zopa > 0) {
    found.push(debriefPhrase("question.no-agreement", { count: end.zopa }));
  }

  const collision = redLines.collisions[0];
  if (collision && collision.length >= 2) {
    const [a, b] = collision;
    if (a && b) {
      found.push(
        debriefPhrase("question.collision", {
          first: { role: a.role },
          firstTitle: a.title,
          second: { role: b.role },
          secondTitle: b.title,
        }),
      );
    }
  }

  const news = injectedEvents.find(
    (e) => e.before.zopa !== e.after.zopa || e.before.feasible !== e.after.feasible,
  );
  if (news) {
    found.push(
      debriefPhrase("question.news", {
        event: { event: news.event },
        beforeCounted: news.before.zopa === null ? "no" : "yes",
        before: news.before.zopa ?? 0,
        afterCounted: news.after.zopa === null ? "no" : "yes",
        after: news.after.zopa ?? 0,
      }),
    );
  }

  const refusals = redLines.refusals.length;
  if (refusals > 0) {
    const most = Object.entries(redLines.refusalsBySeat).sort((x, y) => y[1] - x[1])[0];
    found.push(
      debriefPhrase("question.refusals", {
        count: refusals,
        ...(most && most[1] > 0 ? { withMost: "yes", role: { role: most[0] } } : { withMost: "no" }),
      }),
    );
  }

  const busiest = [...communication.privateByPair].sort((x, y) => y.count - x.count)[0];
  if (busiest && busiest.count > 0) {
    found.push(
      debriefPhrase("question.busiest-channel", {
        first: { role: busiest.seats[0] },
        second: { role: busiest.seats[1] },
        count: busiest.count,
      }),
    );
  }

  // Always enough to start a discussion, even at a quiet table.
  const general = [
    debriefPhrase("question.most-decisive", { count: status.versionsTabled }),
    debriefPhrase("question.play-again"),
    debriefPhrase("question.no-deal-value"),
  ];
  for (const question of general) if (found.length < 3) found.push(question);
  return found.slice(0, MAX_QUESTIONS);
}

/** The questions as the reader received them with the debrief, in their language. */
export function discussionQuestions(debrief: Pick<Debrief, "questions">): string[] {
  return debrief.questions;
}
