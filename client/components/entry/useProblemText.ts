"use client";
// What went wrong with a call to the HTTP API, in words: the failures the page makes itself
// (lib/api.ts `clientProblemCodes`: not reached, an unreadable answer) in the reader's language,
// the server's own sentence as it sent it.
import { useTranslations } from "next-intl";
import type { ClientProblemCode } from "../../lib/api.ts";

type Problem = { code: string; status: number; message: string };

export function useProblemText(): (problem: Problem) => string {
  const t = useTranslations("entry.api");
  return (problem) => {
    switch (problem.code as ClientProblemCode) {
      case "offline":
        return t("offline");
      case "unexpected-status":
        return t("unexpectedStatus", { status: problem.status });
      case "not-understood":
        return t("notUnderstood");
      default:
        return problem.message;
    }
  };
}
