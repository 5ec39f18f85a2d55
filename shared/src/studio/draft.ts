// A scenario as the studio edits it: the scenario file's own shape, possibly invalid while the
// author works (the checks say where). Every edit is a pure function from draft to draft, so the
// page, its undo and the tests use the same ones, and structural edits (adding, removing or
// renaming a role, an issue or an option) carry every reference along: utilities, turn order,
// red lines, rules, variants, events and outcome classes.
import type { OutcomeClassSpec, OutcomeRule } from "../scenario/outcomes.ts";
import type { Effect, RedLine, Scenario } from "../scenario/schema.ts";
import { renameInTranslations, withoutStrayTranslations } from "../scenario/translations.ts";

export type Draft = Scenario;
export type DraftPath = readonly (string | number)[];

type Json = unknown;

/** The value at a path, or undefined. */
export function getAt(value: Json, path: DraftPath): Json {
  let at: Json = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, Json>)[key];
  }
  return at;
}

/** A copy with the value at `path` replaced (containers on the way are copied, never mutated). */
export function setAt<T>(value: T, path: DraftPath, next: Json): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container = value as Json;
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[key as number] = setAt(copy[key as number], rest, next);
    return copy as T;
  }
  const base = container !== null && typeof container === "object" ? (container as Record<string, Json>) : {};
  return { ...base, [key]: setAt(base[key as string], rest, next) } as T;
}

/** A copy without the array item or object key at `path`. */
export function removeAt<T>(value: T, path: DraftPath): T {
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  const parent = getAt(value, parentPath);
  if (Array.isArray(parent))
    return setAt(
      value,
      parentPath,
      parent.filter((_, i) => i !== key),
    );
  if (parent !== null && typeof parent === "object") {
    const { [key as string]: _gone, ...kept } = parent as Record<string, Json>;
    return setAt(value, parentPath, kept);
  }
  return value;
}

/** A copy with `item` appended to the array at `path` (created when missing). */
export function appendAt<T>(value: T, path: DraftPath, item: Json): T {
  const list = getAt(value, path);
  return setAt(value, path, [...(Array.isArray(list) ? list : []), item]);
}

/** A copy with the array item at `path` moved by `by` places (clamped). */
export function moveAt<T>(value: T, path: DraftPath, by: number): T {
  const parentPath = path.slice(0, -1);
  const from = path.at(-1) as number;
  const list = getAt(value, parentPath);
  if (!Array.isArray(list)) return value;
  const to = Math.max(0, Math.min(list.length - 1, from + by));
  if (to === from) return value;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return setAt(value, parentPath, copy);
}

/** "role-3": the first `prefix-N` not taken. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
const record = <T>(value: Record<string, T> | undefined): Record<string, T> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};

/**
 * Any parsed JSON as a draft the editor can show: missing or mistyped parts of the file's shape
 * become empty ones (the checks still name what is missing), so an imported file never breaks
 * the page.
 */
export function draftFrom(data: Json): Draft {
  const source =
    data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, Json>) : {};
  const objects = (value: Json) =>
    Array.isArray(value) ? value.filter((v) => v !== null && typeof v === "object") : [];
  const map = (value: Json) =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  const text = (value: Json) => (typeof value === "string" ? value : "");
  const clock = map(source.clock) as Record<string, Json>;
  return {
    ...source,
    format: "red-lines/scenario@1",
    id: text(source.id),
    title: text(source.title),
    summary: text(source.summary),
    documents: objects(source.documents),
    roles: objects(source.roles),
    issues: objects(source.issues).map((issue) => ({
      ...issue,
      options: objects((issue as Record<string, Json>).options),
    })),
    utilities: map(source.utilities),
    redLines: map(source.redLines),
    variants: objects(source.variants).map((v) => ({
      ...v,
      redLines: map((v as Record<string, Json>).redLines),
    })),
    defaultVariant: text(source.defaultVariant),
    events: objects(source.events).map((e) => ({
      ...e,
      effects: objects((e as Record<string, Json>).effects),
    })),
    turnOrder: Array.isArray(source.turnOrder) ? source.turnOrder.filter((r) => typeof r === "string") : [],
    clock: {
      rounds: typeof clock.rounds === "number" ? clock.rounds : 4,
      turnSeconds: typeof clock.turnSeconds === "number" ? clock.turnSeconds : 120,
    },
    outcomes: objects(source.outcomes),
  } as Draft;
}

/** Where a new scenario starts: two roles, one issue of two options, one variant and the three endings. */
export function blankDraft(): Draft {
  let draft: Draft = {
    format: "red-lines/scenario@1",
    id: "my-scenario",
    title: "",
    summary: "",
    documents: [],
    roles: [],
    issues: [],
    utilities: {},
    redLines: {},
    variants: [{ id: "standard", name: "Standard", description: "", redLines: {}, sources: [] }],
    defaultVariant: "standard",
    events: [],
    turnOrder: [],
    clock: { rounds: 4, turnSeconds: 120 },
    outcomes: [
      { id: "agreement", title: "Agreement", description: "", endings: ["agreement"], sources: [] },
      {
        id: "no-agreement",
        title: "No agreement",
        description: "",
        endings: ["rounds-exhausted", "ended-by-instructor"],
        sources: [],
      },
      { id: "walk-out", title: "Walk-out", description: "", endings: ["walk-out"], sources: [] },
    ],
  };
  draft = addRole(addRole(draft));
  return addIssue(draft);
}

/** Weights of 100 shared out evenly (whole numbers, the first ones taking the remainder). */
function evenWeights(issues: readonly string[]): Record<string, number> {
  const base = Math.floor(100 / Math.max(1, issues.length));
  let left = 100 - base * issues.length;
  return Object.fromEntries(
    issues.map((id) => {
      const extra = left > 0 ? 1 : 0;
      left -= extra;
      return [id, base + extra];
    }),
  );
}

export function addRole(draft: Draft): Draft {
  const id = freshId(
    "role",
    list(draft.roles).map((r) => r.id),
  );
  const issues = list(draft.issues);
  const weights = evenWeights(issues.map((i) => i.id));
  return {
    ...draft,
    roles: [
      ...list(draft.roles),
      {
        id,
        name: "",
        capacities: ["signatory"],
        publicStance: "",
        privateBrief: { summary: "", priorities: [""] },
        sources: [],
      },
    ],
    turnOrder: [...list(draft.turnOrder), id],
    utilities: {
      ...record(draft.utilities),
      [id]: {
        batna: 50,
        weights,
        scores: Object.fromEntries(
          issues.map((issue) => [issue.id, Object.fromEntries(list(issue.options).map((o) => [o.id, 50]))]),
        ),
      },
    },
  };
}

export function removeRole(draft: Draft, role: string): Draft {
  const { [role]: _u, ...utilities } = record(draft.utilities);
  const { [role]: _r, ...redLines } = record(draft.redLines);
  return withoutStrayTranslations({
    ...draft,
    roles: list(draft.roles).filter((r) => r.id !== role),
    turnOrder: list(draft.turnOrder).filter((r) => r !== role),
    utilities,
    redLines,
    variants: list(draft.variants).map((v) => {
      const { [role]: _v, ...kept } = record(v.redLines);
      const notes = v.briefNotes
        ? Object.fromEntries(Object.entries(v.briefNotes).filter(([r]) => r !== role))
        : undefined;
      return { ...v, redLines: kept, ...(notes ? { briefNotes: notes } : {}) };
    }),
    events: list(draft.events).map((e) => ({
      ...e,
      effects: list(e.effects).filter((f) => f.role !== role),
    })),
  });
}

export function addIssue(draft: Draft): Draft {
  const id = freshId(
    "issue",
    list(draft.issues).map((i) => i.id),
  );
  const options = [
    { id: "option-1", label: "" },
    { id: "option-2", label: "" },
  ];
  const utilities = Object.fromEntries(
    Object.entries(record(draft.utilities)).map(([role, u]) => [
      role,
      {
        ...u,
        weights: { ...record(u.weights), [id]: list(draft.issues).length === 0 ? 100 : 0 },
        scores: { ...record(u.scores), [id]: { "option-1": 50, "option-2": 50 } },
      },
    ]),
  );
  return {
    ...draft,
    issues: [...list(draft.issues), { id, name: "", description: "", options, sources: [] }],
    utilities,
  };
}

export function removeIssue(draft: Draft, issue: string): Draft {
  const utilities = Object.fromEntries(
    Object.entries(record(draft.utilities)).map(([role, u]) => {
      const { [issue]: _w, ...weights } = record(u.weights);
      const { [issue]: _s, ...scores } = record(u.scores);
      return [role, { ...u, weights, scores }];
    }),
  );
  return withoutStrayTranslations({
    ...draft,
    issues: list(draft.issues).filter((i) => i.id !== issue),
    utilities,
    events: list(draft.events).map((e) => ({
      ...e,
      effects: list(e.effects).filter((f) => !("issue" in f) || f.issue !== issue),
    })),
  });
}

export function addOption(draft: Draft, issue: string): Draft {
  const target = list(draft.issues).find((i) => i.id === issue);
  if (!target) return draft;
  const id = freshId(
    "option",
    list(target.options).map((o) => o.id),
  );
  return {
    ...draft,
    issues: list(draft.issues).map((i) =>
      i.id === issue ? { ...i, options: [...list(i.options), { id, label: "" }] } : i,
    ),
    utilities: Object.fromEntries(
      Object.entries(record(draft.utilities)).map(([role, u]) => [
        role,
        { ...u, scores: { ...record(u.scores), [issue]: { ...record(record(u.scores)[issue]), [id]: 50 } } },
      ]),
    ),
  };
}

export function removeOption(draft: Draft, issue: string, option: string): Draft {
  return withoutStrayTranslations({
    ...draft,
    issues: list(draft.issues).map((i) =>
      i.id === issue ? { ...i, options: list(i.options).filter((o) => o.id !== option) } : i,
    ),
    utilities: Object.fromEntries(
      Object.entries(record(draft.utilities)).map(([role, u]) => {
        const { [option]: _gone, ...kept } = record(record(u.scores)[issue]);
        return [role, { ...u, scores: { ...record(u.scores), [issue]: kept } }];
      }),
    ),
    events: list(draft.events).map((e) => ({
      ...e,
      effects: list(e.effects).filter(
        (f) => !(f.kind === "score" && f.issue === issue && f.option === option),
      ),
    })),
  });
}

type Renames = {
  role?: (id: string) => string;
  issue?: (id: string) => string;
  /** Options of one issue (the issue's id before any issue rename). */
  option?: { issue: string; rename: (id: string) => string };
};

function renameKeys<T>(
  value: Record<string, T> | undefined,
  rename: ((id: string) => string) | undefined,
): Record<string, T> {
  const map = record(value);
  return rename ? Object.fromEntries(Object.entries(map).map(([k, v]) => [rename(k), v])) : map;
}

function renameInRule<R extends OutcomeRule>(rule: R, renames: Renames): R {
  if (rule === null || typeof rule !== "object") return rule;
  if ("in" in rule) {
    const issue = rule.in.issue;
    const options =
      renames.option && renames.option.issue === issue
        ? rule.in.options.map(renames.option.rename)
        : rule.in.options;
    return { in: { issue: renames.issue ? renames.issue(issue) : issue, options } } as R;
  }
  if ("belowNoDeal" in rule) {
    const role = rule.belowNoDeal.role;
    return { belowNoDeal: { ...rule.belowNoDeal, role: renames.role ? renames.role(role) : role } } as R;
  }
  if ("not" in rule) return { not: renameInRule(rule.not, renames) } as R;
  if ("all" in rule) return { all: list(rule.all).map((r) => renameInRule(r, renames)) } as R;
  if ("any" in rule) return { any: list(rule.any).map((r) => renameInRule(r, renames)) } as R;
  if ("implies" in rule && Array.isArray(rule.implies)) {
    return { implies: [renameInRule(rule.implies[0], renames), renameInRule(rule.implies[1], renames)] } as R;
  }
  return rule;
}

function renameRedLines(
  byRole: Record<string, RedLine[]> | undefined,
  renames: Renames,
): Record<string, RedLine[]> {
  return Object.fromEntries(
    Object.entries(renameKeys(byRole, renames.role)).map(([role, lines]) => [
      role,
      list(lines).map((line) => ({
        ...line,
        rule: renameInRule(line.rule as OutcomeRule, renames) as RedLine["rule"],
      })),
    ]),
  );
}

function renameEffect(effect: Effect, renames: Renames): Effect {
  const next = { ...effect } as Effect & { role?: string; issue?: string; option?: string };
  const issueBefore = next.issue;
  if (next.role !== undefined && renames.role) next.role = renames.role(next.role);
  if (next.issue !== undefined && renames.issue) next.issue = renames.issue(next.issue);
  if (next.option !== undefined && renames.option && issueBefore === renames.option.issue)
    next.option = renames.option.rename(next.option);
  if (next.kind === "addRedLine")
    next.redLine = {
      ...next.redLine,
      rule: renameInRule(next.redLine.rule as OutcomeRule, renames) as RedLine["rule"],
    };
  return next;
}

function renameEverywhere(draft: Draft, renames: Renames): Draft {
  const optionRename = renames.option;
  return {
    ...draft,
    roles: list(draft.roles).map((r) => (renames.role ? { ...r, id: renames.role(r.id) } : r)),
    turnOrder: list(draft.turnOrder).map((r) => (renames.role ? renames.role(r) : r)),
    issues: list(draft.issues).map((i) => ({
      ...i,
      id: renames.issue ? renames.issue(i.id) : i.id,
      options:
        optionRename && optionRename.issue === i.id
          ? list(i.options).map((o) => ({ ...o, id: optionRename.rename(o.id) }))
          : i.options,
    })),
    utilities: Object.fromEntries(
      Object.entries(renameKeys(draft.utilities, renames.role)).map(([role, u]) => [
        role,
        {
          ...u,
          weights: renameKeys(u.weights, renames.issue),
          scores: Object.fromEntries(
            Object.entries(record(u.scores)).map(([issue, scores]) => [
              renames.issue ? renames.issue(issue) : issue,
              optionRename && optionRename.issue === issue ? renameKeys(scores, optionRename.rename) : scores,
            ]),
          ),
        },
      ]),
    ),
    redLines: renameRedLines(draft.redLines, renames),
    variants: list(draft.variants).map((v) => ({
      ...v,
      redLines: renameRedLines(v.redLines, renames),
      ...(v.briefNotes ? { briefNotes: renameKeys(v.briefNotes, renames.role) } : {}),
    })),
    events: list(draft.events).map((e) => ({
      ...e,
      effects: list(e.effects).map((f) => renameEffect(f, renames)),
    })),
    outcomes: list(draft.outcomes).map(
      (o): OutcomeClassSpec => (o.when ? { ...o, when: renameInRule(o.when, renames) } : o),
    ),
    ...(draft.translations ? { translations: renameInTranslations(draft.translations, renames) } : {}),
  };
}

const swap = (from: string, to: string) => (id: string) => (id === from ? to : id);

/** Renames a role everywhere it is named. Renaming onto an existing id is refused (unchanged draft). */
export function renameRole(draft: Draft, from: string, to: string): Draft {
  if (from === to || list(draft.roles).some((r) => r.id === to)) return draft;
  return renameEverywhere(draft, { role: swap(from, to) });
}

export function renameIssue(draft: Draft, from: string, to: string): Draft {
  if (from === to || list(draft.issues).some((i) => i.id === to)) return draft;
  return renameEverywhere(draft, { issue: swap(from, to) });
}

export function renameOption(draft: Draft, issue: string, from: string, to: string): Draft {
  const target = list(draft.issues).find((i) => i.id === issue);
  if (!target || from === to || list(target.options).some((o) => o.id === to)) return draft;
  return renameEverywhere(draft, { option: { issue, rename: swap(from, to) } });
}

/** The draft as the file an author exports: the scenario JSON, two-space indented. */
export function draftJson(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
