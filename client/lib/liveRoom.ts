"use client";
// One live Colyseus room for a page: joins, joins again by itself after a drop or a server
// restart, and turns each intent into a promise answered by the server's reply to it.
import type { Room } from "@colyseus/sdk";
import { closeCodes } from "@red-lines/shared/protocol";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useGameClient } from "./colyseus.tsx";
import { useServerErrorText } from "./serverErrors.ts";

export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "closed" | "failed";

/**
 * The connection's state as a few words in the reader's language ("Connected"), from the "table"
 * messages: a page that shows it lists the "table" area in its PageMessages.
 */
export function useConnectionText(): (status: ConnectionStatus) => string {
  const t = useTranslations("table.connection");
  return (status) => t(status);
}

/**
 * @deprecated English only: kept for components/entry/JoinScreen.tsx and
 * components/console/ConsoleHeader.tsx until they call useConnectionText().
 */
export const connectionText: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  open: "Connected",
  reconnecting: "Connection lost — reconnecting…",
  closed: "Disconnected",
  failed: "Could not connect",
};

/**
 * Why the room could not be joined or was left: the server refused the join (its number and
 * sentence), or closed the room for good (its close code, and the reason it gave), or one of the
 * page's own; all said in the reader's language, the server's words kept for what the page does
 * not know.
 */
type Problem =
  | { refused: number; said: string }
  | { closed: number; said: string }
  | { own: "closedByServer" | "couldNotConnect" | "notAnswering" };

type Pending<R> = {
  resolve: (reply: R) => void;
  timer: ReturnType<typeof setTimeout>;
  type: string;
  body: Record<string, unknown>;
};

/**
 * Closes after which joining again would be wrong: a consented leave (4000), a seat the
 * facilitator released (4100) or that another tab or device took over (4101), a deleted workshop
 * (4103). After any other (a drop, a restart's 4001, a flood's 4102) the page joins again by
 * itself.
 */
const finalCloseCodes = new Set<number>([
  4000,
  closeCodes.seatRevoked,
  closeCodes.seatReplaced,
  closeCodes.workshopDeleted,
]);

export type LiveRoom<R> = {
  status: ConnectionStatus;
  /** Why the room could not be joined or was left, as a sentence. */
  problem: string | null;
  /** The code the server refused the join with (4xx), when it did. */
  failureCode: number | null;
  /** The close code the room was left with for good (4103: the workshop was deleted), when it was. */
  closeCode?: number | null;
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
  /**
   * The room speaks the reader's language: it is joined with `locale` (the page's), and told
   * with a `locale` message when the reader switches, without leaving the room.
   */
  { followLocale = false }: { followLocale?: boolean } = {},
): LiveRoom<R> {
  const client = useGameClient();
  const locale = useLocale();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const t = useTranslations("table.connection");
  const serverText = useServerErrorText();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failureCode, setFailureCode] = useState<number | null>(null);
  const roomRef = useRef<Room | null>(null);
  /** The language the open room last heard from this page. */
  const sentLocale = useRef<string | null>(null);
  const pending = useRef(new Map<string, Pending<R>>());
  const listenRef = useRef(listen);
  listenRef.current = listen;
  const key = options === null ? null : JSON.stringify(options);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    let tries = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setStatus("connecting");
    setProblem(null);
    setFailureCode(null);
    const answer = (intentId: string, reply: R) => {
      const waiting = pending.current.get(intentId);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      pending.current.delete(intentId);
      waiting.resolve(reply);
    };
    // Joins again with the same options after a drop, a restart or a deploy: a fresh session,
    // which the server gives the same seat. Quick at first, then every two seconds.
    const again = () => {
      tries += 1;
      setStatus("reconnecting");
      retry = setTimeout(open, Math.min(2_000, 250 * 2 ** (tries - 1)));
    };
    const open = () => {
      client
        .get()
        .then((sdk) => {
          const joinWith = JSON.parse(key) as Record<string, unknown>;
          if (followLocale) joinWith.locale = localeRef.current;
          return sdk.joinOrCreate(roomName, joinWith);
        })
        .then((room) => {
          if (cancelled) {
            void room.leave();
            return;
          }
          tries = 0;
          // Our own rejoin replaces the SDK's reconnection, which cannot follow a table whose
          // room was started again under a new id (a restart).
          room.reconnection.enabled = false;
          roomRef.current = room;
          sentLocale.current = localeRef.current;
          listenRef.current(room, answer);
          room.onMessage("*", () => {});
          room.onDrop(() => setStatus("reconnecting"));
          room.onLeave((code, reason) => {
            if (roomRef.current === room) roomRef.current = null;
            if (cancelled) return;
            if (finalCloseCodes.has(code)) {
              setStatus("closed");
              setProblem({ closed: code, said: reason ?? "" });
              return;
            }
            again();
          });
          setStatus("open");
          setProblem(null);
          // Intents still unanswered when the connection went are sent again: the server answers a
          // resend from its log, so nothing acts twice.
          for (const [intentId, waiting] of pending.current)
            room.send(waiting.type, { intentId, ...waiting.body });
        })
        .catch((error: Error & { code?: number }) => {
          if (cancelled) return;
          // Refused (a bad link, a full table): say why. Unreachable: keep trying.
          if (typeof error.code === "number" && error.code >= 400 && error.code < 500) {
            setStatus("failed");
            setProblem(
              error.message ? { refused: error.code, said: error.message } : { own: "couldNotConnect" },
            );
            setFailureCode(error.code);
            return;
          }
          setProblem(tries >= 3 ? { own: "notAnswering" } : null);
          again();
        });
    };
    open();
    return () => {
      cancelled = true;
      clearTimeout(retry);
      const room = roomRef.current;
      roomRef.current = null;
      if (room?.connection.isOpen) void room.leave();
    };
  }, [client, roomName, key, followLocale]);

  // The reader switched language while connected: the room sends the whole view again in it.
  useEffect(() => {
    const room = roomRef.current;
    if (!followLocale || !room?.connection.isOpen || sentLocale.current === locale) return;
    sentLocale.current = locale;
    room.send("locale", { locale });
  }, [followLocale, locale]);

  const send = useCallback<LiveRoom<R>["send"]>((type, body) => {
    const room = roomRef.current;
    if (!room) return Promise.resolve({ kind: "offline" });
    const intentId = crypto.randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.current.delete(intentId);
        resolve({ kind: "timeout" });
      }, 15_000);
      pending.current.set(intentId, { resolve: resolve as (reply: R) => void, timer, type, body });
      room.send(type, { intentId, ...body });
    });
  }, []);

  const problemText = (problem: Problem): string => {
    if ("own" in problem) return t(problem.own);
    if ("refused" in problem) return serverText.refusal(problem.refused, problem.said);
    return serverText.close(problem.closed) ?? (problem.said || t("closedByServer"));
  };

  return {
    status,
    problem: problem === null ? null : problemText(problem),
    failureCode,
    closeCode: problem !== null && "closed" in problem ? problem.closed : null,
    send,
  };
}
