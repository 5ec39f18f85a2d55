// The conversations a perspective has at the table: the public chat, a private channel with each
// other seat (for a seat; the instructor reads every channel there is), the facilitator's
// broadcasts and the news. Counts only what others said, for unread badges.
import type { TableView } from "@red-lines/shared/protocol";
import { seatName } from "./derive.ts";

export type Message = TableView["publicChat"][number];

/** A private channel is named by its seats (`label`); the others by their kind, in the reader's language. */
export type Channel =
  | { key: "public"; kind: "public"; messages: Message[] }
  | { key: string; kind: "private"; label: string; between: [string, string]; messages: Message[] }
  | { key: "broadcasts"; kind: "broadcasts"; items: TableView["broadcasts"] }
  | { key: "news"; kind: "news"; items: TableView["news"] };

const privateKey = (a: string, b: string) => `private:${[a, b].sort().join("+")}`;

export function channelsOf(view: TableView): Channel[] {
  const me = view.me?.role ?? null;
  const privates: Channel[] = [];
  if (me) {
    for (const seat of view.seats) {
      if (seat.role === me) continue;
      const between = [me, seat.role].sort() as [string, string];
      const channel = view.privateChannels.find(
        (c) => c.between[0] === between[0] && c.between[1] === between[1],
      );
      privates.push({
        key: privateKey(me, seat.role),
        kind: "private",
        label: seatName(view, seat.role),
        between,
        messages: channel?.messages ?? [],
      });
    }
  } else {
    for (const channel of view.privateChannels) {
      privates.push({
        key: privateKey(...channel.between),
        kind: "private",
        label: channel.between.map((role) => seatName(view, role)).join(" ↔ "),
        between: channel.between,
        messages: channel.messages,
      });
    }
  }
  return [
    { key: "public", kind: "public", messages: view.publicChat },
    ...privates,
    { key: "broadcasts", kind: "broadcasts", items: view.broadcasts },
    { key: "news", kind: "news", items: view.news },
  ];
}

/** How many entries of a channel came from someone other than this perspective. */
export function fromOthers(channel: Channel, me: string | null): number {
  if (channel.kind === "public" || channel.kind === "private") {
    return channel.messages.filter((m) => m.from !== me).length;
  }
  return channel.items.length;
}
