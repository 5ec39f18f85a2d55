"use client";
// What the server said, in the reader's language: an error of a room or of the HTTP API by its
// code (and reason, with its values), a room that turned the page away, a room closed for good
// (common.json `errors`; the codes: shared serverErrors.ts). A code this page does not know (a
// newer server) is shown in the server's own words, as is the detail of a malformed request,
// framed in the reader's language.
import {
  closeCodes,
  closeSentences,
  type ErrorValues,
  httpErrorSentences,
  joinRefusalFor,
  roomErrorSentences,
} from "@red-lines/shared/protocol";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { ClientProblemCode } from "./api.ts";

/** An error as the server sent it (an HTTP error body, a room's error message). */
export type ServerErrorBody = {
  code: string;
  message: string;
  reason?: string | undefined;
  values?: ErrorValues | undefined;
};

/** An HTTP failure as lib/api.ts answers it: the server's error, or one the page made itself. */
export type ApiProblem = ServerErrorBody & { status: number };

type Group = "room" | "http";
type Catalogue = Readonly<Record<string, readonly string[]>>;
const catalogues: Record<Group, Catalogue> = { room: roomErrorSentences, http: httpErrorSentences };

/**
 * The message that says an error (`<group>.<code>` or `<group>.<code>.<reason>` in `errors`) and
 * the values it takes, or null when only the server's words say it.
 */
export function errorWording(
  group: Group,
  error: ServerErrorBody,
): { key: string; values: ErrorValues & { detail?: string } } | null {
  const catalogue = catalogues[group];
  if (!Object.hasOwn(catalogue, error.code)) return null;
  const reasons = catalogue[error.code] ?? [];
  if (reasons.length === 0) return { key: `${group}.${error.code}`, values: error.values ?? {} };
  const reason = error.reason ?? "detail";
  if (!reasons.includes(reason)) return null;
  return { key: `${group}.${error.code}.${reason}`, values: { ...error.values, detail: error.message } };
}

/** "A, B and C" in English (as the server lists them), the language's own list otherwise. */
function listOf(locale: string, words: readonly string[]): string {
  if (locale !== "en")
    return new Intl.ListFormat(locale, { type: "conjunction", style: "long" }).format(words);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

const clientProblems: Record<ClientProblemCode, "offline" | "unexpectedStatus" | "notUnderstood"> = {
  offline: "offline",
  "unexpected-status": "unexpectedStatus",
  "not-understood": "notUnderstood",
};

export type ServerErrorText = {
  /** An error a table or console room sent (`errorMessageSchema`). */
  room(error: ServerErrorBody): string;
  /** A failed HTTP call (lib/api.ts): the server's error, or the page's own (not reached, unreadable). */
  http(problem: ApiProblem): string;
  /** Why a room turned the page away: its number and sentence (`joinRefusals`). */
  refusal(status: number, message: string): string;
  /** Why a room closed for good, by its close code (`closeSentences`); null for a code without one. */
  close(code: number): string | null;
};

/** A translator of the `common.errors` messages, by keys the shared catalogue makes. */
export type ErrorsT = (key: string, values?: Record<string, string | number>) => string;

/** An error of a room or of the HTTP API in the reader's language, or in the server's words. */
export function sayServerError(t: ErrorsT, locale: string, group: Group, error: ServerErrorBody): string {
  const wording = errorWording(group, error);
  if (!wording) return error.message;
  const values = Object.fromEntries(
    Object.entries(wording.values).map(([name, value]) => [
      name,
      Array.isArray(value) ? listOf(locale, value) : value,
    ]),
  );
  return t(wording.key, values);
}

/** Says the server's errors in the reader's language ("common" messages, which every page has). */
export function useServerErrorText(): ServerErrorText {
  const errorsT = useTranslations("common.errors");
  const locale = useLocale();
  return useMemo(() => {
    // The keys come from the shared catalogue, which tests/unit/serverErrors.test.ts holds to common.json.
    const t = errorsT as unknown as ErrorsT;
    return {
      room: (error) => sayServerError(t, locale, "room", error),
      http: (problem) => {
        if (Object.hasOwn(clientProblems, problem.code)) {
          return t(`client.${clientProblems[problem.code as ClientProblemCode]}`, { status: problem.status });
        }
        return sayServerError(t, locale, "http", problem);
      },
      refusal: (status, message) => {
        const known = joinRefusalFor(status, message);
        return known ? t(`join.${known.refusal}`, known.values) : message;
      },
      close: (code) => {
        const name = (Object.keys(closeCodes) as (keyof typeof closeCodes)[]).find(
          (candidate) => closeCodes[candidate] === code && closeSentences[code] !== undefined,
        );
        return name ? t(`close.${name}`) : null;
      },
    };
  }, [errorsT, locale]);
}
