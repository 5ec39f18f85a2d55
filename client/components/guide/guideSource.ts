// The facilitator's guide's one source: docs/facilitator-guide.md in the repository, or its
// translation beside it (docs/facilitator-guide.<locale>.md) for a reader of that language when
// there is one, read by the server when the page renders (pages render per request here), so the
// page and the file never differ and an edit shows without a rebuild. Fixed paths: nothing a
// request says is read but the reader's language, which is one of the app's locales.
import "server-only";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "@red-lines/shared/protocol";

/** The repository's root: the server runs from it or from its client folder. */
function repositoryRoot(): string {
  const cwd = process.cwd();
  return !existsSync(path.join(cwd, "client")) && path.basename(cwd) === "client" ? path.dirname(cwd) : cwd;
}

export const guidePath = path.join("docs", "facilitator-guide.md");

/** The guide's translation into `locale` (docs/facilitator-guide.uk.md); English is `guidePath`. */
export function translatedGuidePath(locale: Exclude<Locale, "en">): string {
  return path.join("docs", `facilitator-guide.${locale}.md`);
}

/** The guide in the reader's language, and which language that is: English when it has no translation. */
export async function readGuide(locale: Locale = "en"): Promise<{ text: string; locale: Locale }> {
  if (locale !== "en") {
    try {
      return {
        text: await readFile(path.join(repositoryRoot(), translatedGuidePath(locale)), "utf8"),
        locale,
      };
    } catch {
      // Not translated (or not installed): the English guide.
    }
  }
  return { text: await readFile(path.join(repositoryRoot(), guidePath), "utf8"), locale: "en" };
}
