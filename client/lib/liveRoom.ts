"use client";
// One live Colyseus room for a page: joins, follows the connection (the SDK reconnects by itself
// after a drop), and turns each intent into a promise answered by the server's reply to it.
import type { Room } from "@colyseus/sdk";
import { useCallback, useEffect, useRef, useState } from "react";
import { useGameClient } from "./colyseus.tsx";

export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "closed" | "failed";

export const connectionText: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  open: "Connected",
  reconnecting: "Connection lost — reconnecting…",
  closed: "Disconnected",
  failed: "Could not connect",
};

type Pending<R> = { resolve: (reply: R) => void; timer: ReturnType<typeof setTimeout> };

export type LiveRoom<R> = {
  status: ConnectionStatus;
  /** Why the room could not be joined or was left, as a sentence. */
  problem: string | null;
  /** Sends an intent (the id is added here) and resolves with the server's answer to it. */
  send(type: string, body: Record<string, unknown>): Promise<R | { kind: "timeout" } | { kind: "offline" }>;
};

/**
 * `join` opens the room; `listen` wires the page's handlers and must call `answer(intentId, reply)`
 * when a message answers an intent. `options` null means: not yet (e.g. no credentials).
 */
export function useLiveRoom<R>(
  roomName: string,
  options: Record<string, unknown> | null,
  listen: (room: Room, answer: (intentId: string, reply: R) => void) => void,
): LiveRoom<R> {
  const client = useGameClient();
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [problem, setProblem] = useState<string | null>(null);
  const roomRef = useRef<Room | null>(null);
  const pending = useRef(new Map<string, Pending<R>>());
  const listenRef = useRef(listen);
  listenRef.current = listen;
  const key = options === null ? null : JSON.stringify(options);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    setStatus("connecting");
    setProblem(null);
    const answer = (intentId: string, reply: R) => {
      const waiting = pending.current.get(intentId);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      pending.current.delete(intentId);
      waiting.resolve(reply);
    };
    client
      .get()
      .joinOrCreate(roomName, JSON.parse(key) as Record<string, unknown>)
      .then((room) => {
        if (cancelled) {
          void room.leave();
          return;
        }
        roomRef.current = room;
        listenRef.current(room, answer);
        room.onMessage("*", () => {});
        room.onDrop(() => setStatus("reconnecting"));
        room.onReconnect(() => setStatus("open"));
        room.onLeave((code, reason) => {
          roomRef.current = null;
          setStatus("closed");
          if (code >= 4000) setProblem(reason || "The server closed the connection.");
        });
        setStatus("open");
      })
      .catch((error: Error) => {
        if (cancelled) return;
        setStatus("failed");
        setProblem(error.message || "Could not connect to the server.");
      });
    return () => {
      cancelled = true;
      const room = roomRef.current;
      roomRef.current = null;
      if (room?.connection.isOpen) void room.leave();
    };
  }, [client, roomName, key]);

  const send = useCallback<LiveRoom<R>["send"]>((type, body) => {
    const room = roomRef.current;
    if (!room) return Promise.resolve({ kind: "offline" });
    const intentId = crypto.randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.current.delete(intentId);
        resolve({ kind: "timeout" });
      }, 15_000);
      pending.current.set(intentId, { resolve: resolve as (reply: R) => void, timer });
      room.send(type, { intentId, ...body });
    });
  }, []);

  return { status, problem, send };
}
