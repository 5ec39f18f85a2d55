// What one perspective may see of a table: a seat sees the public table plus its own brief,
// numbers, red lines and private channels; an observer the public table; the instructor all.
import { roundPoints } from "../analysis/points.ts";
import type { Package } from "../package.ts";
import { checkRedLines } from "../redLines/check.ts";
import { utility } from "../utility.ts";
import { instructorActor } from "./commands.ts";
import { roleIds, type TableState } from "./state.ts";
import type { InstructorView, SeatPrivateView, TableView } from "./viewSchema.ts";

export const observerPerspective = "observer";
export type Perspective = string;

/** The view for a seat's role id, "observer" or "instructor"; anything else sees what an observer sees. */
export function viewFor(state: TableState, perspective: Perspective): TableView {
  const seat = roleIds(state).includes(perspective) ? perspective : null;
  const isInstructor = perspective === instructorActor;
  const { scenario } = state.effective;
  const canRead = (m: { from: string; to: string | null }) =>
    isInstructor || (seat !== null && (m.from === seat || m.to === seat));
  return {
    perspective: seat ?? (isInstructor ? instructorActor : observerPerspective),
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      documents: scenario.documents.map((d) => ({ file: d.file, title: d.title })),
    },
    phase: state.phase,
    paused: state.paused,
    rounds: state.rounds,
    turnSeconds: state.turnSeconds,
    turnOrder: [...state.turnOrder],
    turn: state.turn
      ? {
          ...state.turn,
          remainingMs: state.paused && state.pausedAt !== null ? state.turn.endsAt - state.pausedAt : null,
        }
      : null,
    seats: state.effective.roles.map((role) => ({
      role: role.id,
      name: role.name,
      publicStance: role.publicStance,
      occupied: state.seats[role.id]?.occupied ?? false,
      occupant: state.seats[role.id]?.occupant ?? null,
      bot: (state.seats[role.id]?.bot ?? null) !== null,
    })),
    issues: state.effective.issues.map((issue) => ({
      id: issue.id,
      name: issue.name,
      description: issue.description,
      options: issue.options.map((o) => ({ id: o.id, label: o.label, description: o.description ?? null })),
      sources: issue.sources,
    })),
    lastTurnEnd: state.lastTurnEnd ? { ...state.lastTurnEnd } : null,
    draft: { ...state.draft },
    currentVersion: state.versions.at(-1)?.number ?? null,
    versions: state.versions.map((v) => ({
      number: v.number,
      package: { ...v.package },
      tabledBy: v.tabledBy,
      at: v.at,
      complete: state.effective.issues.every((i) => v.package[i.id] !== undefined),
      acceptedBy: Object.entries(v.responses).flatMap(([s, r]) => (r.stance === "accepted" ? [s] : [])),
      objections: Object.entries(v.responses).flatMap(([s, r]) =>
        r.stance === "objected" ? [{ seat: s, issues: [...r.issues], note: r.note, at: r.at }] : [],
      ),
    })),
    news: state.news.map((item) => {
      const event = scenario.events.find((e) => e.id === item.event);
      return {
        event: item.event,
        title: event?.title ?? item.event,
        flash: event?.flash ?? "",
        sources: event?.sources ?? [],
        at: item.at,
        scheduled: item.scheduled,
      };
    }),
    broadcasts: state.broadcasts.map((b) => ({ ...b })),
    publicChat: state.messages.filter((m) => m.to === null).map((m) => ({ ...m })),
    privateChannels: privateChannels(state, canRead),
    outcome: state.outcome
      ? {
          class: state.outcome.class,
          reason: state.outcome.reason,
          version: state.outcome.version,
          package: state.outcome.package ? { ...state.outcome.package } : null,
          walkedOut: state.outcome.walkedOut,
          utilities: state.outcome.utilities ? { ...state.outcome.utilities } : null,
          batnas: { ...state.outcome.batnas },
        }
      : null,
    me: seat ? seatPrivateView(state, seat) : null,
    instructor: isInstructor ? instructorView(state) : null,
  };
}

function privateChannels(
  state: TableState,
  canRead: (m: { from: string; to: string | null }) => boolean,
): TableView["privateChannels"] {
  const channels = new Map<string, TableView["privateChannels"][number]>();
  for (const m of state.messages) {
    if (m.to === null || !canRead(m)) continue;
    const between = [m.from, m.to].sort() as [string, string];
    const key = between.join(" ");
    const channel = channels.get(key) ?? { between, messages: [] };
    channel.messages.push({ ...m });
    channels.set(key, channel);
  }
  return [...channels.values()];
}

const points = (x: number) => roundPoints(x);

function violationsOf(state: TableState, role: string, pkg: Package) {
  return checkRedLines(state.effective, role, pkg).map((v) => ({
    rule: v.rule,
    title: v.title,
    explanation: v.explanation,
    sources: v.sources,
  }));
}

export function seatPrivateView(state: TableState, role: string): SeatPrivateView {
  const { effective } = state;
  const authored = effective.scenario.roles.find((r) => r.id === role);
  const numbers = effective.utilities[role];
  if (!authored || !numbers) throw new Error(`unknown role "${role}"`);
  // Which variant a seat plays stays with the instructor: at a back-channel table, the variant's
  // name alone would tell every seat that Russia is ready to bend. The seat reads its note.
  const variant = effective.variantByRole[role] ?? effective.variant;
  const note = effective.scenario.variants.find((v) => v.id === variant)?.briefNotes?.[role] ?? null;
  const batna = numbers.batna;
  return {
    role,
    brief: {
      summary: authored.privateBrief.summary,
      priorities: [...authored.privateBrief.priorities],
      variantNote: note,
    },
    batna,
    startingBatna: effective.scenario.utilities[role]?.batna ?? batna,
    weights: { ...numbers.weights },
    scores: structuredClone(numbers.scores),
    redLines: (effective.redLines[role] ?? []).map((r) => ({
      id: r.id,
      title: r.title,
      rule: structuredClone(r.rule),
      explanation: r.explanation,
      sources: r.sources,
    })),
    draft: {
      utility: points(utility(effective, role, state.draft)),
      violations: violationsOf(state, role, state.draft),
    },
    versions: state.versions.map((v) => {
      const value = points(utility(effective, role, v.package));
      return {
        number: v.number,
        utility: value,
        gain: points(value - batna),
        violations: violationsOf(state, role, v.package),
      };
    }),
    outcomeUtility: state.outcome?.utilities?.[role] ?? null,
  };
}

function instructorView(state: TableState): InstructorView {
  const { effective } = state;
  return {
    variant: effective.variant,
    variantByRole: { ...effective.variantByRole },
    events: effective.scenario.events.map((e) => ({
      id: e.id,
      title: e.title,
      applied: effective.appliedEvents.includes(e.id),
      effects: structuredClone(e.effects),
    })),
    seats: roleIds(state).map((role) => seatPrivateView(state, role)),
    outcomeUtilities: state.outcome?.utilities ? { ...state.outcome.utilities } : null,
    redLineAttempts: state.redLineAttempts.map((attempt) => ({ ...attempt, rules: [...attempt.rules] })),
  };
}
