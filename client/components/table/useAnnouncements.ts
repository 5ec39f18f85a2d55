"use client";
// Sentences for a screen reader when something important happens at the table: a new version,
// the seat's turn, a news flash, a broadcast, a private message, a change of phase. (Refusals
// are announced where they are shown, as alerts.)
import { possessive } from "@red-lines/shared/client";
import type { TableView } from "@red-lines/shared/protocol";
import { useEffect, useRef, useState } from "react";
import { currentVersion, seatName } from "./derive.ts";

export type Announcement = { id: number; text: string };

function changes(before: TableView, after: TableView): string[] {
  const said: string[] = [];
  const me = after.me?.role ?? null;
  if (before.phase !== after.phase) {
    if (after.phase === "briefing") said.push("The briefing has started: read your brief.");
    if (after.phase === "negotiating") said.push("Negotiations have started.");
    if (after.phase === "concluded" && after.outcome) {
      const walked = after.outcome.walkedOut;
      if (walked) said.push(`${walked === me ? "You" : seatName(after, walked)} walked out.`);
      said.push(`The talks are over. Outcome: ${after.outcome.title}.`);
    }
  }
  const version = currentVersion(after);
  if (version && version.number !== before.currentVersion) {
    said.push(
      `New version on the table: version ${version.number}, tabled by ${seatName(after, version.tabledBy)}.`,
    );
  }
  const end = after.lastTurnEnd;
  if (end && end.at !== before.lastTurnEnd?.at && (end.how === "timed-out" || end.how === "skipped")) {
    const whose = end.seat === me ? "your" : possessive(seatName(after, end.seat));
    said.push(
      end.how === "timed-out" ? `Time ran out for ${whose} turn.` : `The facilitator skipped ${whose} turn.`,
    );
  }
  const turnMoved =
    after.turn && (after.turn.seat !== before.turn?.seat || after.turn.round !== before.turn?.round);
  if (after.turn && turnMoved) {
    said.push(
      after.turn.seat === me
        ? "It is your turn: edit the draft, then table it or pass."
        : `It is ${possessive(seatName(after, after.turn.seat))} turn.`,
    );
  }
  if (after.paused !== before.paused)
    said.push(after.paused ? "The facilitator paused the talks." : "The talks resumed.");
  for (const news of after.news.slice(before.news.length))
    said.push(`News flash: ${news.title}. ${news.flash}`);
  for (const b of after.broadcasts.slice(before.broadcasts.length))
    said.push(`From the facilitator: ${b.text}`);
  const privateCount = (view: TableView) =>
    view.privateChannels.flatMap((c) => c.messages).filter((m) => m.from !== me && m.to === me).length;
  if (me && privateCount(after) > privateCount(before)) {
    const last = after.privateChannels
      .flatMap((c) => c.messages)
      .filter((m) => m.to === me)
      .sort((a, b) => a.at - b.at)
      .at(-1);
    if (last) said.push(`New private message from ${seatName(after, last.from)}.`);
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
    setSaid((list) => [...list, ...lines.map((text) => ({ id: ++counter.current, text }))].slice(-5));
  }, [view]);
  return said;
}
