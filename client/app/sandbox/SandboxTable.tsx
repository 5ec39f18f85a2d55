"use client";
// The walking skeleton of a live table: join, presence, a validated intent, events from the log.
import type { Room } from "@colyseus/sdk";
import {
  type ErrorMessage,
  type EventMessage,
  errorMessageSchema,
  eventMessageSchema,
  joinOptionsSchema,
  serverMessages,
  wireLimits,
} from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useGameClient } from "../../lib/colyseus.tsx";
import { useServerErrorText } from "../../lib/serverErrors.ts";

type Participant = { id: string; name: string; joinedAt: number };
type Connection = "idle" | "connecting" | "connected" | "reconnecting" | "disconnected";
type ParticipantState = { name: string; joinedAt: number };
type TableStateView = { participants: { forEach(cb: (value: ParticipantState, key: string) => void): void } };

type SandboxT = ReturnType<typeof useTranslations<"table.sandbox">>;

function describeEvent(t: SandboxT, event: EventMessage): string {
  const who = event.actor.replace(/^guest:/, "");
  const note = typeof event.payload.note === "string" ? event.payload.note : "";
  return t("event", { seq: event.seq, who, hasNote: note === "" ? "no" : "yes", note });
}

export function SandboxTable() {
  const t = useTranslations("table.sandbox");
  const serverText = useServerErrorText();
  const client = useGameClient();
  const nameId = useId();
  const noteId = useId();
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [connection, setConnection] = useState<Connection>("idle");
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [events, setEvents] = useState<EventMessage[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [mySession, setMySession] = useState<string | null>(null);
  const roomRef = useRef<Room | null>(null);

  useEffect(
    () => () => {
      void roomRef.current?.leave();
    },
    [],
  );

  async function join(event: FormEvent) {
    event.preventDefault();
    const options = joinOptionsSchema.safeParse({ name, table: 1 });
    if (!options.success) {
      setError(options.error.issues.map((issue) => issue.message).join(" "));
      return;
    }
    setError(null);
    setConnection("connecting");
    try {
      const room = await (await client.get()).joinOrCreate("table", options.data);
      roomRef.current = room;
      setMySession(room.sessionId);
      setConnection("connected");
      room.onStateChange((state: TableStateView) => {
        const list: Participant[] = [];
        state.participants.forEach((value, key) => {
          list.push({ id: key, name: value.name, joinedAt: value.joinedAt });
        });
        setParticipants(list.sort((a, b) => a.joinedAt - b.joinedAt));
      });
      room.onMessage(serverMessages.history, (payload: unknown) => {
        const parsed = eventMessageSchema.array().safeParse(payload);
        if (parsed.success) setEvents(parsed.data);
      });
      room.onMessage(serverMessages.event, (payload: unknown) => {
        const parsed = eventMessageSchema.safeParse(payload);
        if (parsed.success) {
          const received = parsed.data;
          setEvents((previous) =>
            previous.some((e) => e.seq === received.seq) ? previous : [...previous, received].slice(-50),
          );
        }
      });
      room.onMessage(serverMessages.error, (payload: unknown) => {
        const parsed = errorMessageSchema.safeParse(payload);
        setError(parsed.success ? serverText.room(parsed.data as ErrorMessage) : t("refused"));
      });
      room.onDrop(() => setConnection("reconnecting"));
      room.onReconnect(() => setConnection("connected"));
      room.onLeave(() => {
        setConnection("disconnected");
        roomRef.current = null;
      });
    } catch (failure) {
      setConnection("disconnected");
      setError(t("couldNotJoin", { reason: (failure as Error).message }));
    }
  }

  function ping(event: FormEvent) {
    event.preventDefault();
    const room = roomRef.current;
    if (!room) return;
    setError(null);
    room.send("ping", {
      intentId: crypto.randomUUID(),
      ...(note.trim() === "" ? {} : { note: note.trim() }),
    });
    setNote("");
  }

  const joined = connection === "connected" || connection === "reconnecting";

  return (
    <>
      <p className="status" data-state={connection} role="status" aria-live="polite">
        <span aria-hidden="true">{connection === "connected" ? "●" : "○"}</span>
        {t(`connection.${connection}`)}
      </p>

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {!joined && (
        <form className="card" onSubmit={join} aria-label={t("joinLabel")}>
          <div className="row">
            <div className="field">
              <label htmlFor={nameId}>{t("name")}</label>
              <input
                id={nameId}
                name="name"
                autoComplete="nickname"
                maxLength={wireLimits.displayName}
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
              />
            </div>
            <button type="submit" disabled={connection === "connecting"}>
              {t("join")}
            </button>
          </div>
        </form>
      )}

      {joined && (
        <>
          <section className="card" aria-labelledby="present-heading">
            <h2 id="present-heading">{t("present", { count: participants.length })}</h2>
            <ul className="list" aria-label={t("people")}>
              {participants.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.id === mySession && <span className="muted"> {t("you")}</span>}
                </li>
              ))}
            </ul>
          </section>

          <form className="card" onSubmit={ping} aria-label={t("pingLabel")}>
            <div className="row">
              <div className="field">
                <label htmlFor={noteId}>{t("note")}</label>
                <input
                  id={noteId}
                  name="note"
                  maxLength={wireLimits.note}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              </div>
              <button type="submit" disabled={connection !== "connected"}>
                {t("ping")}
              </button>
            </div>
          </form>

          <section className="card" aria-labelledby="log-heading">
            <h2 id="log-heading">{t("log")}</h2>
            {events.length === 0 ? (
              <p className="muted">{t("empty")}</p>
            ) : (
              <ol className="list" aria-live="polite" aria-label={t("events")}>
                {events.map((e) => (
                  <li key={e.seq}>{describeEvent(t, e)}</li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </>
  );
}
