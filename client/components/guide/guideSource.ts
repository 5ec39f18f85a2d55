// The facilitator's guide's one source: docs/facilitator-guide.md in the repository, read by the
// server when the page renders (pages render per request here), so the page and the file never
// differ and an edit shows without a rebuild. A fixed path: nothing a request says is read.
import "server-only";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** The repository's root: the server runs from it or from its client folder. */
function repositoryRoot(): string {
  const cwd = process.cwd();
  return !existsSync(path.join(cwd, "client")) && path.basename(cwd) === "client" ? path.dirname(cwd) : cwd;
}

export const guidePath = path.join("docs", "facilitator-guide.md");

export function readGuide(): Promise<string> {
  return readFile(path.join(repositoryRoot(), guidePath), "utf8");
}
