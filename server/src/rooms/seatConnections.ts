// Which connections hold which seat of a table room: one per seat (the newest takes over), the
// dropped ones waiting to come back, and closing a seat's connections for good when it is
// released or taken over. The room's `connected` summary follows from here.
import type { Client, Deferred } from "@colyseus/core";
import type { ErrorMessage, Locale } from "@red-lines/shared/engine";
import type { FloodWindow, RateWindow } from "./messageRate.ts";
import type { Identity } from "./tableAccess.ts";

export type ClientData = RateWindow &
  FloodWindow & {
    identity: Identity;
    /** The reader's language: their view, refusals and news are rendered in it. */
    locale: Locale;
    /** Released or taken over: closed without a reconnection slot (a flood keeps its slot). */
    closedForGood?: boolean;
    /** A dropped connection's pending reconnection, cancelled if its seat goes to someone else. */
    reconnection?: Deferred<Client>;
    /** The view this connection holds: the perspective and log position of the last one sent. */
    view?: { seq: number; perspective: string };
  };
export type TableClient = Client<{ userData: ClientData; auth: Identity }>;

export class SeatConnections {
  /** Dropped seat and instructor connections whose reconnection slot is open. */
  private readonly awaited = new Set<TableClient>();

  constructor(
    private readonly connections: () => TableClient[],
    private readonly reply: (client: TableClient, error: ErrorMessage) => void,
    private readonly markConnected: (role: string, on: boolean) => void,
  ) {}

  count(kind: Identity["kind"]): number {
    return this.connections().filter((client) => client.userData?.identity.kind === kind).length;
  }

  /** A seat's connection arrives (or comes back): it takes the seat over from any other. */
  takeOver(client: TableClient, role: string, replaced: ErrorMessage, code: number): void {
    this.close(role, replaced, code, client);
    this.markConnected(role, true);
  }

  /** A connection went: its seat shows as disconnected unless another connection holds it. */
  left(client: TableClient): void {
    const identity = client.userData?.identity;
    if (identity?.kind === "seat" && !this.connected(identity.role)) this.markConnected(identity.role, false);
  }

  /** Waits for a dropped connection to come back within its slot; rejects when it does not. */
  async awaitReturn(client: TableClient, reconnection: Deferred<Client>): Promise<void> {
    if (!client.userData) return;
    client.userData.reconnection = reconnection;
    this.awaited.add(client);
    try {
      await reconnection;
    } finally {
      client.userData.reconnection = undefined;
      this.awaited.delete(client);
    }
  }

  /** Closes every connection of a seat but `keep` for good, telling it why; dropped ones lose their slot. */
  close(role: string, why: ErrorMessage, code: number, keep?: TableClient): void {
    const ofSeat = (client: TableClient) =>
      client !== keep && client.userData?.identity.kind === "seat" && client.userData.identity.role === role;
    for (const client of this.connections().filter(ofSeat)) {
      if (client.userData) client.userData.closedForGood = true;
      this.reply(client, why);
      client.leave(code);
    }
    for (const client of [...this.awaited].filter(ofSeat)) {
      if (client.userData) client.userData.closedForGood = true;
      client.userData?.reconnection?.reject(false);
    }
  }

  connected(role: string): boolean {
    return this.connections().some(
      (client) =>
        client.userData?.identity.kind === "seat" &&
        client.userData.identity.role === role &&
        !client.userData.closedForGood,
    );
  }
}
