// Workshops, tables and seats in the database: creation, joining by code, the instructor's overview.
import { createHash, randomInt } from "node:crypto";
import type { Db, Prisma } from "@red-lines/db";
import {
  chooseSeat,
  makeJoinCode,
  type Scenario,
  type SeatChoice,
  type SeatingOverview,
  type WorkshopSettings,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { hashSecret, newSecret, secretMatches } from "./secrets.ts";

export type CreatedWorkshop = {
  workshopId: string;
  joinCode: string;
  instructorKey: string;
  settings: WorkshopSettings;
};

/**
 * Stores the scenario as it is now, once per content, and returns its hash: the workshop's
 * tables are folded with this snapshot forever after, whatever later happens to the file.
 */
export async function snapshotScenario(prisma: Db, scenario: Scenario): Promise<string> {
  const data = JSON.parse(JSON.stringify(scenario)) as Prisma.InputJsonValue;
  const hash = createHash("sha256").update(JSON.stringify(scenario)).digest("hex");
  await prisma.scenarioSnapshot.upsert({
    where: { hash },
    create: { hash, scenarioId: scenario.id, data },
    update: {},
  });
  return hash;
}

export async function createWorkshop(prisma: Db, settings: WorkshopSettings): Promise<CreatedWorkshop> {
  const instructorKey = newSecret();
  const scenario = getScenario(settings.scenarioId);
  if (!scenario) throw new Error(`no scenario "${settings.scenarioId}" (settings are validated before this)`);
  const scenarioHash = await snapshotScenario(prisma, scenario);
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
      // A join code already in use (about one chance in 10^11): draw another.
      if (attempt >= 4 || (error as { code?: string }).code !== "P2002") throw error;
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
  | { ok: false; status: number; code: string; message: string };

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
    const [workshop] = await tx.$queryRaw<{ id: string; scenario_id: string }[]>`
      select id, scenario_id from workshop where join_code = ${request.joinCode} for update`;
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
    const scenario = getScenario(workshop.scenario_id);
    if (!scenario) {
      return {
        ok: false,
        status: 500,
        code: "internal",
        message: "This workshop's scenario is no longer available.",
      };
    }
    const roles = scenario.turnOrder.map((id) => ({
      id,
      name: scenario.roles.find((r) => r.id === id)?.name ?? id,
    }));
    const seating = chooseSeat(
      tables.map((table) => ({ number: table.number, taken: table.seats.map((seat) => seat.role) })),
      roles,
      request.choice,
    );
    if (!seating.ok) return { ok: false, status: 409, code: seating.code, message: seating.message };
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
    settings: workshop.settings,
    tables: workshop.tables.map((table) => ({
      id: table.id,
      number: table.number,
      events: table.lastSeq,
      seats: table.seats.map((seat) => ({ role: seat.role, name: seat.displayName })),
    })),
  };
}

/** What a student may choose from before joining: roles, and which seats are free at each table. */
export async function seatingFor(prisma: Db, joinCode: string): Promise<SeatingOverview | null> {
  const workshop = await prisma.workshop.findUnique({
    where: { joinCode },
    include: {
      tables: {
        orderBy: { number: "asc" },
        include: { seats: { select: { role: true, displayName: true } } },
      },
    },
  });
  const scenario = workshop ? getScenario(workshop.scenarioId) : undefined;
  if (!workshop || !scenario) return null;
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
      seats: roles.map(({ id }) => {
        const seat = table.seats.find((candidate) => candidate.role === id);
        return { role: id, taken: seat !== undefined, name: seat?.displayName ?? null };
      }),
    })),
  };
}
