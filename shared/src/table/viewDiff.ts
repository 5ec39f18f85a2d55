// The server's half of view patches: what changed between two views of one perspective, as
// RFC 6902 operations (fast-json-patch's `compare`). Parts a view shares with the one before
// (`viewFor` reuses them; see view.ts) are skipped by identity without being walked.
import jsonPatch from "fast-json-patch";
import type { PatchOperation } from "../protocol/viewPatch.ts";
import type { TableView } from "./viewSchema.ts";

export function diffViews(before: TableView, after: TableView): PatchOperation[] {
  return jsonPatch.compare(before, after) as PatchOperation[];
}
