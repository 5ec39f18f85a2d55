// Workshops, tables and seats in the database: creation, joining by code, the instructor's overview.
import { createHash, randomInt } from "node:crypto";
import type { Db, Prisma } from "@red-lines/db";
import {
  chooseSeat,
  type HttpErrorBody,
  type InstructorOverview,
  type Locale,
  makeJoinCode,
  type Scenario,
  type SeatChoice,
  type SeatingOverview,
  type TableProgress,
  type WorkshopSettings,
} from "@red-lines/shared/engine";
import { getScenario, localizeScenario } from "@red-lines/shared/scenarios";
import { workshopScenario } from "../tables/tableLog.ts";
import { hashSecret, newSecret, secretMatches } from "./secrets.ts";

export type CreatedWorkshop = {
  workshopId: string;
  joinCode: string;
  instructorKey: string;
  settings: WorkshopSettings;
};

/** The hash a scenario's snapshot is stored under: SHA-256 of its JSON. */
export function scenarioHash(scenario: Scenario): string {
  return createHash("sha256").update(JSON.stringify(scenario)).digest("hex");
}

/**
 * Stores the scenario as it is now, once per content, and returns its hash: the workshop's
 * tables are folded with this snapshot forever after, whatever later happens to the file.
 */
export async function snapshotScenario(prisma: Db, scenario: Scenario): Promise<string> {
  const data = JSON.parse(JSON.stringify(scenario)) as Prisma.InputJsonValue;
  const hash = scenarioHash(scenario);
  await prisma.scenarioSnapshot.upsert({
    where: { hash },
    create: { hash, scenarioId: scenario.id, data },
    update: {},
  });
  return hash;
}

/**
 * Where the talks stand at each table of a workshop, read from the tables' logs: over once talks
 * concluded (agreement, walk-out, rounds run out or ended by the instructor), running once the
 * briefing or the negotiation started, not started otherwise.
 */
export async function tableProgress(
  prisma: Pick<Db, "$queryRaw">,
  workshopId: string,
): Promise<Map<string, TableProgress>> {
  const rows = await prisma.$queryRaw<{ id: string; over: boolean; started: boolean }[]>`
    SELECT t.id::text AS id,
      EXISTS (SELECT 1 FROM "event" e WHERE e.table_id = t.id AND e.type = 'talks-concluded') AS over,
      EXISTS (SELECT 1 FROM "event" e WHERE e.table_id = t.id
        AND e.type IN ('briefing-started', 'negotiations-started')) AS started
    FROM "table" t WHERE t.workshop_id = ${workshopId}::uuid`;
  return new Map(
    rows.map((row) => [row.id, row.over ? "over" : row.started ? "running" : "not-started"] as const),
  );
}

/**
 * `storedHash`: the snapshot of the stored scenario version the settings name (saved from the
 * studio); a built-in scenario is snapshotted here as it is now.
 */
export async function createWorkshop(
  prisma: Db,
  settings: WorkshopSettings,
  storedHash?: string,
): Promise<CreatedWorkshop> {
  const instructorKey = newSecret();
  const builtIn = storedHash === undefined ? getScenario(settings.scenarioId) : undefined;
  if (storedHash === undefined && !builtIn)
    throw new Error(`no scenario "${settings.scenarioId}" (settings are validated before this)`);
  let scenarioHash = storedHash ?? (builtIn ? await snapshotScenario(prisma, builtIn) : undefined);
  for (let attempt = 0; ; attempt++) {
    const joinCode = makeJoinCode(randomInt);
    try {
      const workshop = await prisma.workshop.create({
        data: {
          joinCode,
          scenarioId: settings.scenarioId,
          variant: settings.variant,
          instructorKeyHash: hashSecret(instructorKey),
          settings,
          scenarioHash,
          tables: { create: Array.from({ length: settings.tables }, (_, index) => ({ number: index + 1 })) },
        },
        select: { id: true },
      });
      return { workshopId: workshop.id, joinCode, instructorKey, settings };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 4 || (code !== "P2002" && !(code === "P2003" && builtIn))) throw error;
      // P2002: a join code already in use (about one chance in 10^11): draw another. P2003: the
      // snapshot was cleared away as unused (a deletion) between its upsert and this insert.
      if (code === "P2003" && builtIn) scenarioHash = await snapshotScenario(prisma, builtIn);
    }
  }
}

export type JoinResult =
  | {
      ok: true;
      workshopId: string;
      tableId: string;
      table: number;
      role: string;
      seatToken: string;
      rejoined: boolean;
    }
  | ({ ok: false; status: number } & HttpErrorBody);

/** Why a join finds no table to sit at: the chosen table's talks are over, or every table's are. */
function talksOver(
  tables: number,
  over: ReadonlySet<number>,
  chosen: number | undefined,
): Extract<HttpErrorBody, { code: "talks-over" }> | null {
  const allOver = tables > 0 && over.size === tables;
  if (chosen !== undefined && over.has(chosen)) {
    return {
      code: "talks-over",
      reason: allOver ? "table-all-over" : "table",
      values: { table: chosen },
      message: `The talks at table ${chosen} are over, so it takes nobody new. ${
        allOver ? "Ask your instructor." : "Choose a seat at another table."
      }`,
    };
  }
  if (!allOver) return null;
  return tables === 1
    ? {
        code: "talks-over",
        reason: "only-table",
        message: "The talks at this workshop's table are over, so it takes nobody new. Ask your instructor.",
      }
    : {
        code: "talks-over",
        reason: "every-table",
        message:
          "The talks at every table of this workshop are over, so they take nobody new. Ask your instructor.",
      };
}

/**
 * Seats a person. A valid seat token gives its holder the same seat back; otherwise the seat is
 * their choice where free, else the balanced choice. Serialised per workshop by locking its row,
 * so two people never get one seat.
 */
export async function joinWorkshop(
  prisma: Db,
  request: { joinCode: string; name: string; choice: SeatChoice; seatToken?: string | undefined },
): Promise<JoinResult> {
  return prisma.$transaction(async (tx) => {
    const [workshop] = await tx.$queryRaw<
      { id: string; scenario_id: string; scenario_hash: string | null }[]
    >`select id, scenario_id, scenario_hash from workshop where join_code = ${request.joinCode} for update`;
    if (!workshop) {
      return {
        ok: false,
        status: 404,
        code: "unknown-code",
        message: "No workshop has that join code. Check it with your instructor.",
      };
    }
    const tables = await tx.table.findMany({
      where: { workshopId: workshop.id },
      orderBy: { number: "asc" },
      select: { id: true, number: true, seats: { select: { id: true, role: true, tokenHash: true } } },
    });
    if (request.seatToken !== undefined) {
      for (const table of tables) {
        const seat = table.seats.find((candidate) =>
          secretMatches(request.seatToken ?? "", candidate.tokenHash),
        );
        if (seat) {
          await tx.seat.update({ where: { id: seat.id }, data: { displayName: request.name } });
          return {
            ok: true,
            workshopId: workshop.id,
            tableId: table.id,
            table: table.number,
            role: seat.role,
            seatToken: request.seatToken,
            rejoined: true,
          };
        }
      }
    }
    const scenario = await workshopScenario(tx, {
      scenarioHash: workshop.scenario_hash,
      scenarioId: workshop.scenario_id,
    });
    if (!scenario) {
      return {
        ok: false,
        status: 500,
        code: "internal",
        reason: "no-scenario",
        message: "This workshop's scenario is no longer available.",
      };
    }
    const roles = scenario.turnOrder.map((id) => ({
      id,
      name: scenario.roles.find((r) => r.id === id)?.name ?? id,
    }));
    // A table whose talks are over takes nobody new (a seat token above still gets its seat back).
    const progress = await tableProgress(tx, workshop.id);
    const open = tables.filter((table) => progress.get(table.id) !== "over");
    const overTables = new Set(
      tables.filter((table) => progress.get(table.id) === "over").map((table) => table.number),
    );
    const over = talksOver(tables.length, overTables, request.choice.table);
    if (over) return { ok: false, status: 409, ...over };
    const seating = chooseSeat(
      open.map((table) => ({ number: table.number, taken: table.seats.map((seat) => seat.role) })),
      roles,
      request.choice,
    );
    if (!seating.ok) {
      const { ok: _ok, ...refused } = seating;
      return { ok: false, status: 409, ...refused };
    }
    const table = tables.find((candidate) => candidate.number === seating.table);
    if (!table) throw new Error(`seating chose table ${seating.table}, which the workshop does not have`);
    const seatToken = newSecret();
    await tx.seat.create({
      data: {
        tableId: table.id,
        role: seating.role,
        displayName: request.name,
        tokenHash: hashSecret(seatToken),
      },
    });
    return {
      ok: true,
      workshopId: workshop.id,
      tableId: table.id,
      table: table.number,
      role: seating.role,
      seatToken,
      rejoined: false,
    };
  });
}

/** The workshop with its tables and seats, or null when the id is unknown or the key is wrong. */
export async function instructorOverview(prisma: Db, workshopId: string, key: string) {
  const workshop = await prisma.workshop.findUnique({
    where: { id: workshopId },
    include: {
      tables: {
        orderBy: { number: "asc" },
        include: { seats: { select: { role: true, displayName: true }, orderBy: { role: "asc" } } },
      },
    },
  });
  if (!workshop || !secretMatches(key, workshop.instructorKeyHash)) return null;
  return {
    workshopId: workshop.id,
    joinCode: workshop.joinCode,
    createdAt: workshop.createdAt.toISOString(),
    scenarioId: workshop.scenarioId,
    variant: workshop.variant,
    settings: workshop.settings,
    scenarioHash: workshop.scenarioHash,
    tables: workshop.tables.map((table) => ({
      id: table.id,
      number: table.number,
      events: table.lastSeq,
      seats: table.seats.map((seat) => ({ role: seat.role, name: seat.displayName })),
    })),
  };
}

/**
 * The instructor's overview as `GET /api/workshops/:id` answers it: the scenario and variant by
 * their titles (in the reader's `locale`, from the scenario's translation), and where the talks
 * stand at each table. A scenario no longer on this server is flagged (`scenarioMissing`, no
 * title), for the page to say in its reader's language.
 */
export async function instructorSummary(
  prisma: Db,
  overview: NonNullable<Awaited<ReturnType<typeof instructorOverview>>>,
  locale: Locale = "en",
): Promise<InstructorOverview & { settings: unknown }> {
  // The snapshot's hash says which scenario; the answer names it by its title.
  const { scenarioHash, ...shown } = overview;
  const stored = await workshopScenario(prisma, { scenarioHash, scenarioId: overview.scenarioId });
  const scenario = stored && localizeScenario(stored, locale);
  const variant = scenario?.variants.find((candidate) => candidate.id === overview.variant);
  const progress = await tableProgress(prisma, overview.workshopId);
  return {
    ...shown,
    scenario: { title: scenario?.title ?? null, variant: variant?.name ?? "" },
    // Said by the page in its reader's language: the server answers no sentence for it.
    scenarioMissing: scenario === undefined,
    tables: overview.tables.map((table) => ({ ...table, progress: progress.get(table.id) ?? "not-started" })),
  };
}

/**
 * What a student may choose from before joining: roles, and which seats are free at each table.
 * The scenario's title and the roles' names and public stances are in the reader's `locale`
 * (from the scenario's translation); names people typed stay as typed.
 */
export async function seatingFor(
  prisma: Db,
  joinCode: string,
  locale: Locale = "en",
): Promise<SeatingOverview | null> {
  const workshop = await prisma.workshop.findUnique({
    where: { joinCode },
    include: {
      tables: {
        orderBy: { number: "asc" },
        include: { seats: { select: { role: true, displayName: true } } },
      },
    },
  });
  const stored = workshop ? await workshopScenario(prisma, workshop) : undefined;
  if (!workshop || !stored) return null;
  const scenario = localizeScenario(stored, locale);
  const progress = await tableProgress(prisma, workshop.id);
  const roles = scenario.turnOrder.map((id) => {
    const role = scenario.roles.find((candidate) => candidate.id === id);
    return { id, name: role?.name ?? id, publicStance: role?.publicStance ?? "" };
  });
  return {
    joinCode: workshop.joinCode,
    scenario: { id: scenario.id, title: scenario.title },
    roles,
    tables: workshop.tables.map((table) => ({
      number: table.number,
      progress: progress.get(table.id) ?? "not-started",
      seats: roles.map(({ id }) => {
        const seat = table.seats.find((candidate) => candidate.role === id);
        return { role: id, taken: seat !== undefined, name: seat?.displayName ?? null };
      }),
    })),
  };
}
