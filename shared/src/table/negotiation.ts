// A seat's moves in the negotiation: editing the live draft on its turn, tabling it, passing,
// accepting or objecting to the current version at any time, and walking out.
import { phrase } from "../i18n/phrase.ts";
import { openIssues, type Package } from "../package.ts";
import { checkRedLines } from "../redLines/check.ts";
import { seatMove } from "./authority.ts";
import { EventBatch } from "./batch.ts";
import { botTranslationsOnly, givenTranslations } from "./chat.ts";
import type { CommandOf } from "./commands.ts";
import { agreementOutcome, noAgreementOutcome } from "./outcome.ts";
import { type Decision, type Refusal, redLineRefusal, refuse } from "./refusals.ts";
import { currentVersion, roleIds, type TableState, type Version } from "./state.ts";
import { conclude, nextTurn } from "./turns.ts";

const refused = (refusal: Refusal): Decision => ({ ok: false, refusal });

function unknownIssue(state: TableState, issue: string): Refusal | null {
  if (state.effective.issues.some((i) => i.id === issue)) return null;
  return refuse("unknown-issue", phrase("refusal.unknown-issue", { issue }));
}

function unknownOption(state: TableState, issueId: string, option: string): Refusal | null {
  const issue = state.effective.issues.find((i) => i.id === issueId);
  if (!issue || issue.options.some((o) => o.id === option)) return null;
  const choices = issue.options.map((o) => o.id).join(", ");
  return refuse(
    "unknown-option",
    phrase("refusal.unknown-option", { option, issue: { issue: issue.id }, choices }),
  );
}

function samePackage(a: Package, b: Package): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The version a response names must be the one on the table now. */
function onTheTable(state: TableState, number: number): Version | Refusal {
  const current = currentVersion(state);
  if (!current) return refuse("no-version", phrase("refusal.no-version-yet"));
  if (number > current.number) {
    return refuse(
      "no-version",
      phrase("refusal.no-such-version", { version: number, current: current.number }),
    );
  }
  if (number < current.number) {
    return refuse(
      "stale-version",
      phrase("refusal.stale-version", { version: number, current: current.number }),
    );
  }
  return current;
}

const isRefusal = (x: Version | Refusal): x is Refusal => "code" in x;

export function setOption(state: TableState, command: CommandOf<"set-option">, at: number): Decision {
  const refusal =
    seatMove(state, command.actor, "edit-draft", { turn: true }) ??
    unknownIssue(state, command.issue) ??
    unknownOption(state, command.issue, command.option);
  if (refusal) return refused(refusal);
  if (state.draft[command.issue] === command.option) return { ok: true, events: [] };
  return {
    ok: true,
    events: [{ type: "option-set", at, seat: command.actor, issue: command.issue, option: command.option }],
  };
}

export function clearOption(state: TableState, command: CommandOf<"clear-option">, at: number): Decision {
  const refusal =
    seatMove(state, command.actor, "edit-draft", { turn: true }) ?? unknownIssue(state, command.issue);
  if (refusal) return refused(refusal);
  if (state.draft[command.issue] === undefined) return { ok: true, events: [] };
  return { ok: true, events: [{ type: "option-cleared", at, seat: command.actor, issue: command.issue }] };
}

export function tableDraft(state: TableState, command: CommandOf<"table-draft">, at: number): Decision {
  const refusal = seatMove(state, command.actor, "table-draft", { turn: true });
  if (refusal) return refused(refusal);
  const current = currentVersion(state);
  if (!current && Object.keys(state.draft).length === 0) {
    return refused(refuse("unchanged-draft", phrase("refusal.empty-draft")));
  }
  if (current && samePackage(current.package, state.draft)) {
    return refused(refuse("unchanged-draft", phrase("refusal.unchanged-draft", { version: current.number })));
  }
  // A seat may table what breaks another party's red lines, never its own.
  const violations = checkRedLines(state.effective, command.actor, state.draft);
  if (violations.length > 0) return refused(redLineRefusal(state, "table", violations));
  const batch = new EventBatch(state);
  const number = (current?.number ?? 0) + 1;
  batch.push({
    type: "version-tabled",
    at,
    seat: command.actor,
    version: number,
    package: { ...state.draft },
  });
  // Tabling a complete package is accepting it: the tabler stands by what it put forward (its
  // own red lines were checked above). An incomplete one can be accepted by nobody yet.
  if (openIssues(state.effective, state.draft).length === 0) {
    batch.push({ type: "version-accepted", at, seat: command.actor, version: number });
    if (everyoneAccepted(batch.state)) {
      conclude(batch, at, agreementOutcome(state.effective, number, state.draft));
      return { ok: true, events: batch.events };
    }
  }
  nextTurn(batch, at);
  return { ok: true, events: batch.events };
}

function everyoneAccepted(state: TableState): boolean {
  const responses = currentVersion(state)?.responses ?? {};
  return roleIds(state).every((role) => responses[role]?.stance === "accepted");
}

export function accept(state: TableState, command: CommandOf<"accept">, at: number): Decision {
  const refusal = seatMove(state, command.actor, "accept-version");
  if (refusal) return refused(refusal);
  const version = onTheTable(state, command.version);
  if (isRefusal(version)) return refused(version);
  if (version.responses[command.actor]?.stance === "accepted") {
    return refused(
      refuse("already-accepted", phrase("refusal.already-accepted", { version: version.number })),
    );
  }
  const open = openIssues(state.effective, version.package);
  if (open.length > 0) {
    return refused(
      refuse(
        "incomplete-package",
        phrase("refusal.incomplete-package", { version: version.number, issues: { issues: open } }),
      ),
    );
  }
  const violations = checkRedLines(state.effective, command.actor, version.package);
  if (violations.length > 0) return refused(redLineRefusal(state, "accept", violations));
  const batch = new EventBatch(state);
  batch.push({ type: "version-accepted", at, seat: command.actor, version: version.number });
  if (everyoneAccepted(batch.state)) {
    conclude(batch, at, agreementOutcome(state.effective, version.number, version.package));
  }
  return { ok: true, events: batch.events };
}

export function object(state: TableState, command: CommandOf<"object">, at: number): Decision {
  const refusal =
    seatMove(state, command.actor, "object-to-version") ??
    botTranslationsOnly(state, command.actor, command.noteTranslations);
  if (refusal) return refused(refusal);
  const version = onTheTable(state, command.version);
  if (isRefusal(version)) return refused(version);
  const issues = [...new Set(command.issues)];
  for (const issue of issues) {
    const unknown = unknownIssue(state, issue);
    if (unknown) return refused(unknown);
  }
  const noteTranslations = givenTranslations(command.noteTranslations);
  return {
    ok: true,
    events: [
      {
        type: "version-objected",
        at,
        seat: command.actor,
        version: version.number,
        issues,
        note: command.note,
        ...(noteTranslations ? { noteTranslations } : {}),
      },
    ],
  };
}

export function pass(state: TableState, command: CommandOf<"pass">, at: number): Decision {
  const refusal = seatMove(state, command.actor, "pass", { turn: true });
  if (refusal) return refused(refusal);
  const batch = new EventBatch(state);
  batch.push({ type: "turn-passed", at, seat: command.actor });
  nextTurn(batch, at);
  return { ok: true, events: batch.events };
}

export function walkOut(state: TableState, command: CommandOf<"walk-out">, at: number): Decision {
  const refusal = seatMove(state, command.actor, "walk-out", { phases: ["briefing", "negotiating"] });
  if (refusal) return refused(refusal);
  const batch = new EventBatch(state);
  batch.push({ type: "walked-out", at, seat: command.actor, note: command.note ?? null });
  conclude(batch, at, noAgreementOutcome(state.effective, "walk-out", command.actor));
  return { ok: true, events: batch.events };
}
