// The server's half of view patches: what changed between two views of one perspective, as
// RFC 6902 operations. Parts a view shares with the one before (`viewFor` reuses them; see
// view.ts) are skipped by identity without being walked, and a list that only grew at its end
// (the chat, the versions) becomes one `add` per new item without its old items being looked
// at; anything else is left to fast-json-patch's `compare`.
import jsonPatch from "fast-json-patch";
import type { PatchOperation } from "../protocol/viewPatch.ts";
import type { TableView } from "./viewSchema.ts";

export function diffViews(before: TableView, after: TableView): PatchOperation[] {
  const ops: PatchOperation[] = [];
  diffInto(before, after, "", ops);
  return ops;
}

type Plain = Record<string, unknown>;

const isObject = (value: unknown): value is Plain =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function diffInto(before: unknown, after: unknown, path: string, ops: PatchOperation[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    let same = 0;
    while (same < before.length && same < after.length && before[same] === after[same]) same += 1;
    if (same === before.length) {
      for (let i = same; i < after.length; i++)
        ops.push({ op: "add", path: `${path}/${i}`, value: after[i] });
      return;
    }
  } else if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      const at = `${path}/${jsonPatch.escapePathComponent(key)}`;
      if (after[key] === undefined) {
        if (before[key] !== undefined) ops.push({ op: "remove", path: at });
      } else if (before[key] === undefined) ops.push({ op: "add", path: at, value: after[key] });
      else diffInto(before[key], after[key], at, ops);
    }
    for (const key of Object.keys(after)) {
      if (!Object.hasOwn(before, key) && after[key] !== undefined)
        ops.push({ op: "add", path: `${path}/${jsonPatch.escapePathComponent(key)}`, value: after[key] });
    }
    return;
  }
  if (typeof before !== "object" || before === null || typeof after !== "object" || after === null) {
    ops.push({ op: "replace", path, value: after });
    return;
  }
  for (const operation of jsonPatch.compare(before, after) as PatchOperation[])
    ops.push({ ...operation, path: path + operation.path });
}
