// The events one decision emits, folded as they are added, so that later steps of the same
// decision (is this the fourth acceptance? are the rounds over?) see the earlier ones.
import type { TableEvent } from "./events.ts";
import { evolve } from "./evolve.ts";
import type { TableState } from "./state.ts";

export class EventBatch {
  readonly events: TableEvent[] = [];
  state: TableState;

  constructor(state: TableState) {
    this.state = state;
  }

  push(event: TableEvent): this {
    this.events.push(event);
    this.state = evolve(this.state, event);
    return this;
  }
}
