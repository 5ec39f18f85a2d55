"use client";
// A table as one connection sees it: its latest view, the connection's state, and `act`, which
// sends a command and resolves with what the server said (done, a refusal, or an error).
import {
  type ErrorMessage,
  errorMessageSchema,
  followViews,
  negotiationRoomName,
  outdatedProtocolCode,
  refusalMessageSchema,
  type ShownRefusal,
  type TableJoinOptions,
  type TableView,
  tableMessages,
  tableProtocolVersion,
} from "@red-lines/shared/protocol";
import { useMemo, useState } from "react";
import { type LiveRoom, useLiveRoom } from "./liveRoom.ts";

export type CommandReply =
  | { kind: "done" }
  | { kind: "refused"; refusal: ShownRefusal }
  | { kind: "error"; error: ErrorMessage }
  | { kind: "timeout" }
  | { kind: "offline" };

type SyncedMap<T> = { forEach(callback: (value: T, key: string) => void): void };

export type TableConnection = Omit<LiveRoom<CommandReply>, "send" | "failureCode"> & {
  view: TableView | null;
  /** Seat role → whether someone is connected on it right now (the room's synced summary). */
  connected: Record<string, boolean>;
  /** The table's number in its workshop, once the room's summary has arrived. */
  tableNumber: number | null;
  /** Errors the server sent that answer no particular intent (rate limit, a revoked seat…). */
  notice: ErrorMessage | null;
  /** The server speaks another version of the table protocol: this page must be reloaded. */
  outdated: boolean;
  act(command: { type: string } & Record<string, unknown>): Promise<CommandReply>;
};

export function useTable(options: TableJoinOptions | null): TableConnection {
  const [view, setView] = useState<TableView | null>(null);
  const [notice, setNotice] = useState<ErrorMessage | null>(null);
  const [connected, setConnected] = useState<Record<string, boolean>>({});
  const [tableNumber, setTableNumber] = useState<number | null>(null);
  // Every join says which protocol this page speaks; a server of another version asks for a reload.
  const joinOptions = useMemo(
    () => (options === null ? null : { ...options, protocol: tableProtocolVersion }),
    [options],
  );
  const live = useLiveRoom<CommandReply>(
    negotiationRoomName,
    joinOptions,
    (room, answer) => {
      const summarize = (state: { table?: number; connected?: SyncedMap<boolean> }) => {
        const next: Record<string, boolean> = {};
        state.connected?.forEach((value, seat) => {
          next[seat] = value;
        });
        setConnected(next);
        if (state.table) setTableNumber(state.table);
      };
      room.onStateChange(summarize);
      if (room.state) summarize(room.state);
      // A whole view, then patches applied immutably: unchanged parts keep their identity, so
      // React redraws only what changed. Out of step, it asks for the whole view again.
      followViews(room, setView);
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
    },
    { followLocale: true },
  );
  return {
    status: live.status,
    problem: live.problem,
    closeCode: live.closeCode ?? null,
    view,
    connected,
    tableNumber,
    notice,
    outdated: live.failureCode === outdatedProtocolCode,
    act: (command) => live.send(tableMessages.command, { command }),
  };
}
