// Colyseus drops a connection whose message frame it cannot decode. A garbled frame is answered
// here instead, with a typed error, and the sender keeps its seat.
import type { Client } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { PROTOCOL_CODE_MASK, Protocol } from "@colyseus/shared-types";
import type { ErrorMessage } from "@red-lines/shared/engine";
import { unpack } from "msgpackr";

/** True when a frame is a room message that Colyseus would fail to decode. */
export function isUndecodableMessage(buffer: Uint8Array | undefined): boolean {
  if (!buffer || buffer.length === 0) return false;
  if ((buffer[0] ?? 0) & ~PROTOCOL_CODE_MASK) return false; // modifier bits: not a plain message
  if (((buffer[0] ?? 0) & PROTOCOL_CODE_MASK) !== Protocol.ROOM_DATA) return false;
  try {
    const it = { offset: 1 };
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset));
    return false;
  } catch {
    return true;
  }
}

export const undecodableError: ErrorMessage = {
  code: "invalid-message",
  reason: "undecodable",
  message: "A message arrived that could not be decoded, so it was ignored. Reload the page if this repeats.",
};

type FrameHandler = (client: Client, buffer: Uint8Array) => void;

/**
 * Wraps a room's frame handler (bound per client at join): `admit` sees every frame first (a
 * flood limit) and may drop it; a garbled frame gets a reply instead of a disconnection.
 */
export function guardFrames(
  room: object,
  handlers: { undecodable: (client: Client) => void; admit?: (client: Client) => boolean },
): void {
  const target = room as { _onMessage: FrameHandler };
  const original = target._onMessage.bind(room);
  target._onMessage = (client, buffer) => {
    if (handlers.admit && !handlers.admit(client)) return;
    if (isUndecodableMessage(buffer)) handlers.undecodable(client);
    else original(client, buffer);
  };
}
