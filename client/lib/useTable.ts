"use client";
// A table as one connection sees it: its latest view, the connection's state, and `act`, which
// sends a command and resolves with what the server said (done, a refusal, or an error).
import {
  type ErrorMessage,
  errorMessageSchema,
  negotiationRoomName,
  type Refusal,
  refusalMessageSchema,
  type TableJoinOptions,
  type TableView,
  tableMessages,
} from "@red-lines/shared";
import { useState } from "react";
import { type LiveRoom, useLiveRoom } from "./liveRoom.ts";

export type CommandReply =
  | { kind: "done" }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "error"; error: ErrorMessage }
  | { kind: "timeout" }
  | { kind: "offline" };

export type TableConnection = Omit<LiveRoom<CommandReply>, "send"> & {
  view: TableView | null;
  /** Errors the server sent that answer no particular intent (rate limit, a revoked seat…). */
  notice: ErrorMessage | null;
  act(command: { type: string } & Record<string, unknown>): Promise<CommandReply>;
};

export function useTable(options: TableJoinOptions | null): TableConnection {
  const [view, setView] = useState<TableView | null>(null);
  const [notice, setNotice] = useState<ErrorMessage | null>(null);
  const live = useLiveRoom<CommandReply>(negotiationRoomName, options, (room, answer) => {
    room.onMessage(tableMessages.view, (payload: TableView) => setView(payload));
    room.onMessage(tableMessages.done, (payload: { intentId: string }) =>
      answer(payload.intentId, { kind: "done" }),
    );
    room.onMessage(tableMessages.refusal, (payload: unknown) => {
      const parsed = refusalMessageSchema.safeParse(payload);
      if (parsed.success) answer(parsed.data.intentId, { kind: "refused", refusal: parsed.data.refusal });
    });
    room.onMessage(tableMessages.error, (payload: unknown) => {
      const parsed = errorMessageSchema.safeParse(payload);
      if (!parsed.success) return;
      if (parsed.data.intentId) answer(parsed.data.intentId, { kind: "error", error: parsed.data });
      else setNotice(parsed.data);
    });
  });
  return {
    status: live.status,
    problem: live.problem,
    view,
    notice,
    act: (command) => live.send(tableMessages.command, { command }),
  };
}
