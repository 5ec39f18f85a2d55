// A table room joined from a test as a current client joins it: the protocol version in its
// options, views followed through patches (shared `followViews`, as the browser does).
import { Client, type Room } from "@colyseus/sdk";
import { negotiationRoomName, tableProtocolVersion } from "@red-lines/shared/engine";

export { followViews, negotiationRoomName, type TableView } from "@red-lines/shared/engine";

/** Join options as a current client sends them. */
export function withProtocol<T extends object>(options: T): T & { protocol: number } {
  return { ...options, protocol: tableProtocolVersion };
}

/** Joins (or starts) a table's room with these credentials, as a current client does. */
export function joinTable(url: string, options: Record<string, string>): Promise<Room> {
  return new Client(url).joinOrCreate(negotiationRoomName, withProtocol(options));
}
