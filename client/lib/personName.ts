"use client";
// A person's name as a page shows it: as they typed it, except the placeholder an erasure leaves
// in place of a student's name (shared erasure.ts, stored in English in the log, the seats and the
// exports), which is said in the reader's language (common.json `people.erasedStudent`). Every
// place that shows who holds a seat goes through this: table seats, the console's tiles and
// controls, the join screen, the seat picker, the replay.
import { erasedStudentName } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

/** Says a name: a person's as typed, the erased placeholder in the reader's words; null stays null. */
export type PersonName = {
  (name: string): string;
  (name: string | null): string | null;
  (name: string | null | undefined): string | null | undefined;
};

/** `name` as shown, with `erased` (the reader's words for an erased student) for the placeholder. */
export function shownPersonName<T extends string | null | undefined>(name: T, erased: string): T | string {
  return name === erasedStudentName ? erased : name;
}

export function usePersonName(): PersonName {
  const t = useTranslations("common.people");
  return useCallback(
    ((name: string | null | undefined) => shownPersonName(name, t("erasedStudent"))) as PersonName,
    [t],
  );
}
