// Calls to the server's HTTP API from tests. Each call comes from a fresh client address
// (the test servers trust X-Forwarded-For), so join rate limits never couple unrelated tests.
import { randomUUID } from "node:crypto";
import { Client } from "@colyseus/sdk";
import { consoleMessages, consoleRoomName, consoleSnapshotSchema } from "@red-lines/shared/protocol";

export async function postJson<T = Record<string, string>>(
  baseUrl: string,
  route: string,
  body: unknown,
  from: string = randomUUID(),
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}/api${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * A workshop's observer token, the way an instructor gets it: from the console's snapshot.
 * Observer links are `/table/<tableId>?watch=<token>`; a room joins with `{ tableId, watchToken }`.
 */
export async function watchTokenOf(
  baseUrl: string,
  workshop: { workshopId: string; instructorKey: string },
): Promise<string> {
  const room = await new Client(baseUrl).joinOrCreate(consoleRoomName, {
    workshopId: workshop.workshopId,
    instructorKey: workshop.instructorKey,
  });
  try {
    const snapshot = await new Promise<unknown>((resolve) =>
      room.onMessage(consoleMessages.snapshot, resolve),
    );
    return consoleSnapshotSchema.parse(snapshot).watchToken;
  } finally {
    await room.leave();
  }
}

/** The instructor shares a table's debrief (and so its replay) with its students, channels withheld; the answer's status. */
export async function shareDebrief(
  baseUrl: string,
  workshop: { workshopId: string; instructorKey: string },
  tableId: string,
): Promise<number> {
  const response = await fetch(
    `${baseUrl}/api/workshops/${workshop.workshopId}/tables/${tableId}/debrief/sharing`,
    {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${workshop.instructorKey}` },
      body: JSON.stringify({ shared: true, revealChannels: false }),
    },
  );
  return response.status;
}
