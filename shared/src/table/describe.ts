// One plain sentence per event, for activity feeds, the console's "last action" and timelines,
// as a phrase (client/messages/<locale>/feed.json `event`) each reader's copy renders in their
// language. Private messages are described without their text: who wrote to whom is all a feed
// may show.
import { type Phrase, type PhraseRef, type PhraseValue, phrase } from "../i18n/phrase.ts";
import { erasedStudentName } from "./erasure.ts";
import type { TableEvent } from "./events.ts";
import { noAgreementReasons } from "./outcome.ts";
import type { TableState } from "./state.ts";

/**
 * Names joined as the feed has always listed them, "Territory, Security" (not "A, B and C"): in
 * English with commas only; another language joins its last two as it lists things ("А, Б і В").
 */
export function feedList(items: readonly PhraseRef[]): PhraseRef {
  const [item, ...rest] = items;
  if (item === undefined) return { phrase: phrase("event.list", { item: "", next: "end" }) };
  if (rest.length === 0) return { phrase: phrase("event.list", { item, next: "end" }) };
  return {
    phrase: phrase("event.list", { item, next: rest.length === 1 ? "last" : "more", rest: feedList(rest) }),
  };
}

/**
 * The event's sentence. `state` is the table the event happened at; the phrase names its seats,
 * issues, options, news and red lines by id, so each reader gets them in their language.
 */
/** A person's name as they gave it; an erased one is the placeholder, in the reader's language. */
function personName(name: string): PhraseValue {
  return name === erasedStudentName ? { phrase: phrase("event.erased-student") } : name;
}

export function describeEvent(_state: TableState, event: TableEvent): Phrase {
  switch (event.type) {
    case "seat-claimed": {
      const role = { role: event.seat };
      if (event.by === event.seat)
        return event.name === null
          ? phrase("event.seat-taken-anonymous", { role })
          : phrase("event.seat-taken", { name: personName(event.name), role });
      return event.name === null
        ? phrase("event.seat-assigned-anonymous", { role })
        : phrase("event.seat-assigned", { name: personName(event.name), role });
    }
    case "seat-released": {
      const role = { role: event.seat };
      if (event.by === "system") return phrase("event.seat-handed-over", { role });
      return phrase(event.by === event.seat ? "event.seat-left" : "event.seat-released", { role });
    }
    case "briefing-started":
      return phrase("event.briefing-started");
    case "negotiations-started":
      return phrase("event.negotiations-started");
    case "turn-started":
      return phrase("event.turn-started", { round: event.round, role: { role: event.seat } });
    case "option-set":
      return phrase("event.option-set", {
        role: { role: event.seat },
        issue: { issue: event.issue },
        option: { option: event.option, of: event.issue },
      });
    case "option-cleared":
      return phrase("event.option-cleared", { role: { role: event.seat }, issue: { issue: event.issue } });
    case "version-tabled":
      return phrase("event.version-tabled", { role: { role: event.seat }, version: event.version });
    case "version-accepted":
      return phrase("event.version-accepted", { role: { role: event.seat }, version: event.version });
    case "version-objected":
      return event.issues.length > 0
        ? phrase("event.version-objected-on", {
            role: { role: event.seat },
            version: event.version,
            issues: feedList(event.issues.map((issue) => ({ issue }))),
          })
        : phrase("event.version-objected", { role: { role: event.seat }, version: event.version });
    case "acceptance-withdrawn":
      return phrase("event.acceptance-withdrawn", { role: { role: event.seat }, version: event.version });
    case "turn-passed":
      return phrase("event.turn-passed", { role: { role: event.seat } });
    case "turn-timed-out":
      return phrase("event.turn-timed-out", { role: { role: event.seat } });
    case "turn-skipped":
      return phrase("event.turn-skipped", { role: { role: event.seat } });
    case "walked-out":
      return phrase("event.walked-out", { role: { role: event.seat } });
    case "talks-paused":
      return phrase("event.talks-paused");
    case "talks-resumed":
      return phrase("event.talks-resumed");
    case "event-injected":
      return phrase("event.event-injected", { event: { event: event.event } });
    case "rounds-extended":
      return phrase("event.rounds-extended", { rounds: event.rounds });
    case "broadcast-sent":
      return phrase("event.broadcast-sent");
    case "message-sent":
      return event.to === null
        ? phrase("event.message-to-table", { role: { role: event.from } })
        : phrase("event.message-private", { role: { role: event.from }, to: { role: event.to } });
    case "bot-noted":
      return phrase("event.bot-noted", { role: { role: event.seat } });
    case "red-line-refused":
      return phrase("event.red-line-refused", {
        role: { role: event.seat },
        redLines: { redLines: event.rules },
      });
    case "talks-concluded":
      return event.outcome.reason === "agreement"
        ? phrase("event.agreement", { version: event.outcome.version ?? 0 })
        : phrase("event.no-agreement", { reason: { phrase: noAgreementReasons[event.outcome.reason] } });
  }
}
