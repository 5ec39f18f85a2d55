"use client";
// Runs an instructor command on some tables (or all) and keeps each table's answer — done, the
// refusal's sentence, or the error's — so every tile can show what became of the last command.
import type { ConsoleCommand, ConsoleResult } from "@red-lines/shared/protocol";
import { useState } from "react";
import type { ConsoleConnection } from "../../lib/useConsole.ts";
import { targetPhrase } from "./format.ts";

export type TableAnswer = {
  /** The command as its button named it, e.g. "Pause". */
  label: string;
  kind: "pending" | "done" | "refused" | "error";
  /** "Done.", or a full sentence saying why not. */
  message: string;
};

/** What a command came to: a sentence for the whole target, and whether every table did it. */
export type Outcome = { summary: string; allDone: boolean };
export type Execute = (target: "all" | number[], command: ConsoleCommand, label: string) => Promise<Outcome>;

const noAnswer =
  "The server did not answer within 15 seconds; check the tile to see whether it happened before trying again.";
const offline =
  "Not connected to the server, so nothing was sent. Wait for the connection to return and try again.";

function answerOf(label: string, result: ConsoleResult): TableAnswer {
  if (result.status === "done") return { label, kind: "done", message: "Done." };
  if (result.status === "refused") return { label, kind: "refused", message: result.refusal.message };
  return { label, kind: "error", message: result.error.message };
}

export function useCommandAnswers(
  run: ConsoleConnection["run"],
  tableNumbers: readonly number[],
): { answers: ReadonlyMap<number, TableAnswer>; execute: Execute } {
  const [answers, setAnswers] = useState<ReadonlyMap<number, TableAnswer>>(new Map());

  const record = (entries: [number, TableAnswer][]) =>
    setAnswers((previous) => {
      const next = new Map(previous);
      for (const [table, answer] of entries) next.set(table, answer);
      return next;
    });

  const execute: Execute = async (target, command, label) => {
    const addressed = target === "all" ? [...tableNumbers] : target;
    const heading = `${label} — ${targetPhrase(target, tableNumbers.length)}`;
    record(addressed.map((table) => [table, { label, kind: "pending", message: "Sending…" }]));
    const reply = await run(target, command);
    if (reply.kind !== "results") {
      const message =
        reply.kind === "error" ? reply.error.message : reply.kind === "timeout" ? noAnswer : offline;
      record(addressed.map((table) => [table, { label, kind: "error", message }]));
      return { summary: `${heading}: ${message}`, allDone: false };
    }
    const each = reply.results.map((result): [number, TableAnswer] => [
      result.table,
      answerOf(label, result),
    ]);
    record(each);
    const done = each.filter(([, answer]) => answer.kind === "done").map(([table]) => table);
    const notDone = each.filter(([, answer]) => answer.kind !== "done");
    if (notDone.length === 0) return { summary: `${heading}: done.`, allDone: true };
    if (each.length === 1 && notDone[0])
      return { summary: `${heading}: ${notDone[0][1].message}`, allDone: false };
    const parts = [
      done.length > 0 ? `done at ${targetPhrase(done, tableNumbers.length)}` : null,
      `not done at ${targetPhrase(
        notDone.map(([table]) => table),
        tableNumbers.length,
      )} (see ${notDone.length === 1 ? "its tile" : "their tiles"} for why)`,
    ];
    return { summary: `${heading}: ${parts.filter(Boolean).join("; ")}.`, allDone: false };
  };

  return { answers, execute };
}
