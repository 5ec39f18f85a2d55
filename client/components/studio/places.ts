// Where a problem is, in words: "Roles › Ukraine › Public stance" rather than a path into the
// file, and which section of the studio holds it.
import type { Draft } from "@red-lines/shared/studio";

export const sections = [
  { id: "scenario", title: "Scenario" },
  { id: "roles", title: "Roles" },
  { id: "issues", title: "Issues" },
  { id: "scores", title: "Scores" },
  { id: "redlines", title: "Red lines" },
  { id: "variants", title: "Variants" },
  { id: "events", title: "Events" },
  { id: "outcomes", title: "Outcomes" },
] as const;
export type SectionId = (typeof sections)[number]["id"];

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

const words: Record<string, string> = {
  id: "id",
  title: "title",
  summary: "summary",
  documents: "documents",
  file: "file",
  publicStance: "public stance",
  privateBrief: "private brief",
  priorities: "priorities",
  capacities: "capacities",
  sources: "sources",
  section: "section",
  name: "name",
  description: "description",
  options: "options",
  label: "label",
  batna: "no-deal value",
  weights: "weights",
  scores: "option scores",
  rule: "rule",
  explanation: "explanation",
  redLines: "red lines",
  briefNotes: "brief notes",
  flash: "news flash",
  effects: "effects",
  atRound: "round",
  clock: "clock",
  rounds: "rounds",
  turnSeconds: "seconds per turn",
  turnOrder: "turn order",
  defaultVariant: "default variant",
  endings: "endings",
  when: "rule",
  phrase: "phrase",
  delta: "change",
  role: "party",
  issue: "issue",
  option: "option",
  variant: "variant",
  in: "options",
  not: "not",
  all: "all of",
  any: "any of",
  implies: "if/then",
  belowNoDeal: "no-deal test",
  at: "when",
  format: "format",
};

/** The place of a path in words, for a list of problems. */
export function describePlace(draft: Draft, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  const section = sections.find((s) => s.id === sectionOf(path))?.title ?? "Scenario";
  parts.push(section);
  const roleName = (id: string) => draft.roles.find((r) => r.id === id)?.name || id;
  const issueName = (id: string) => draft.issues.find((i) => i.id === id)?.name || id;
  const named = (list: unknown, index: number, fallback: string) => {
    const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    const name = item?.name ?? item?.title ?? item?.label;
    return typeof name === "string" && name !== "" ? name : `${fallback} ${index + 1}`;
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
      const fallback =
        previous === "roles"
          ? "Role"
          : previous === "issues"
            ? "Issue"
            : previous === "options"
              ? "Option"
              : previous === "variants"
                ? "Variant"
                : previous === "events"
                  ? "Event"
                  : previous === "outcomes"
                    ? "Class"
                    : previous === "effects"
                      ? "Effect"
                      : previous === "sources"
                        ? "Source"
                        : previous === "documents"
                          ? "Document"
                          : "Item";
      parts.push(named(container, key, fallback));
    } else if (previous === "utilities" || previous === "redLines" || previous === "briefNotes") {
      parts.push(roleName(key));
    } else if ((previous === "weights" || previous === "scores") && draft.issues.some((x) => x.id === key)) {
      parts.push(issueName(key));
    } else {
      parts.push(words[key] ?? key);
    }
    previous = key;
  }
  const [first, ...rest] = parts;
  return [first, ...rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1))].join(" › ");
}
