// Fingerprints of what is secret in every built-in scenario, derived from the scenario files
// themselves (a new scenario is covered without editing a test): each role's private brief and
// variant notes, each red line's title, explanation and rule data (texts in every language the
// scenario has them in), each role's weights and score rows,
// and each event's id, title, flash and effects. Texts are compared after `normalize`, which
// undoes the escapes of JSON, JavaScript and HTML and drops quotes, backslashes and spacing, so a
// secret is found whether it sits in a JSON body, a minified chunk, an RSC payload or a page.
import type { Scenario, ScenarioEvent } from "@red-lines/shared/engine";
import { getScenario, scenarioIds } from "@red-lines/shared/scenarios";
import { unpackMultiple } from "msgpackr";

export const facilitator = "facilitator";

export type FingerprintKind =
  | "private brief"
  | "variant brief note"
  | "red-line title"
  | "red-line explanation"
  | "red-line rule"
  | "weights"
  | "score row"
  | "event";

export type Fingerprint = {
  scenario: string;
  kind: FingerprintKind;
  /** The roles whose own secret this is; `facilitator` for events (nobody's until they land). */
  owners: string[];
  /** The event this belongs to, for events and the red lines an event adds. */
  event: string | null;
  /** What an event fingerprint is: seats may see the title and flash once it lands, never before. */
  part: "id" | "title" | "flash" | "effect" | null;
  /** Where it comes from, for a failure message: "ukraine-2026 · russia · red line ru-pp-…". */
  label: string;
  /** The normalized forms it may take: as authored, and with keys in canonical order (see below). */
  needles: string[];
};

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The text with escapes undone and quotes, backslashes and whitespace dropped, lower-cased. */
export function normalize(text: string): string {
  return text
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\[nrt]/g, " ")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&([a-z]+);/g, (whole, name: string) => entities[name] ?? whole)
    .replace(/[\\"'`\s]/g, "")
    .toLowerCase();
}

/**
 * Keys in PostgreSQL's jsonb order (shorter first, then by bytes): data that went through the
 * database (a workshop's scenario snapshot) comes back in this order, so parsed bodies are put in
 * it before they are searched, and every data needle exists in it too.
 */
const keyOrder = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort(keyOrder)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Long texts are matched on their first 60 normalized characters (enough to be unique), in every
 * language the scenario has them in: a secret leaked in Ukrainian is still a leak.
 */
const textNeedle = (text: string, ...translations: (string | undefined)[]) => [
  ...new Set(
    [text, ...translations].filter((t): t is string => Boolean(t)).map((t) => normalize(t).slice(0, 60)),
  ),
];

type ScenarioTranslation = NonNullable<
  NonNullable<Scenario["translations"]>[keyof NonNullable<Scenario["translations"]>]
>;

/** The same text in each of the scenario's translations (those that have it). */
const inEvery = (scenario: Scenario, text: (translation: ScenarioTranslation) => string | undefined) =>
  Object.values(scenario.translations ?? {}).map((translation) =>
    translation ? text(translation) : undefined,
  );

const pairs = (entries: [string, number][]) =>
  normalize(entries.map(([key, value]) => `${key}:${value}`).join(","));

/** A record as `key:value,key:value`, the form its JSON or object literal normalizes to. */
const recordNeedle = (record: Record<string, number>) => {
  const entries = Object.entries(record);
  return [...new Set([pairs(entries), pairs([...entries].sort(([a], [b]) => keyOrder(a, b)))])];
};

const dataNeedle = (data: unknown) => [
  ...new Set([normalize(JSON.stringify(data)), normalize(JSON.stringify(canonical(data)))]),
];

function eventFingerprints(scenario: Scenario, event: ScenarioEvent): Omit<Fingerprint, "scenario">[] {
  const base = { kind: "event" as const, owners: [facilitator], event: event.id };
  const label = (what: string) => `event ${event.id} · ${what}`;
  return [
    { ...base, part: "id", label: label("id"), needles: [normalize(event.id)] },
    {
      ...base,
      part: "title",
      label: label("title"),
      needles: textNeedle(event.title, ...inEvery(scenario, (t) => t.events?.[event.id]?.title)),
    },
    {
      ...base,
      part: "flash",
      label: label("flash"),
      needles: textNeedle(event.flash, ...inEvery(scenario, (t) => t.events?.[event.id]?.flash)),
    },
    ...event.effects.map((effect, i) => ({
      ...base,
      part: "effect" as const,
      label: label(`effect ${i + 1} (${effect.kind} for ${effect.role})`),
      needles: dataNeedle(effect),
    })),
  ];
}

/** Every secret of one scenario. Identical data held by several roles lists them all as owners. */
export function scenarioFingerprints(scenario: Scenario): Fingerprint[] {
  const found: Omit<Fingerprint, "scenario">[] = [];
  const own = (
    role: string,
    kind: FingerprintKind,
    label: string,
    needles: string[],
    event: string | null = null,
  ) => found.push({ kind, owners: [role], event, part: null, label: `${role} · ${label}`, needles });
  for (const role of scenario.roles) {
    own(
      role.id,
      "private brief",
      "brief summary",
      textNeedle(
        role.privateBrief.summary,
        ...inEvery(scenario, (t) => t.roles?.[role.id]?.privateBrief?.summary),
      ),
    );
    role.privateBrief.priorities.forEach((p, i) => {
      const translated = inEvery(scenario, (t) => t.roles?.[role.id]?.privateBrief?.priorities?.[i]);
      own(role.id, "private brief", `priority ${i + 1}`, textNeedle(p, ...translated));
    });
    const utility = scenario.utilities[role.id];
    if (utility) {
      own(role.id, "weights", "weights", recordNeedle(utility.weights));
      for (const [issue, row] of Object.entries(utility.scores)) {
        own(role.id, "score row", `scores on ${issue}`, recordNeedle(row));
      }
    }
  }
  const redLines = [
    ...Object.entries(scenario.redLines).flatMap(([role, list]) =>
      list.map((r) => ({ role, r, event: null })),
    ),
    ...scenario.variants.flatMap((v) =>
      Object.entries(v.redLines).flatMap(([role, list]) => list.map((r) => ({ role, r, event: null }))),
    ),
    ...scenario.events.flatMap((e) =>
      e.effects.flatMap((f) =>
        f.kind === "addRedLine" ? [{ role: f.role, r: f.redLine, event: e.id }] : [],
      ),
    ),
  ];
  for (const { role, r, event } of redLines) {
    const title = textNeedle(r.title, ...inEvery(scenario, (t) => t.redLines?.[r.id]?.title));
    const explanation = textNeedle(
      r.explanation,
      ...inEvery(scenario, (t) => t.redLines?.[r.id]?.explanation),
    );
    own(role, "red-line title", `red line ${r.id}, title`, title, event);
    own(role, "red-line explanation", `red line ${r.id}, explanation`, explanation, event);
    own(role, "red-line rule", `red line ${r.id}, rule`, dataNeedle(r.rule), event);
  }
  for (const variant of scenario.variants) {
    for (const [role, note] of Object.entries(variant.briefNotes ?? {})) {
      const translated = inEvery(scenario, (t) => t.variants?.[variant.id]?.briefNotes?.[role]);
      own(role, "variant brief note", `${variant.id} brief note`, textNeedle(note, ...translated));
    }
  }
  for (const event of scenario.events) found.push(...eventFingerprints(scenario, event));
  // The same needle under several owners (two roles scoring an issue alike) is each one's own.
  const byNeedle = new Map<string, Omit<Fingerprint, "scenario">>();
  for (const fingerprint of found) {
    const key = fingerprint.needles.join(" ");
    const same = byNeedle.get(key);
    if (same) same.owners = [...new Set([...same.owners, ...fingerprint.owners])];
    else byNeedle.set(key, { ...fingerprint });
  }
  return [...byNeedle.values()].map((f) => ({ ...f, scenario: scenario.id }));
}

/** The fingerprints of every scenario in the registry. */
export function allFingerprints(): Fingerprint[] {
  return scenarioIds.flatMap((id) => {
    const scenario = getScenario(id);
    if (!scenario) throw new Error(`scenario ${id} is listed but does not load`);
    return scenarioFingerprints(scenario);
  });
}

/** Whether the (already normalized) text holds the fingerprint in any of its forms. */
export const holds = (normalizedText: string, f: Fingerprint) =>
  f.needles.some((n) => normalizedText.includes(n));

/** The fingerprints found in the (already normalized) text. */
export function fingerprintsIn(normalizedText: string, fingerprints: readonly Fingerprint[]): Fingerprint[] {
  return fingerprints.filter((f) => holds(normalizedText, f));
}

/**
 * The fingerprints of `suspects` found in the text once everything `allowed` is blanked out: a
 * reader's own red line may contain another's as a part (Europe's "a European force needs a
 * ceasefire" holds the US's "no ceasefire is no deal"), and that part is not a leak.
 */
export function foreignIn(
  normalizedText: string,
  allowed: readonly Fingerprint[],
  suspects: readonly Fingerprint[],
): Fingerprint[] {
  let text = normalizedText;
  const needles = allowed.flatMap((f) => f.needles).sort((a, b) => b.length - a.length);
  for (const needle of needles) if (text.includes(needle)) text = text.split(needle).join("\u0000");
  return fingerprintsIn(text, suspects);
}

/** A body as text to search: as it came, and, when it is JSON, in canonical key order too. */
export function bodyText(body: string): string {
  try {
    return `${body}\n${JSON.stringify(canonical(JSON.parse(body)))}`;
  } catch {
    return body;
  }
}

/**
 * What a WebSocket frame carries, as text to search: its bytes as UTF-8 (schema patches carry
 * strings raw) and every msgpack value decodable after the Colyseus protocol byte, as JSON.
 */
export function frameText(payload: string | Buffer): string {
  if (typeof payload === "string") return payload;
  const parts = [payload.toString("utf8")];
  for (const offset of [1, 0]) {
    try {
      const values: unknown[] = [];
      unpackMultiple(payload.subarray(offset), (value: unknown) => {
        values.push(value);
      });
      parts.push(JSON.stringify(canonical(values)));
      break;
    } catch {
      // Not msgpack from this offset (a schema patch or a handshake): the raw text above covers it.
    }
  }
  return parts.join("\n");
}

/** Counts per scenario and kind, for reports: `{ "ukraine-2026": { "private brief": 20, … } }`. */
export function fingerprintCounts(
  fingerprints: readonly Fingerprint[],
): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const f of fingerprints) {
    const perScenario = counts[f.scenario] ?? {};
    const kind = f.kind === "event" ? `event ${f.part}` : f.kind;
    perScenario[kind] = (perScenario[kind] ?? 0) + 1;
    counts[f.scenario] = perScenario;
  }
  return counts;
}
