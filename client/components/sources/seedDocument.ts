// The text of a seed document, when this server has it installed (read-only, never copied into
// the repository), split into paragraphs with the cited sections' anchors on them.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export type Paragraph = {
  /** Its place in the document, from 0. */
  position: number;
  text: string;
  kind: "heading" | "bullet" | "text";
  anchors: string[];
};

/** `SEEDS_DIR`, or `shared/seeds` beside the repository (the server runs from the repository or its client folder). */
export function seedsDir(): string {
  if (process.env.SEEDS_DIR) return process.env.SEEDS_DIR;
  const cwd = process.cwd();
  const root =
    !existsSync(path.join(cwd, "client")) && path.basename(cwd) === "client" ? path.dirname(cwd) : cwd;
  return path.resolve(root, "../shared/seeds");
}

/** `file` must already be one of a scenario's documents; anything path-like is refused here too. */
export async function readSeed(file: string): Promise<string | null> {
  if (path.basename(file) !== file || file.startsWith(".")) return null;
  try {
    return await readFile(path.join(seedsDir(), file), "utf8");
  } catch {
    return null;
  }
}

const normal = (line: string) =>
  line
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^\s*[•*-]\s*/, "")
    .trim()
    .toLowerCase();

/** True when `line` starts with `prefix` as whole words ("Scenario 3" does not match "Scenario 30"). */
function startsWithWords(line: string, prefix: string): boolean {
  return line.startsWith(prefix) && !/[a-z0-9]/.test(line.charAt(prefix.length));
}

/** The line a section heading names: the heading itself, or "Heading — Item" as an item under it. */
export function locateSection(lines: readonly string[], section: string): number | null {
  const normalized = lines.map(normal);
  const whole = normal(section);
  const exact = normalized.indexOf(whole);
  if (exact >= 0) return exact;
  const [head, ...rest] = section.split(" — ");
  if (head !== undefined && rest.length > 0) {
    const start = normalized.indexOf(normal(head));
    const item = normal(rest.join(" — "));
    if (start >= 0) {
      const found = normalized.findIndex((line, i) => i > start && startsWithWords(line, item));
      if (found >= 0) return found;
    }
  }
  const prefixed = normalized.findIndex((line) => startsWithWords(line, whole));
  return prefixed >= 0 ? prefixed : null;
}

function kindOf(line: string): Paragraph["kind"] {
  if (/^\s*[•*-]\s/.test(line)) return "bullet";
  const text = line.trim();
  return text.length <= 120 && !/[.:;,?!]$/.test(text) && !text.startsWith("|") ? "heading" : "text";
}

/** Paragraphs of the text with each located section's anchor, and the sections not found in it. */
export function anchoredParagraphs(
  text: string,
  sections: readonly { section: string; slug: string }[],
): { paragraphs: Paragraph[]; unmatched: string[] } {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const paragraphs: Paragraph[] = lines.map((line, position) => ({
    position,
    text: line.trim().replace(/^[•*-]\s*/, ""),
    kind: kindOf(line),
    anchors: [],
  }));
  const unmatched: string[] = [];
  for (const { section, slug } of sections) {
    const at = locateSection(lines, section);
    const paragraph = at === null ? undefined : paragraphs[at];
    if (paragraph) paragraph.anchors.push(slug);
    else unmatched.push(section);
  }
  return { paragraphs, unmatched };
}
