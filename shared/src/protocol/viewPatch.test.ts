import { describe, expect, it } from "vitest";
import type { TableView } from "../table/viewSchema.ts";
import { applyPatch, PatchConflict, parsePointer, ViewFollower } from "./viewPatch.ts";

const frozen = <T>(value: T): T => {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
};

describe("applyPatch", () => {
  const document = frozen({ a: { b: [1, 2, 3], c: "x" }, d: { e: 1 }, "s/l~": 0 });

  it("adds, replaces and removes without touching the document, sharing what it did not change", () => {
    const next = applyPatch(document, [
      { op: "add", path: "/a/b/-", value: 4 },
      { op: "add", path: "/a/b/0", value: 0 },
      { op: "remove", path: "/a/b/2" },
      { op: "replace", path: "/a/c", value: "y" },
      { op: "add", path: "/f", value: { g: true } },
      { op: "replace", path: "/s~1l~0", value: 1 },
    ]);
    expect(next).toEqual({ a: { b: [0, 1, 3, 4], c: "y" }, d: { e: 1 }, "s/l~": 1, f: { g: true } });
    expect(document).toEqual({ a: { b: [1, 2, 3], c: "x" }, d: { e: 1 }, "s/l~": 0 });
    expect(next.d).toBe(document.d);
    expect(next.a).not.toBe(document.a);
  });

  it("removes a key, and replaces the whole document at the empty pointer", () => {
    expect(applyPatch(document, [{ op: "remove", path: "/d" }])).not.toHaveProperty("d");
    expect(applyPatch(document, [{ op: "replace", path: "", value: { z: 1 } }])).toEqual({ z: 1 });
  });

  it.each([
    ["a missing key", { op: "replace", path: "/nope", value: 1 }],
    ["removing a missing key", { op: "remove", path: "/a/nope" }],
    ["an index past the end", { op: "replace", path: "/a/b/3", value: 1 }],
    ["an index that is not a number", { op: "add", path: "/a/b/x", value: 1 }],
    ["a leading zero", { op: "remove", path: "/a/b/01" }],
    ["going through a value", { op: "add", path: "/a/c/x", value: 1 }],
    ["going through a missing object", { op: "add", path: "/q/r", value: 1 }],
    ["a pointer without a slash", { op: "add", path: "a", value: 1 }],
    ["the prototype", { op: "add", path: "/__proto__/polluted", value: 1 }],
    ["removing the document", { op: "remove", path: "" }],
  ] as const)("refuses %s with a PatchConflict", (_, operation) => {
    expect(() => applyPatch(document, [operation])).toThrow(PatchConflict);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads RFC 6901 pointers", () => {
    expect(parsePointer("")).toEqual([]);
    expect(parsePointer("/a~1b/~01/0")).toEqual(["a/b", "~1", "0"]);
  });
});

describe("ViewFollower", () => {
  const view = (phase: string) => ({ phase, publicChat: [] }) as unknown as TableView;

  it("follows a whole view and then each patch that starts where it is", () => {
    const follower = new ViewFollower();
    expect(follower.whole({ seq: 3, view: view("lobby") })).toEqual({ view: view("lobby") });
    const next = follower.patch({
      from: 3,
      to: 5,
      ops: [{ op: "replace", path: "/phase", value: "briefing" }],
    });
    expect(next).toEqual({ view: view("briefing") });
    expect(follower.seq).toBe(5);
  });

  it("asks once for the whole view when a patch does not start where it is, and drops patches until then", () => {
    const follower = new ViewFollower();
    follower.whole({ seq: 3, view: view("lobby") });
    expect(follower.patch({ from: 4, to: 5, ops: [] })).toEqual({ resync: true });
    expect(follower.view).toBeNull();
    expect(follower.patch({ from: 5, to: 6, ops: [] })).toEqual({ waiting: true });
    follower.whole({ seq: 6, view: view("negotiating") });
    expect(follower.patch({ from: 6, to: 7, ops: [] })).toEqual({ view: view("negotiating") });
  });

  it("asks for the whole view when a patch does not fit, and before it has any", () => {
    const follower = new ViewFollower();
    expect(follower.patch({ from: 0, to: 1, ops: [] })).toEqual({ resync: true });
    follower.whole({ seq: 1, view: view("lobby") });
    expect(follower.patch({ from: 1, to: 2, ops: [{ op: "remove", path: "/missing" }] })).toEqual({
      resync: true,
    });
  });
});
