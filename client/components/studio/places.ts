// Where a problem is, in words: "Roles › Ukraine › Public stance" rather than a path into the
// file, and which section of the studio holds it.
import type { Draft } from "@red-lines/shared/studio";
import type { useTranslations } from "next-intl";

/** The studio's words (messages/<locale>/studio.json), for the helpers that build text. */
export type StudioT = ReturnType<typeof useTranslations<"studio">>;

/** The studio's sections, in order; each one's title is `sections.<id>` of the messages. */
export const sections = [
  "scenario",
  "roles",
  "issues",
  "scores",
  "redlines",
  "variants",
  "events",
  "outcomes",
] as const;
export type SectionId = (typeof sections)[number];

const sectionOfKey: Record<string, SectionId> = {
  roles: "roles",
  issues: "issues",
  utilities: "scores",
  redLines: "redlines",
  variants: "variants",
  events: "events",
  outcomes: "outcomes",
};

/** `roles[0].privateBrief.summary` → ["roles", 0, "privateBrief", "summary"]. */
export function parsePath(text: string): (string | number)[] {
  if (text === "(root)") return [];
  const keys: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) keys.push(Number(match[2]));
    else if (match[1] !== undefined) keys.push(match[1]);
  }
  return keys;
}

export function sectionOf(path: readonly (string | number)[]): SectionId {
  return sectionOfKey[String(path[0])] ?? "scenario";
}

/** The keys of the file that have a word of their own (`place.<key>` of the messages). */
const words = new Set([
  "id",
  "title",
  "summary",
  "documents",
  "file",
  "publicStance",
  "privateBrief",
  "priorities",
  "capacities",
  "sources",
  "section",
  "name",
  "description",
  "options",
  "label",
  "batna",
  "weights",
  "scores",
  "rule",
  "explanation",
  "redLines",
  "briefNotes",
  "flash",
  "effects",
  "atRound",
  "clock",
  "rounds",
  "turnSeconds",
  "turnOrder",
  "defaultVariant",
  "endings",
  "when",
  "phrase",
  "delta",
  "role",
  "issue",
  "option",
  "variant",
  "in",
  "not",
  "all",
  "any",
  "implies",
  "belowNoDeal",
  "at",
  "format",
] as const);
type Word = typeof words extends Set<infer W> ? W : never;
const isWord = (key: string): key is Word => (words as Set<string>).has(key);

/** What an item of a list is called when it has no name yet (`numbered.<kind>`), by the list's key. */
type Numbered =
  | "role"
  | "issue"
  | "option"
  | "variant"
  | "event"
  | "class"
  | "effect"
  | "source"
  | "document";
const numberedBy = new Map<string, Numbered>([
  ["roles", "role"],
  ["issues", "issue"],
  ["options", "option"],
  ["variants", "variant"],
  ["events", "event"],
  ["outcomes", "class"],
  ["effects", "effect"],
  ["sources", "source"],
  ["documents", "document"],
]);

/** The place of a path in words, for a list of problems. */
export function describePlace(t: StudioT, draft: Draft, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  parts.push(t(`sections.${sectionOf(path)}`));
  const roleName = (id: string) => draft.roles.find((r) => r.id === id)?.name || id;
  const issueName = (id: string) => draft.issues.find((i) => i.id === id)?.name || id;
  const named = (list: unknown, index: number, fallback: string) => {
    const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    const name = item?.name ?? item?.title ?? item?.label;
    return typeof name === "string" && name !== "" ? name : fallback;
  };
  let at: unknown = draft;
  let previous: string | number | undefined;
  for (const [i, key] of path.entries()) {
    const container = at;
    at = at !== null && typeof at === "object" ? (at as Record<string | number, unknown>)[key] : undefined;
    if (
      i === 0 &&
      (key === "roles" ||
        key === "issues" ||
        key === "variants" ||
        key === "events" ||
        key === "outcomes" ||
        key === "utilities" ||
        key === "redLines")
    ) {
      previous = key;
      continue;
    }
    if (typeof key === "number") {
      const kind = numberedBy.get(String(previous)) ?? "item";
      const fallback = t(`numbered.${kind}`, { n: key + 1 });
      parts.push(named(container, key, fallback));
    } else if (previous === "utilities" || previous === "redLines" || previous === "briefNotes") {
      parts.push(roleName(key));
    } else if ((previous === "weights" || previous === "scores") && draft.issues.some((x) => x.id === key)) {
      parts.push(issueName(key));
    } else {
      parts.push(isWord(key) ? t(`place.${key}`) : key);
    }
    previous = key;
  }
  const [first, ...rest] = parts;
  return [first, ...rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1))].join(" › ");
}
