// One plain sentence per event, for activity feeds, the console's "last action" and timelines.
// Private messages are described without their text: who wrote to whom is all a feed may show.
import type { TableEvent } from "./events.ts";
import { noAgreementReasons } from "./outcome.ts";
import { possessive, redLinesPhrase, roleName, type TableState } from "./state.ts";

export function describeEvent(state: TableState, event: TableEvent): string {
  const name = (seat: string) => roleName(state, seat);
  const issue = (id: string) => state.effective.scenario.issues.find((i) => i.id === id);
  const option = (issueId: string, optionId: string) =>
    issue(issueId)?.options.find((o) => o.id === optionId)?.label ?? optionId;
  switch (event.type) {
    case "seat-claimed":
      return event.by === event.seat
        ? `${event.name ?? "A player"} took ${possessive(name(event.seat))} seat.`
        : `The facilitator seated ${event.name ?? "someone"} as ${name(event.seat)}.`;
    case "seat-released":
      if (event.by === "system") return `The bot handed ${possessive(name(event.seat))} seat to a person.`;
      return event.by === event.seat
        ? `${possessive(name(event.seat))} seat was left empty.`
        : `The facilitator released ${possessive(name(event.seat))} seat.`;
    case "briefing-started":
      return "The briefing began.";
    case "negotiations-started":
      return "Negotiations began.";
    case "turn-started":
      return `Round ${event.round}: ${possessive(name(event.seat))} turn.`;
    case "option-set":
      return `${name(event.seat)} set ${issue(event.issue)?.name ?? event.issue} to ${option(event.issue, event.option)} in the draft.`;
    case "option-cleared":
      return `${name(event.seat)} cleared ${issue(event.issue)?.name ?? event.issue} in the draft.`;
    case "version-tabled":
      return `${name(event.seat)} tabled version ${event.version}.`;
    case "version-accepted":
      return `${name(event.seat)} accepted version ${event.version}.`;
    case "version-objected":
      return `${name(event.seat)} objected to version ${event.version}${
        event.issues.length > 0 ? ` on ${event.issues.map((id) => issue(id)?.name ?? id).join(", ")}` : ""
      }.`;
    case "acceptance-withdrawn":
      return `${possessive(name(event.seat))} acceptance of version ${event.version} lapsed after the news.`;
    case "turn-passed":
      return `${name(event.seat)} passed.`;
    case "turn-timed-out":
      return `${possessive(name(event.seat))} time ran out.`;
    case "turn-skipped":
      return `The facilitator skipped ${possessive(name(event.seat))} turn.`;
    case "walked-out":
      return `${name(event.seat)} walked out.`;
    case "talks-paused":
      return "The facilitator paused the talks.";
    case "talks-resumed":
      return "The talks resumed.";
    case "event-injected": {
      const news = state.effective.scenario.events.find((e) => e.id === event.event);
      return `News: ${news?.title ?? event.event}.`;
    }
    case "rounds-extended":
      return `The talks were extended to ${event.rounds} rounds.`;
    case "broadcast-sent":
      return "The facilitator sent a message to the table.";
    case "message-sent":
      return event.to === null
        ? `${name(event.from)} wrote to the table.`
        : `${name(event.from)} wrote privately to ${name(event.to)}.`;
    case "bot-noted":
      return `${possessive(name(event.seat))} bot explained its move.`;
    case "red-line-refused":
      return `${name(event.seat)} was stopped at its ${redLinesPhrase(state, event.rules)}.`;
    case "talks-concluded":
      return event.outcome.reason === "agreement"
        ? `Agreement on version ${event.outcome.version}.`
        : `The talks ended without agreement: ${noAgreementReasons[event.outcome.reason]}.`;
  }
}
