// Reaching the live rooms of a workshop from outside them (an HTTP route, the retention job), in
// whichever process hosts them: closing them when the workshop is deleted, and rebuilding a table's
// view when a student's words are erased from its log.
import { matchMaker } from "@colyseus/core";
import { closeCodes, consoleRoomName, negotiationRoomName } from "@red-lines/shared/engine";

async function roomIds(conditions: Record<string, string>): Promise<string[]> {
  const listings = await matchMaker.query(conditions);
  return listings.map((listing) => listing.roomId);
}

/**
 * Closes every live room of a deleted workshop for good: its tables' (whose connections are told
 * why, code 4103) and its console's. Answers how many were closed.
 */
export async function closeWorkshopRooms(workshopId: string, tableIds: readonly string[]): Promise<number> {
  const tables = (
    await Promise.all(tableIds.map((tableId) => roomIds({ name: negotiationRoomName, tableId })))
  ).flat();
  const consoles = await roomIds({ name: consoleRoomName, workshopId });
  const closed = await Promise.allSettled([
    ...tables.map((roomId) => matchMaker.remoteRoomCall(roomId, "closeForDeletion")),
    ...consoles.map((roomId) =>
      matchMaker.remoteRoomCall(roomId, "disconnect", [closeCodes.workshopDeleted]),
    ),
  ]);
  return closed.filter((result) => result.status === "fulfilled").length;
}

/**
 * After an erasure: a live table folds its log again and sends every connection its whole view;
 * then the workshop's console reads its alerts (a walk-out's quotes its note) and tiles again.
 */
export async function refreshAfterErasure(workshopId: string, tableId: string): Promise<void> {
  const tables = await roomIds({ name: negotiationRoomName, tableId });
  const consoles = await roomIds({ name: consoleRoomName, workshopId });
  // The table first: the console then asks it for its tile.
  await Promise.allSettled(tables.map((roomId) => matchMaker.remoteRoomCall(roomId, "reloadLog")));
  await Promise.allSettled(consoles.map((roomId) => matchMaker.remoteRoomCall(roomId, "reloadFromLogs")));
}
