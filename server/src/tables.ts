// Finds the database row for a table. Until workshops exist (issue 5), tables live in one
// sandbox workshop, numbered 1-30.
import { randomBytes } from "node:crypto";
import type { Db } from "@red-lines/db";

const sandboxCode = "SANDBOX";

export async function sandboxTableId(prisma: Db, number: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const workshop = await prisma.workshop.upsert({
        where: { joinCode: sandboxCode },
        create: {
          joinCode: sandboxCode,
          scenarioId: "ukraine-2026",
          variant: "back-channel",
          // Nobody holds the sandbox's instructor key: a random hash that matches no key.
          instructorKeyHash: randomBytes(32).toString("hex"),
        },
        update: {},
        select: { id: true },
      });
      const table = await prisma.table.upsert({
        where: { workshopId_number: { workshopId: workshop.id, number } },
        create: { workshopId: workshop.id, number },
        update: {},
        select: { id: true },
      });
      return table.id;
    } catch (error) {
      // Two rooms racing to create the same row: the loser finds it on the next try.
      if (attempt >= 2 || (error as { code?: string }).code !== "P2002") throw error;
    }
  }
}
