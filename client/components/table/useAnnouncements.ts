"use client";
// What to tell a screen reader when something important happens at the table: a new version,
// the seat's turn, a news flash, a broadcast, a private message, a change of phase. (Refusals
// are announced where they are shown, as alerts.) Each is a code with its details (seats by
// role), put into words by the Announcer.
import type { TableView } from "@red-lines/shared/protocol";
import { useEffect, useRef, useState } from "react";
import { currentVersion } from "./derive.ts";

export type Said =
  | { code: "briefing" }
  | { code: "negotiating" }
  | { code: "walkedOutMine" }
  | { code: "walkedOut"; seat: string }
  | { code: "over"; outcome: string }
  | { code: "newVersion"; version: number; seat: string }
  | { code: "timedOutMine" }
  | { code: "timedOut"; seat: string }
  | { code: "skippedMine" }
  | { code: "skipped"; seat: string }
  | { code: "yourTurn" }
  | { code: "turn"; seat: string }
  | { code: "paused" }
  | { code: "resumed" }
  | { code: "news"; title: string; flash: string }
  | { code: "broadcast"; text: string }
  | { code: "privateMessage"; seat: string };

export type Announcement = { id: number; said: Said };

function changes(before: TableView, after: TableView): Said[] {
  const said: Said[] = [];
  const me = after.me?.role ?? null;
  if (before.phase !== after.phase) {
    if (after.phase === "briefing") said.push({ code: "briefing" });
    if (after.phase === "negotiating") said.push({ code: "negotiating" });
    if (after.phase === "concluded" && after.outcome) {
      const walked = after.outcome.walkedOut;
      if (walked) said.push(walked === me ? { code: "walkedOutMine" } : { code: "walkedOut", seat: walked });
      said.push({ code: "over", outcome: after.outcome.title });
    }
  }
  const version = currentVersion(after);
  if (version && version.number !== before.currentVersion) {
    said.push({ code: "newVersion", version: version.number, seat: version.tabledBy });
  }
  const end = after.lastTurnEnd;
  if (end && end.at !== before.lastTurnEnd?.at && (end.how === "timed-out" || end.how === "skipped")) {
    if (end.how === "timed-out")
      said.push(end.seat === me ? { code: "timedOutMine" } : { code: "timedOut", seat: end.seat });
    else said.push(end.seat === me ? { code: "skippedMine" } : { code: "skipped", seat: end.seat });
  }
  const turnMoved =
    after.turn && (after.turn.seat !== before.turn?.seat || after.turn.round !== before.turn?.round);
  if (after.turn && turnMoved) {
    said.push(after.turn.seat === me ? { code: "yourTurn" } : { code: "turn", seat: after.turn.seat });
  }
  if (after.paused !== before.paused) said.push({ code: after.paused ? "paused" : "resumed" });
  for (const news of after.news.slice(before.news.length))
    said.push({ code: "news", title: news.title, flash: news.flash });
  for (const b of after.broadcasts.slice(before.broadcasts.length))
    said.push({ code: "broadcast", text: b.text });
  const privateCount = (view: TableView) =>
    view.privateChannels.flatMap((c) => c.messages).filter((m) => m.from !== me && m.to === me).length;
  if (me && privateCount(after) > privateCount(before)) {
    const last = after.privateChannels
      .flatMap((c) => c.messages)
      .filter((m) => m.to === me)
      .sort((a, b) => a.at - b.at)
      .at(-1);
    if (last) said.push({ code: "privateMessage", seat: last.from });
  }
  return said;
}

export function useAnnouncements(view: TableView | null): Announcement[] {
  const previous = useRef<TableView | null>(null);
  const counter = useRef(0);
  const [said, setSaid] = useState<Announcement[]>([]);
  useEffect(() => {
    const before = previous.current;
    previous.current = view;
    if (!before || !view) return;
    const lines = changes(before, view);
    if (lines.length === 0) return;
    setSaid((list) => [...list, ...lines.map((line) => ({ id: ++counter.current, said: line }))].slice(-5));
  }, [view]);
  return said;
}
