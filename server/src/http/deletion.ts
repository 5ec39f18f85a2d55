// The instructor's routes for students' data: deleting a workshop with everything of it, and
// erasing one student's name and words from a table's log on request. Both need the workshop's
// instructor key (Bearer); both log what they did by ids and counts, never a name or a text.
import type { Db } from "@red-lines/db";
import { idSchema } from "@red-lines/shared/engine";
import type { Router } from "express";
import type { Logger } from "../logging.ts";
import { refreshAfterErasure } from "../rooms/liveRooms.ts";
import { workshopScenario } from "../tables/tableLog.ts";
import { deleteWorkshop } from "../workshops/deletion.ts";
import { eraseSeat } from "../workshops/erasure.ts";
import { requestLog } from "./requestLog.ts";
import { checkIds, fail, instructorWorkshop } from "./requests.ts";

export type DeletionOptions = { prisma: Db; logger: Logger };

export function mountDeletion(router: Router, options: DeletionOptions): void {
  const { prisma } = options;

  router.delete("/workshops/:id", async (req, res) => {
    const workshopId = String(req.params.id);
    if (!checkIds(res, [{ path: "id", value: workshopId, what: "workshop" }])) return;
    const overview = await instructorWorkshop(req, res, prisma, workshopId);
    if (!overview) return;
    const deleted = await deleteWorkshop(prisma, workshopId);
    if (!deleted) {
      // Deleted by another request between the key check and now: it is gone either way.
      fail(res, 404, { code: "no-such-workshop", message: "This workshop has already been deleted." });
      return;
    }
    requestLog(req, options.logger).info(
      { ...deleted },
      `workshop ${workshopId} deleted: ${deleted.tables} table(s), ${deleted.seats} seat(s), ${deleted.events} event(s)`,
    );
    res.setHeader("Cache-Control", "no-store");
    res.json({ deleted });
  });

  router.post("/workshops/:id/tables/:tableId/seats/:role/erase", async (req, res) => {
    const workshopId = String(req.params.id);
    const tableId = String(req.params.tableId);
    const role = String(req.params.role);
    if (
      !checkIds(res, [
        { path: "id", value: workshopId, what: "workshop" },
        { path: "tableId", value: tableId, what: "table" },
      ])
    )
      return;
    if (!idSchema.safeParse(role).success) {
      fail(res, 400, {
        code: "invalid-request",
        message: "The seat in the address is not valid: it is a role id such as ukraine.",
        issues: [{ path: "role", message: "Use a role id such as ukraine." }],
      });
      return;
    }
    const overview = await instructorWorkshop(req, res, prisma, workshopId);
    if (!overview) return;
    const table = overview.tables.find((candidate) => candidate.id === tableId);
    if (!table) {
      fail(res, 404, {
        code: "no-such-table",
        reason: "id",
        message: "This workshop has no table with that id.",
      });
      return;
    }
    const scenario = await workshopScenario(prisma, overview);
    const roles = scenario?.roles ?? [];
    if (!roles.some((candidate) => candidate.id === role)) {
      fail(res, 404, {
        code: "no-such-seat",
        values: { table: table.number, role, roles: roles.map((r) => r.id).join(", ") },
        message: `Table ${table.number} has no seat "${role}": its seats are ${roles.map((r) => r.id).join(", ")}.`,
      });
      return;
    }
    const erased = await eraseSeat(prisma, tableId, role);
    await refreshAfterErasure(workshopId, tableId);
    requestLog(req, options.logger).info(
      { workshopId, tableId, role, ...erased },
      `erased the name and words of seat ${role} at table ${table.number}: ${erased.names} name(s), ${erased.messages} message(s), ${erased.notes} note(s)`,
    );
    res.setHeader("Cache-Control", "no-store");
    res.json({ table: table.number, role, erased });
  });
}
