// Reads a V8 heap snapshot (.heapsnapshot, as `v8.writeHeapSnapshot` writes it) into flat typed
// arrays, works out its dominator tree (Cooper, Harvey and Kennedy's iterative algorithm, weak
// edges left out, as Chrome's DevTools does) and each object's retained size, and answers the
// memory bench's questions: how much memory each class holds, what one kind of object (a table's
// room) retains, broken down along its fields, and which chain of objects keeps an object alive.

/** The parts of the snapshot file this reader uses. */
export type HeapSnapshotFile = {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: unknown[];
      edge_fields: string[];
      edge_types: unknown[];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
};

export type ClassFigure = { name: string; count: number; selfBytes: number };

export type RetainedBranch = {
  /** `field → Class`: the field of the parent that holds it (`[]` for array elements). */
  label: string;
  /** How many objects (over every instance measured) this line adds up. */
  count: number;
  /** Their retained size, summed. */
  bytes: number;
  children: RetainedBranch[];
};

export class HeapGraph {
  readonly nodeCount: number;
  private readonly types: Uint8Array;
  private readonly names: Uint32Array;
  private readonly selfSizes: Float64Array;
  private readonly firstEdge: Uint32Array;
  private readonly edgeTypes: Uint8Array;
  private readonly edgeNames: Uint32Array;
  private readonly edgeTargets: Uint32Array;
  private readonly typeNames: string[];
  private readonly edgeTypeNames: string[];
  private readonly strings: string[];
  /** Postorder number of each node (-1: not reachable from the root), and the reverse map. */
  private readonly post: Int32Array;
  private readonly order: Uint32Array;
  /** Immediate dominator of each node, in postorder numbers. */
  private readonly idom: Int32Array;
  /** Retained size by postorder number. */
  private readonly retainedByPost: Float64Array;
  /** Dominator tree children, by postorder number. */
  private readonly firstChild: Uint32Array;
  private readonly children: Uint32Array;

  constructor(file: HeapSnapshotFile) {
    const { meta } = file.snapshot;
    const nodeFields = meta.node_fields;
    const edgeFields = meta.edge_fields;
    const nodeWidth = nodeFields.length;
    const edgeWidth = edgeFields.length;
    const field = (fields: string[], name: string) => {
      const index = fields.indexOf(name);
      if (index < 0) throw new Error(`the heap snapshot has no "${name}" field`);
      return index;
    };
    const typeAt = field(nodeFields, "type");
    const nameAt = field(nodeFields, "name");
    const sizeAt = field(nodeFields, "self_size");
    const edgeCountAt = field(nodeFields, "edge_count");
    const edgeTypeAt = field(edgeFields, "type");
    const edgeNameAt = field(edgeFields, "name_or_index");
    const edgeToAt = field(edgeFields, "to_node");
    this.typeNames = meta.node_types[typeAt] as string[];
    this.edgeTypeNames = meta.edge_types[edgeTypeAt] as string[];
    this.strings = file.strings;

    const n = file.nodes.length / nodeWidth;
    const m = file.edges.length / edgeWidth;
    this.nodeCount = n;
    this.types = new Uint8Array(n);
    this.names = new Uint32Array(n);
    this.selfSizes = new Float64Array(n);
    this.firstEdge = new Uint32Array(n + 1);
    let edge = 0;
    for (let i = 0; i < n; i++) {
      const at = i * nodeWidth;
      this.types[i] = file.nodes[at + typeAt] as number;
      this.names[i] = file.nodes[at + nameAt] as number;
      this.selfSizes[i] = file.nodes[at + sizeAt] as number;
      this.firstEdge[i] = edge;
      edge += file.nodes[at + edgeCountAt] as number;
    }
    this.firstEdge[n] = edge;
    this.edgeTypes = new Uint8Array(m);
    this.edgeNames = new Uint32Array(m);
    this.edgeTargets = new Uint32Array(m);
    for (let e = 0; e < m; e++) {
      const at = e * edgeWidth;
      this.edgeTypes[e] = file.edges[at + edgeTypeAt] as number;
      this.edgeNames[e] = file.edges[at + edgeNameAt] as number;
      this.edgeTargets[e] = (file.edges[at + edgeToAt] as number) / nodeWidth;
    }

    const weak = this.edgeTypeNames.indexOf("weak");
    const strong = (e: number) => this.edgeTypes[e] !== weak;

    // Depth-first postorder from the root (node 0), strong edges only.
    this.post = new Int32Array(n).fill(-1);
    this.order = new Uint32Array(n);
    const visited = new Uint8Array(n);
    const stack = new Uint32Array(n);
    const cursor = new Uint32Array(n);
    let top = 0;
    let count = 0;
    stack[top++] = 0;
    visited[0] = 1;
    cursor[0] = this.firstEdge[0] as number;
    while (top > 0) {
      const node = stack[top - 1] as number;
      const end = this.firstEdge[node + 1] as number;
      let e = cursor[node] as number;
      while (e < end && (!strong(e) || visited[this.edgeTargets[e] as number])) e++;
      if (e < end) {
        cursor[node] = e + 1;
        const next = this.edgeTargets[e] as number;
        visited[next] = 1;
        cursor[next] = this.firstEdge[next] as number;
        stack[top++] = next;
      } else {
        top--;
        this.post[node] = count;
        this.order[count++] = node;
      }
    }

    // Predecessors of each reachable node, by postorder number.
    const predCount = new Uint32Array(count + 1);
    for (let from = 0; from < n; from++) {
      if ((this.post[from] as number) < 0) continue;
      for (let e = this.firstEdge[from] as number; e < (this.firstEdge[from + 1] as number); e++) {
        if (strong(e)) (predCount[this.post[this.edgeTargets[e] as number] as number] as number)++;
      }
    }
    const firstPred = new Uint32Array(count + 1);
    for (let i = 0; i < count; i++) firstPred[i + 1] = (firstPred[i] as number) + (predCount[i] as number);
    const preds = new Uint32Array(firstPred[count] as number);
    const fill = firstPred.slice();
    for (let from = 0; from < n; from++) {
      const p = this.post[from] as number;
      if (p < 0) continue;
      for (let e = this.firstEdge[from] as number; e < (this.firstEdge[from + 1] as number); e++) {
        if (strong(e)) preds[(fill[this.post[this.edgeTargets[e] as number] as number] as number)++] = p;
      }
    }

    // Immediate dominators, iterating in reverse postorder until nothing changes.
    const idom = new Int32Array(count).fill(-1);
    const root = count - 1;
    idom[root] = root;
    const intersect = (a: number, b: number) => {
      while (a !== b) {
        while (a < b) a = idom[a] as number;
        while (b < a) b = idom[b] as number;
      }
      return a;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (let b = root - 1; b >= 0; b--) {
        let chosen = -1;
        for (let k = firstPred[b] as number; k < (firstPred[b + 1] as number); k++) {
          const p = preds[k] as number;
          if (idom[p] === -1) continue;
          chosen = chosen === -1 ? p : intersect(p, chosen);
        }
        if (idom[b] !== chosen) {
          idom[b] = chosen;
          changed = true;
        }
      }
    }
    this.idom = idom;

    // Retained sizes: a node's dominator always comes later in postorder.
    const retained = new Float64Array(count);
    for (let i = 0; i < count; i++) retained[i] = this.selfSizes[this.order[i] as number] as number;
    for (let i = 0; i < root; i++) {
      const dominator = idom[i] as number;
      retained[dominator] = (retained[dominator] as number) + (retained[i] as number);
    }
    this.retainedByPost = retained;

    const childCount = new Uint32Array(count + 1);
    for (let i = 0; i < root; i++) (childCount[idom[i] as number] as number)++;
    this.firstChild = new Uint32Array(count + 1);
    for (let i = 0; i < count; i++)
      this.firstChild[i + 1] = (this.firstChild[i] as number) + (childCount[i] as number);
    this.children = new Uint32Array(this.firstChild[count] as number);
    const place = this.firstChild.slice();
    for (let i = 0; i < root; i++)
      this.children[(place[idom[i] as number] as number)++] = this.order[i] as number;
  }

  type(node: number): string {
    return this.typeNames[this.types[node] as number] ?? "?";
  }

  name(node: number): string {
    return this.strings[this.names[node] as number] ?? "?";
  }

  selfSize(node: number): number {
    return this.selfSizes[node] as number;
  }

  /** Retained size: what would be freed with the node (0 when not reachable from the root). */
  retained(node: number): number {
    const p = this.post[node] as number;
    return p < 0 ? 0 : (this.retainedByPost[p] as number);
  }

  /** The node's immediate dominator, or -1 for the root and unreachable nodes. */
  dominator(node: number): number {
    const p = this.post[node] as number;
    if (p < 0 || p === this.post[0]) return -1;
    return this.order[this.idom[p] as number] as number;
  }

  /** The nodes the node immediately dominates. */
  dominated(node: number): Uint32Array {
    const p = this.post[node] as number;
    if (p < 0) return new Uint32Array();
    return this.children.subarray(this.firstChild[p], this.firstChild[p + 1]);
  }

  /** What an object is, for grouping: its class for objects, the kind of thing otherwise. */
  classOf(node: number): string {
    const type = this.type(node);
    switch (type) {
      case "object":
      case "native":
        return this.name(node);
      case "string":
      case "concatenated string":
      case "sliced string":
        return "(string)";
      case "closure":
        return "(closure)";
      case "code":
        return "(code)";
      case "number":
        return "(number)";
      default:
        return `(${type}) ${this.name(node).slice(0, 60)}`;
    }
  }

  /** The name of a field from `from` to `to` (`[]` for an element), or null when there is none. */
  fieldName(from: number, to: number): string | null {
    for (let e = this.firstEdge[from] as number; e < (this.firstEdge[from + 1] as number); e++) {
      if (this.edgeTargets[e] !== to) continue;
      const type = this.edgeTypeNames[this.edgeTypes[e] as number];
      if (type === "element" || type === "hidden") return "[]";
      const name = this.strings[this.edgeNames[e] as number];
      return name === undefined ? "?" : name;
    }
    return null;
  }

  /** Every node whose class is `className`. */
  instancesOf(className: string): number[] {
    const found: number[] = [];
    for (let i = 0; i < this.nodeCount; i++) if (this.classOf(i) === className) found.push(i);
    return found;
  }

  /** Count and shallow size of each class over the whole heap. */
  classes(): Map<string, ClassFigure> {
    const figures = new Map<string, ClassFigure>();
    for (let i = 0; i < this.nodeCount; i++) {
      if ((this.post[i] as number) < 0) continue;
      const name = this.classOf(i);
      const figure = figures.get(name) ?? { name, count: 0, selfBytes: 0 };
      figure.count += 1;
      figure.selfBytes += this.selfSizes[i] as number;
      figures.set(name, figure);
    }
    return figures;
  }

  /**
   * What `roots` retain, grouped level by level by the field that holds each dominated object
   * and its class, down to `depth` levels; at each level the `width` largest lines, and only
   * lines of at least `minBytes` are opened further.
   */
  breakdown(roots: readonly number[], depth: number, width: number, minBytes: number): RetainedBranch[] {
    const groups = new Map<string, number[]>();
    for (const parent of roots) {
      for (const child of this.dominated(parent)) {
        const label = `${this.fieldName(parent, child) ?? "(reached several ways)"} → ${this.classOf(child)}`;
        const group = groups.get(label);
        if (group) group.push(child);
        else groups.set(label, [child]);
      }
    }
    const branches = [...groups].map(([label, nodes]) => ({
      label,
      nodes,
      bytes: nodes.reduce((sum, node) => sum + this.retained(node), 0),
    }));
    branches.sort((a, b) => b.bytes - a.bytes);
    return branches.slice(0, width).map(({ label, nodes, bytes }) => ({
      label,
      count: nodes.length,
      bytes,
      children: depth > 1 && bytes >= minBytes ? this.breakdown(nodes, depth - 1, width, minBytes) : [],
    }));
  }

  /** The chain of dominators from the root down to the node, each as `field → Class`. */
  dominatorChain(node: number): string[] {
    const chain: string[] = [];
    for (let at = node; at > 0; ) {
      const parent = this.dominator(at);
      if (parent < 0) break;
      chain.push(`${this.fieldName(parent, at) ?? "(reached several ways)"} → ${this.classOf(at)}`);
      at = parent;
    }
    return chain.reverse();
  }
}
