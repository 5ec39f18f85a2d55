// The memory bench's flags (tests/bench/memory/options.ts) and its heap snapshot reader
// (tests/bench/memory/heapSnapshot.ts), on a snapshot small enough to work out by hand.
import { describe, expect, it } from "vitest";
import { HeapGraph, type HeapSnapshotFile } from "../bench/memory/heapSnapshot.ts";
import { parseMemoryArguments } from "../bench/memory/options.ts";

function options(argv: string[]) {
  const parsed = parseMemoryArguments(argv);
  if (parsed.ok !== true) throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function error(argv: string[]) {
  const parsed = parseMemoryArguments(argv);
  if (parsed.ok !== false) throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.error;
}

describe("bench memory flags", () => {
  it("defaults to 100 tables after one warm-up table, ten chat lines each", () => {
    expect(options([])).toEqual({ tables: 100, warmupTables: 1, chat: 10, json: false });
  });

  it("takes values after a space or an equals sign", () => {
    expect(
      options(["--tables", "250", "--warmup-tables=50", "--chat", "0", "--snapshot", "out", "--json"]),
    ).toEqual({ tables: 250, warmupTables: 50, chat: 0, snapshot: "out", json: true });
  });

  it("refuses bad input with a sentence", () => {
    expect(error(["--tables", "0"])).toBe("--tables must be a whole number from 1 to 1000.");
    expect(error(["--chat", "many"])).toBe("--chat must be a whole number from 0 to 300.");
    expect(error(["--warmup-tables", "2.5"])).toBe("--warmup-tables must be a whole number from 1 to 1000.");
    expect(error(["--snapshot"])).toBe("--snapshot needs a value.");
    expect(error(["--json=yes"])).toBe("--json takes no value.");
    expect(error(["--fast"])).toBe("Unknown option --fast.");
    expect(error(["250"])).toBe('Unexpected argument "250".');
    expect(parseMemoryArguments(["--help"])).toEqual({ ok: "help" });
  });
});

/**
 * root → Room (a) and root → Other (b); both hold Shared (c), which holds Leaf (d); Room holds
 * Weakling only weakly. Sizes 0, 10, 20, 30, 40, 50.
 */
function tinySnapshot(): HeapSnapshotFile {
  const strings = ["", "Room", "Other", "Shared", "Leaf", "Weakling", "a", "b", "c", "d", "w"];
  const node = (name: number, size: number, edges: number) => [1, name, name, size, edges];
  const edge = (type: number, name: number, to: number) => [type, name, to * 5];
  const property = 2;
  const weak = 6;
  return {
    snapshot: {
      meta: {
        node_fields: ["type", "name", "id", "self_size", "edge_count"],
        node_types: [["hidden", "object", "string"]],
        edge_fields: ["type", "name_or_index", "to_node"],
        edge_types: [["context", "element", "property", "internal", "hidden", "shortcut", "weak"]],
      },
    },
    nodes: [
      ...[0, 0, 0, 0, 2], // the root (a "hidden" node)
      ...node(1, 10, 2),
      ...node(2, 20, 1),
      ...node(3, 30, 1),
      ...node(4, 40, 0),
      ...node(5, 50, 0),
    ],
    edges: [
      ...edge(property, 6, 1),
      ...edge(property, 7, 2),
      ...edge(property, 8, 3),
      ...edge(weak, 10, 5),
      ...edge(property, 8, 3),
      ...edge(property, 9, 4),
    ],
    strings,
  };
}

describe("the heap snapshot reader", () => {
  const graph = new HeapGraph(tinySnapshot());

  it("works out dominators and retained sizes, weak edges left out", () => {
    expect([1, 2, 3, 4].map((n) => graph.dominator(n))).toEqual([0, 0, 0, 3]);
    expect([0, 1, 2, 3, 4, 5].map((n) => graph.retained(n))).toEqual([100, 10, 20, 70, 40, 0]);
  });

  it("counts classes over what is reachable", () => {
    const classes = graph.classes();
    expect(classes.get("Shared")).toEqual({ name: "Shared", count: 1, selfBytes: 30 });
    expect(classes.has("Weakling")).toBe(false);
  });

  it("breaks what an object retains down by field, and names the chain that keeps one alive", () => {
    expect(graph.breakdown([0], 2, 10, 0)).toEqual([
      {
        label: "(reached several ways) → Shared",
        count: 1,
        bytes: 70,
        children: [{ label: "d → Leaf", count: 1, bytes: 40, children: [] }],
      },
      { label: "b → Other", count: 1, bytes: 20, children: [] },
      { label: "a → Room", count: 1, bytes: 10, children: [] },
    ]);
    expect(graph.dominatorChain(4)).toEqual(["(reached several ways) → Shared", "d → Leaf"]);
    expect(graph.instancesOf("Room")).toEqual([1]);
  });
});
