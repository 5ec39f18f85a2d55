// Scenarios saved from the studio, in the database: each save of an id is its next version,
// pointing at a content-hashed snapshot (the same ScenarioSnapshot rows workshops keep), so a
// workshop names the exact version it plays and later saves never change it.
import type { Db } from "@red-lines/db";
import {
  type HttpErrorBody,
  type Locale,
  loadScenario,
  type NamedScenario,
  type Scenario,
  type ScenarioChoice,
  type StoredScenarioLookup,
  type StoredVersion,
  type StudioScenarioSummary,
} from "@red-lines/shared/engine";
import { getScenario, localizeScenario, scenarioIds } from "@red-lines/shared/scenarios";
import { snapshotScenario } from "../workshops/store.ts";

/** Saves of one id that raced each other retry this often for the next free version. */
const saveAttempts = 5;

/** Parsed snapshots by hash: a snapshot never changes, so each is read and checked once. */
const parsed = new Map<string, Scenario>();

/** The scenario in a stored snapshot, validated like any scenario file. */
async function snapshotData(prisma: Db, hash: string): Promise<Scenario> {
  const known = parsed.get(hash);
  if (known) return known;
  const row = await prisma.scenarioSnapshot.findUniqueOrThrow({ where: { hash }, select: { data: true } });
  const loaded = loadScenario(row.data);
  // Stored only after the same check: one that fails now is corruption, not a user's mistake.
  if (!loaded.ok) throw new Error(`the stored scenario snapshot ${hash} is invalid`);
  if (parsed.size >= 64) parsed.delete(parsed.keys().next().value as string);
  parsed.set(hash, loaded.scenario);
  return loaded.scenario;
}

function versionOf(row: { version: number; hash: string; savedAt: Date }): StoredVersion {
  return { version: row.version, hash: row.hash, savedAt: row.savedAt.toISOString() };
}

/** JSON with every object's keys sorted: the same content gives the same text, whatever the order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type SavedScenario = StoredVersion & { id: string; unchanged: boolean };

/**
 * Stores a validated scenario as the next version of its id (from 1). The same content as the
 * latest version (keys in any order: the studio edits what the database gave back) returns that
 * version unchanged instead of a duplicate. The caller refuses built-in ids first.
 */
export async function saveScenario(prisma: Db, scenario: Scenario): Promise<SavedScenario> {
  const hash = await snapshotScenario(prisma, scenario);
  for (let attempt = 1; ; attempt++) {
    const latest = await prisma.storedScenario.findFirst({
      where: { scenarioId: scenario.id },
      orderBy: { version: "desc" },
    });
    if (latest) {
      const same =
        latest.hash === hash ||
        canonical((await snapshotData(prisma, latest.hash)) as unknown) === canonical(scenario);
      if (same) return { id: scenario.id, ...versionOf(latest), unchanged: true };
    }
    try {
      const row = await prisma.storedScenario.create({
        data: { scenarioId: scenario.id, version: (latest?.version ?? 0) + 1, hash },
      });
      return { id: scenario.id, ...versionOf(row), unchanged: false };
    } catch (error) {
      // Another save of this id took the version first: read the latest again.
      if (attempt >= saveAttempts || (error as { code?: string }).code !== "P2002") throw error;
    }
  }
}

/** Every stored version of an id, oldest first; empty when none is stored. */
export async function storedVersions(prisma: Db, id: string): Promise<StoredVersion[]> {
  const rows = await prisma.storedScenario.findMany({
    where: { scenarioId: id },
    orderBy: { version: "asc" },
  });
  return rows.map(versionOf);
}

/** One stored version (the latest by default) with its scenario, or why there is none. */
export async function storedScenario(
  prisma: Db,
  id: string,
  version: number | undefined,
): Promise<
  | { ok: true; chosen: StoredVersion; versions: StoredVersion[]; scenario: Scenario }
  | { ok: false; error: Extract<HttpErrorBody, { code: "no-such-scenario" | "no-such-version" }> }
> {
  const versions = await storedVersions(prisma, id);
  const last = versions.at(-1);
  if (!last) {
    return {
      ok: false,
      error: {
        code: "no-such-scenario",
        reason: "unknown",
        values: { id },
        message: `There is no scenario "${id}": neither built in nor saved from the studio.`,
      },
    };
  }
  const chosen = version === undefined ? last : versions.find((candidate) => candidate.version === version);
  if (!chosen) {
    return {
      ok: false,
      error: {
        code: "no-such-version",
        reason: "stored",
        values: { id, version: version ?? 0, last: last.version },
        message: `Scenario "${id}" has no version ${version}: its versions are ${
          versions.length === 1 ? "1 only" : `1 to ${last.version}`
        }.`,
      },
    };
  }
  return { ok: true, chosen, versions, scenario: await snapshotData(prisma, chosen.hash) };
}

/** The latest version of each stored scenario, by id, with what a list shows of it. */
export async function listStoredScenarios(prisma: Db): Promise<StudioScenarioSummary[]> {
  const rows = await prisma.$queryRaw<
    {
      id: string;
      version: number;
      versions: number;
      saved_at: Date;
      title: string | null;
      summary: string | null;
      roles: number | null;
    }[]
  >`
    SELECT DISTINCT ON (s.scenario_id) s.scenario_id AS id, s.version, s.saved_at,
      count(*) OVER (PARTITION BY s.scenario_id)::int AS versions,
      c.data->>'title' AS title, c.data->>'summary' AS summary,
      jsonb_array_length(c.data->'roles') AS roles
    FROM stored_scenario s JOIN scenario c ON c.hash = s.hash
    ORDER BY s.scenario_id, s.version DESC`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title ?? row.id,
    summary: row.summary ?? "",
    origin: "stored",
    version: row.version,
    versions: row.versions,
    savedAt: row.saved_at.toISOString(),
    roles: row.roles ?? 0,
  }));
}

/** The built-in scenarios as the studio lists them. */
export function builtInSummaries(): StudioScenarioSummary[] {
  return scenarioIds.flatMap((id) => {
    const scenario = getScenario(id);
    if (!scenario) return [];
    return [
      {
        id,
        title: scenario.title,
        summary: scenario.summary,
        origin: "built-in",
        version: null,
        versions: 0,
        savedAt: null,
        roles: scenario.roles.length,
      },
    ];
  });
}

/**
 * What a workshop request names, read from the database before the request is checked: the
 * stored scenario (and version) when its id is not built in, every stored id when it names none,
 * and the chosen version's snapshot hash, which the workshop keeps.
 */
export async function storedScenarioFor(
  prisma: Db,
  request: unknown,
): Promise<{ lookup: StoredScenarioLookup; hash?: string }> {
  const fields = (typeof request === "object" && request !== null ? request : {}) as Record<string, unknown>;
  const id = fields.scenarioId;
  const version = fields.scenarioVersion;
  if (typeof id !== "string" || getScenario(id)) return { lookup: { find: () => undefined, ids: [] } };
  const found = await storedScenario(prisma, id, Number.isInteger(version) ? (version as number) : undefined);
  if (found.ok) {
    const named: NamedScenario = { scenario: found.scenario, version: found.chosen.version };
    return { lookup: { find: () => named, ids: [] }, hash: found.chosen.hash };
  }
  if (found.error.code === "no-such-version") {
    return { lookup: { find: () => ({ problem: found.error.message }), ids: [] } };
  }
  const ids = await prisma.storedScenario.findMany({
    distinct: ["scenarioId"],
    select: { scenarioId: true },
    orderBy: { scenarioId: "asc" },
  });
  return { lookup: { find: () => undefined, ids: ids.map((row) => row.scenarioId) } };
}

/**
 * The set-up form's choices for the stored scenarios: the latest version of each, its texts in
 * the reader's `locale` where its translation has them.
 */
export async function storedScenarioChoices(prisma: Db, locale: Locale = "en"): Promise<ScenarioChoice[]> {
  const rows = await prisma.$queryRaw<{ id: string; version: number; hash: string }[]>`
    SELECT DISTINCT ON (scenario_id) scenario_id AS id, version, hash
    FROM stored_scenario ORDER BY scenario_id, version DESC`;
  const choices: ScenarioChoice[] = [];
  for (const row of rows) {
    const scenario = localizeScenario(await snapshotData(prisma, row.hash), locale);
    choices.push({
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      origin: "stored",
      version: row.version,
      documents: scenario.documents.map(({ file, title }) => ({ file, title })),
      variants: scenario.variants.map(({ id, name, description }) => ({ id, name, description })),
      defaultVariant: scenario.defaultVariant,
      clock: scenario.clock,
      seats: scenario.turnOrder.map((role) => scenario.roles.find((r) => r.id === role)?.name ?? role),
    });
  }
  return choices;
}
