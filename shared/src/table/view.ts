// What one perspective may see of a table: a seat sees the public table plus its own brief,
// numbers, red lines and private channels; an observer the public table; the instructor all.
import { roundPoints } from "../analysis/points.ts";
import { type Locale, locales } from "../i18n/locales.ts";
import type { Package } from "../package.ts";
import { checkRedLines } from "../redLines/check.ts";
import type { EffectiveScenario } from "../scenario/effective.ts";
import { localizeEffective } from "../scenario/translations.ts";
import { utility } from "../utility.ts";
import { textIn } from "./chat.ts";
import { instructorActor } from "./commands.ts";
import { type Outcome, outcomeWords } from "./outcome.ts";
import { type ChatMessage, type NewsItem, roleIds, type TableState, type Version } from "./state.ts";
import type { InstructorView, SeatPrivateView, TableView } from "./viewSchema.ts";

export const observerPerspective = "observer";
export type Perspective = string;

/**
 * Views are built from immutable state, so a part of the view made from an unchanged part of the
 * state is made once and reused: the same object, every call and every perspective. That keeps
 * views cheap to make, lets `diffViews` skip unchanged parts by identity, and lets the parts every
 * view shares (the scenario, the issues, the versions, the chat) be held in memory once.
 */
const scenarioViews = new WeakMap<EffectiveScenario["scenario"], TableView["scenario"]>();
const issueViews = new WeakMap<EffectiveScenario, TableView["issues"]>();
// Versions carry bots' objection notes, read in each reader's language: one memo per language
// (a scenario without a translation has the same words in each, but the notes differ).
const versionViews = perLocale(
  () => new WeakMap<EffectiveScenario, WeakMap<Version, TableView["versions"][number]>>(),
);
// News and outcomes read the scenario's words, which differ by language: one memo per scenario.
const newsViews = new WeakMap<EffectiveScenario["scenario"], WeakMap<NewsItem, TableView["news"][number]>>();
const outcomeViews = new WeakMap<
  EffectiveScenario["scenario"],
  WeakMap<Outcome, NonNullable<TableView["outcome"]>>
>();
// A bot's words are read in each reader's language: one memo per language.
type MessageView = TableView["publicChat"][number];
const publicChats = perLocale(() => new WeakMap<readonly ChatMessage[], MessageView[]>());
const messageViews = perLocale(() => new WeakMap<ChatMessage, MessageView>());

function perLocale<V>(make: () => V): Record<Locale, V> {
  return Object.fromEntries(locales.map((locale) => [locale, make()])) as Record<Locale, V>;
}

/** A message as a reader of `locale` reads it: a person's as typed, a bot's in that language. */
function messageView(message: ChatMessage, locale: Locale): MessageView {
  if (message.translations === undefined) return message;
  return memo(messageViews[locale], message, () => ({
    from: message.from,
    to: message.to,
    text: textIn(locale, message.text, message.translations),
    at: message.at,
  }));
}

function memo<K extends object, V>(table: WeakMap<K, V>, key: K, make: () => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = make();
    table.set(key, value);
  }
  return value;
}

/**
 * The view for a seat's role id, "observer" or "instructor"; anything else sees what an observer
 * sees. The scenario's words are in `locale` (its translation, where it has one).
 */
export function viewFor(tableState: TableState, perspective: Perspective, locale: Locale = "en"): TableView {
  const effective = localizeEffective(tableState.effective, locale);
  const state = effective === tableState.effective ? tableState : { ...tableState, effective };
  const seat = roleIds(state).includes(perspective) ? perspective : null;
  const isInstructor = perspective === instructorActor;
  const { scenario } = effective;
  const canRead = (m: { from: string; to: string | null }) =>
    isInstructor || (seat !== null && (m.from === seat || m.to === seat));
  const versions = memo(versionViews[locale], effective, () => new WeakMap());
  return {
    perspective: seat ?? (isInstructor ? instructorActor : observerPerspective),
    scenario: memo(scenarioViews, scenario, () => ({
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      documents: scenario.documents.map((d) => ({ file: d.file, title: d.title })),
    })),
    phase: state.phase,
    paused: state.paused,
    rounds: state.rounds,
    turnSeconds: state.turnSeconds,
    turnOrder: state.turnOrder,
    turn: state.turn
      ? {
          ...state.turn,
          remainingMs: state.paused && state.pausedAt !== null ? state.turn.endsAt - state.pausedAt : null,
        }
      : null,
    seats: effective.roles.map((role) => ({
      role: role.id,
      name: role.name,
      publicStance: role.publicStance,
      occupied: state.seats[role.id]?.occupied ?? false,
      occupant: state.seats[role.id]?.occupant ?? null,
      bot: (state.seats[role.id]?.bot ?? null) !== null,
    })),
    issues: memo(issueViews, effective, () =>
      effective.issues.map((issue) => ({
        id: issue.id,
        name: issue.name,
        description: issue.description,
        options: issue.options.map((o) => ({ id: o.id, label: o.label, description: o.description ?? null })),
        sources: issue.sources,
      })),
    ),
    lastTurnEnd: state.lastTurnEnd,
    draft: state.draft,
    currentVersion: state.versions.at(-1)?.number ?? null,
    versions: state.versions.map((v) =>
      memo(versions, v, () => ({
        number: v.number,
        package: v.package,
        tabledBy: v.tabledBy,
        at: v.at,
        complete: effective.issues.every((i) => v.package[i.id] !== undefined),
        acceptedBy: Object.entries(v.responses).flatMap(([s, r]) => (r.stance === "accepted" ? [s] : [])),
        objections: Object.entries(v.responses).flatMap(([s, r]) =>
          r.stance === "objected"
            ? [{ seat: s, issues: r.issues, note: textIn(locale, r.note, r.noteTranslations), at: r.at }]
            : [],
        ),
      })),
    ),
    news: state.news.map((item) =>
      memo(
        memo(newsViews, scenario, () => new WeakMap()),
        item,
        () => {
          const event = scenario.events.find((e) => e.id === item.event);
          return {
            event: item.event,
            title: event?.title ?? item.event,
            flash: event?.flash ?? "",
            sources: event?.sources ?? [],
            at: item.at,
            scheduled: item.scheduled,
          };
        },
      ),
    ),
    broadcasts: state.broadcasts,
    publicChat: memo(publicChats[locale], state.messages, () =>
      state.messages.filter((m) => m.to === null).map((m) => messageView(m, locale)),
    ),
    privateChannels: privateChannels(state, canRead, locale),
    outcome: state.outcome
      ? memo(
          memo(outcomeViews, scenario, () => new WeakMap()),
          state.outcome,
          () => {
            const outcome = state.outcome as Outcome;
            const words = outcomeWords(scenario, outcome.class);
            return {
              class: outcome.class,
              title: words.title,
              description: words.description,
              reason: outcome.reason,
              version: outcome.version,
              package: outcome.package,
              walkedOut: outcome.walkedOut,
              utilities: outcome.utilities,
              batnas: outcome.batnas,
            };
          },
        )
      : null,
    me: seat ? seatPrivateView(state, seat) : null,
    instructor: isInstructor ? instructorView(state) : null,
  };
}

function privateChannels(
  state: TableState,
  canRead: (m: { from: string; to: string | null }) => boolean,
  locale: Locale,
): TableView["privateChannels"] {
  const channels = new Map<string, TableView["privateChannels"][number]>();
  for (const m of state.messages) {
    if (m.to === null || !canRead(m)) continue;
    const between = [m.from, m.to].sort() as [string, string];
    const key = between.join(" ");
    const channel = channels.get(key) ?? { between, messages: [] };
    channel.messages.push(messageView(m, locale));
    channels.set(key, channel);
  }
  return [...channels.values()];
}

const points = (x: number) => roundPoints(x);

function violationsOf(effective: EffectiveScenario, role: string, pkg: Package) {
  return checkRedLines(effective, role, pkg).map((v) => ({
    rule: v.rule,
    title: v.title,
    explanation: v.explanation,
    sources: v.sources,
  }));
}

type SeatNumbers = { utility: number; violations: SeatPrivateView["draft"]["violations"] };
type SeatMemo = {
  /** What changes only with the scenario as it stands (variant and events). */
  fixed: Omit<SeatPrivateView, "draft" | "versions" | "outcomeUtility">;
  /** A package as this seat scores it, by package (drafts and versions alike). */
  packages: WeakMap<Package, SeatNumbers>;
  versions: WeakMap<Version, SeatPrivateView["versions"][number]>;
};
const seatMemos = new WeakMap<EffectiveScenario, Map<string, SeatMemo>>();

function seatMemo(effective: EffectiveScenario, role: string): SeatMemo {
  const memos = memo(seatMemos, effective, () => new Map<string, SeatMemo>());
  let found = memos.get(role);
  if (found) return found;
  const authored = effective.scenario.roles.find((r) => r.id === role);
  const numbers = effective.utilities[role];
  if (!authored || !numbers) throw new Error(`unknown role "${role}"`);
  // Which variant a seat plays stays with the instructor: at a back-channel table, the variant's
  // name alone would tell every seat that Russia is ready to bend. The seat reads its note.
  const variant = effective.variantByRole[role] ?? effective.variant;
  const note = effective.scenario.variants.find((v) => v.id === variant)?.briefNotes?.[role] ?? null;
  const batna = numbers.batna;
  found = {
    fixed: {
      role,
      brief: {
        summary: authored.privateBrief.summary,
        priorities: authored.privateBrief.priorities,
        variantNote: note,
      },
      batna,
      startingBatna: effective.scenario.utilities[role]?.batna ?? batna,
      weights: numbers.weights,
      scores: numbers.scores,
      redLines: (effective.redLines[role] ?? []).map((r) => ({
        id: r.id,
        title: r.title,
        rule: r.rule,
        explanation: r.explanation,
        sources: r.sources,
      })),
    },
    packages: new WeakMap(),
    versions: new WeakMap(),
  };
  memos.set(role, found);
  return found;
}

function scored(effective: EffectiveScenario, role: string, seatMemo: SeatMemo, pkg: Package): SeatNumbers {
  return memo(seatMemo.packages, pkg, () => ({
    utility: points(utility(effective, role, pkg)),
    violations: violationsOf(effective, role, pkg),
  }));
}

export function seatPrivateView(state: TableState, role: string): SeatPrivateView {
  const { effective } = state;
  const memo = seatMemo(effective, role);
  const { batna } = memo.fixed;
  return {
    ...memo.fixed,
    draft: scored(effective, role, memo, state.draft),
    versions: state.versions.map((v) => {
      let row = memo.versions.get(v);
      if (row === undefined) {
        const { utility: value, violations } = scored(effective, role, memo, v.package);
        row = { number: v.number, utility: value, gain: points(value - batna), violations };
        memo.versions.set(v, row);
      }
      return row;
    }),
    outcomeUtility: state.outcome?.utilities?.[role] ?? null,
  };
}

const instructorEvents = new WeakMap<EffectiveScenario, InstructorView["events"]>();

function instructorView(state: TableState): InstructorView {
  const { effective } = state;
  return {
    variant: effective.variant,
    variantByRole: effective.variantByRole,
    events: memo(instructorEvents, effective, () =>
      effective.scenario.events.map((e) => ({
        id: e.id,
        title: e.title,
        applied: effective.appliedEvents.includes(e.id),
        effects: e.effects,
      })),
    ),
    seats: roleIds(state).map((role) => seatPrivateView(state, role)),
    outcomeUtilities: state.outcome?.utilities ?? null,
    redLineAttempts: state.redLineAttempts,
  };
}
