"use client";
// A problem the checks found, in the reader's language: the check's code rendered from its message
// (messages/<locale>/checks.json, whose English is the CLI's words), or, for a problem without a
// code, its words as the check gave them (zod's own, already in the reader's language: the worker
// parses with the reader's zod locale).
import type { ScenarioError } from "@red-lines/shared/studio";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

export type ProblemText = (error: ScenarioError) => string;

export function useProblemText(): ProblemText {
  const t = useTranslations("checks");
  return useCallback(
    (error) => (error.problem ? t(error.problem.code, error.problem.values ?? {}) : error.message),
    [t],
  );
}
