"use client";
// Runs an instructor command on some tables (or all) and keeps each table's answer — done, the
// refusal's sentence, or the error's — so every tile can show what became of the last command.
import type { ConsoleCommand, ConsoleResult } from "@red-lines/shared/protocol";
import { useState } from "react";
import { type ServerErrorText, useServerErrorText } from "../../lib/serverErrors.ts";
import type { ConsoleConnection } from "../../lib/useConsole.ts";
import { type ConsoleT, whereOf } from "./format.ts";

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

function answerOf(
  label: string,
  result: ConsoleResult,
  t: ConsoleT,
  serverText: ServerErrorText,
): TableAnswer {
  if (result.status === "done") return { label, kind: "done", message: t("answer.done") };
  if (result.status === "refused") return { label, kind: "refused", message: result.refusal.message };
  return { label, kind: "error", message: serverText.room(result.error) };
}

/** `t` is the console's translator (useTranslations("console")): the answers are in its language. */
export function useCommandAnswers(
  run: ConsoleConnection["run"],
  tableNumbers: readonly number[],
  t: ConsoleT,
): { answers: ReadonlyMap<number, TableAnswer>; execute: Execute } {
  const [answers, setAnswers] = useState<ReadonlyMap<number, TableAnswer>>(new Map());
  // An error is said by its code (lib/serverErrors.ts); a refusal comes in the console's language.
  const serverText = useServerErrorText();

  const record = (entries: [number, TableAnswer][]) =>
    setAnswers((previous) => {
      const next = new Map(previous);
      for (const [table, answer] of entries) next.set(table, answer);
      return next;
    });

  const execute: Execute = async (target, command, label) => {
    const addressed = target === "all" ? [...tableNumbers] : target;
    const count = tableNumbers.length;
    const where = t("where.plain", whereOf(target, count, t));
    record(addressed.map((table) => [table, { label, kind: "pending", message: t("answer.sending") }]));
    const reply = await run(target, command);
    if (reply.kind !== "results") {
      const message =
        reply.kind === "error"
          ? serverText.room(reply.error)
          : reply.kind === "timeout"
            ? t("answer.noAnswer")
            : t("answer.offline");
      record(addressed.map((table) => [table, { label, kind: "error", message }]));
      return { summary: `${label} — ${where}: ${message}`, allDone: false };
    }
    const each = reply.results.map((result): [number, TableAnswer] => [
      result.table,
      answerOf(label, result, t, serverText),
    ]);
    record(each);
    const done = each.filter(([, answer]) => answer.kind === "done").map(([table]) => table);
    const notDone = each.filter(([, answer]) => answer.kind !== "done");
    if (notDone.length === 0) return { summary: t("summary.done", { label, where }), allDone: true };
    if (each.length === 1 && notDone[0])
      return { summary: `${label} — ${where}: ${notDone[0][1].message}`, allDone: false };
    const notWhere = t(
      "where.at",
      whereOf(
        notDone.map(([table]) => table),
        count,
        t,
      ),
    );
    const summary =
      done.length > 0
        ? t("summary.partly", {
            label,
            where,
            doneWhere: t("where.at", whereOf(done, count, t)),
            notWhere,
            count: notDone.length,
          })
        : t("summary.notDone", { label, where, notWhere, count: notDone.length });
    return { summary, allDone: false };
  };

  return { answers, execute };
}
