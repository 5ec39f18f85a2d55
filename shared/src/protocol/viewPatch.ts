// View patches on the wire: a connection gets one whole view, tagged with the table log's
// sequence number, and from then on only what changed, as RFC 6902 JSON Patch operations tagged
// with the sequence numbers they lead from and to. The server makes them (`diffViews`, engine
// side); clients follow them here. Client-safe: no scenario data, no diff library.
import type { TableView } from "../table/viewSchema.ts";
import { tableMessages } from "./table.ts";

/**
 * The version of the table protocol. A client sends it with its join options; the server turns
 * away a client of another version with a sentence telling it to reload the page. Raise it
 * whenever a message changes shape.
 */
export const tableProtocolVersion = 2;

/** The operations `diffViews` makes: RFC 6902's add, remove and replace. */
export type PatchOperation =
  | { op: "add"; path: string; value: unknown }
  | { op: "replace"; path: string; value: unknown }
  | { op: "remove"; path: string };

/** server → client `view`: the whole view, and the log position it shows. */
export type WholeViewMessage = { seq: number; view: TableView };
/** server → client `patch`: what turns the view at `from` into the view at `to`. */
export type ViewPatchMessage = { from: number; to: number; ops: PatchOperation[] };

/** A patch that does not fit the document it is applied to. */
export class PatchConflict extends Error {}

/** RFC 6901: "/a~1b/0" → ["a/b", "0"]. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new PatchConflict(`"${pointer}" is not a JSON pointer.`);
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function arrayIndex(key: string, length: number, appendable: boolean): number {
  if (appendable && key === "-") return length;
  if (!/^(0|[1-9][0-9]*)$/.test(key)) throw new PatchConflict(`"${key}" is not an array index.`);
  const index = Number(key);
  if (index > length || (!appendable && index === length))
    throw new PatchConflict(`Index ${index} is outside an array of ${length}.`);
  return index;
}

/**
 * Applies the operations without touching `document`: every object and array on a changed path
 * is copied once (later operations of the same patch change that copy), and everything else is
 * the very same object as before, so a renderer that compares by identity redraws only what
 * changed. Throws `PatchConflict` when an operation does not fit.
 */
export function applyPatch<T>(document: T, ops: readonly PatchOperation[]): T {
  const copies = new WeakSet<object>();
  const own = <C extends Container>(node: C): C => {
    if (copies.has(node)) return node;
    const copy = (Array.isArray(node) ? [...node] : { ...node }) as C;
    copies.add(copy);
    return copy;
  };
  let root: unknown = document;
  for (const operation of ops) {
    const keys = parsePointer(operation.path);
    if (keys.some((key) => key === "__proto__"))
      throw new PatchConflict(`"${operation.path}" names a forbidden key.`);
    if (keys.length === 0) {
      if (operation.op === "remove") throw new PatchConflict("A patch cannot remove the whole document.");
      root = operation.value;
      continue;
    }
    if (!isContainer(root)) throw new PatchConflict(`"${operation.path}" goes into a value.`);
    root = own(root);
    let parent = root as Container;
    for (const key of keys.slice(0, -1)) {
      const child = Array.isArray(parent)
        ? parent[arrayIndex(key, parent.length, false)]
        : Object.hasOwn(parent, key)
          ? parent[key]
          : undefined;
      if (!isContainer(child)) throw new PatchConflict(`"${operation.path}" goes through a missing object.`);
      const copy = own(child);
      if (Array.isArray(parent)) parent[Number(key)] = copy;
      else parent[key] = copy;
      parent = copy;
    }
    const last = keys.at(-1) as string;
    if (Array.isArray(parent)) {
      const index = arrayIndex(last, parent.length, operation.op === "add");
      if (operation.op === "add") parent.splice(index, 0, operation.value);
      else if (operation.op === "remove") parent.splice(index, 1);
      else parent[index] = operation.value;
    } else {
      if (operation.op !== "add" && !Object.hasOwn(parent, last))
        throw new PatchConflict(`"${operation.path}" is not there to ${operation.op}.`);
      if (operation.op === "remove") delete parent[last];
      else parent[last] = operation.value;
    }
  }
  return root as T;
}

/**
 * What a follower makes of a message: the view to show; that it needs the whole view again (ask
 * once); or that it is still waiting for that whole view (the message is dropped).
 */
export type Followed = { view: TableView } | { resync: true } | { waiting: true };

/**
 * One connection's copy of its table view: takes the whole view and then each patch, in order.
 * A patch that does not start where the copy is (a message missed) or does not fit asks for the
 * whole view again, so the copy never drifts from the server's.
 */
export class ViewFollower {
  private current: WholeViewMessage | null = null;
  private awaitingWhole = false;

  get view(): TableView | null {
    return this.current?.view ?? null;
  }

  get seq(): number | null {
    return this.current?.seq ?? null;
  }

  whole(message: WholeViewMessage): Followed {
    this.current = { seq: message.seq, view: message.view };
    this.awaitingWhole = false;
    return { view: message.view };
  }

  patch(message: ViewPatchMessage): Followed {
    if (this.awaitingWhole) return { waiting: true };
    const current = this.current;
    if (current === null || current.seq !== message.from || !Array.isArray(message.ops)) return this.lost();
    try {
      const view = applyPatch(current.view, message.ops);
      this.current = { seq: message.to, view };
      return { view };
    } catch (error) {
      if (error instanceof PatchConflict) return this.lost();
      throw error;
    }
  }

  private lost(): Followed {
    // Patches that arrive before the whole view are dropped along with the copy.
    this.current = null;
    this.awaitingWhole = true;
    return { resync: true };
  }
}

/** What following a room's views needs of a connection; the Colyseus SDK's `Room` is one. */
export type ViewChannel = {
  onMessage(type: string, callback: (payload: unknown) => void): unknown;
  send(type: string, payload: Record<string, unknown>): void;
};

/**
 * Follows a table room's views as every client does (the browser, the tests, the bench): whole
 * views and patches in, `onView` with each new view out, and one resync request whenever the
 * copy is out of step.
 */
export function followViews(room: ViewChannel, onView: (view: TableView) => void): ViewFollower {
  const follower = new ViewFollower();
  const take = (followed: Followed) => {
    if ("view" in followed) onView(followed.view);
    else if ("resync" in followed) room.send(tableMessages.resync, {});
  };
  room.onMessage(tableMessages.view, (message) => take(follower.whole(message as WholeViewMessage)));
  room.onMessage(tableMessages.patch, (message) => take(follower.patch(message as ViewPatchMessage)));
  return follower;
}
