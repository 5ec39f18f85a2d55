"use client";
// What every field of the studio shares: the draft, the one way to change it, and the problems
// the checks found, by path, so each is shown beside its own field.
import { type Draft, type DraftPath, formatPath } from "@red-lines/shared/studio";
import { createContext, useContext } from "react";

export type Studio = {
  draft: Draft;
  /** Every change goes through here (and into the undo history). */
  change: (edit: (draft: Draft) => Draft) => void;
  problems: ReadonlyMap<string, string[]>;
};

export const StudioContext = createContext<Studio | null>(null);

export function useStudio(): Studio {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error("a studio field outside the studio");
  return studio;
}

/** The DOM id of a field, from its path in the scenario file. */
export function fieldId(path: DraftPath): string {
  return `f-${formatPath([...path]).replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}

export function problemsAt(problems: ReadonlyMap<string, string[]>, path: DraftPath): string[] {
  return problems.get(formatPath([...path])) ?? [];
}
