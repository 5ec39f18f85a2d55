// Branch-and-bound inside one box of feasible packages. Red lines are settled there, so what
// is left is additive utility: issues are taken one by one, and at each node the walker gets
// the utilities secured so far plus optimistic/pessimistic totals of what remains.
import type { Model } from "./model.ts";

export type Box = {
  roles: number;
  /** Issues with more than one option left, in search order. */
  order: Int32Array;
  /** Per depth: allowed option indices, best first for the ranking used. */
  options: Int32Array[];
  /** values[depth][k * roles + r]: role r's value for the k-th allowed option at that depth. */
  values: Float64Array[];
  /** Per role, utility fixed by issues with a single option left. */
  base: Float64Array;
  /** maxRest[depth * roles + r]: the most role r can still get from issues at depth ≥ depth. */
  maxRest: Float64Array;
  minRest: Float64Array;
  /** Number of packages below a node at each depth. */
  countRest: Float64Array;
  /** Option chosen per issue (fixed issues prefilled); the walker fills the rest. */
  choice: Int32Array;
};

/** Node budget shared by a whole analysis step, so huge spaces fail fast instead of hanging. */
export type Budget = { used: number; limit: number };

export function unlimited(): Budget {
  return { used: 0, limit: Number.POSITIVE_INFINITY };
}

/**
 * Prepares a box for search. `rank` weighs the roles' values to order options (best first)
 * and issues (widest spread of ranked value first), so good packages are met early.
 */
export function prepareBox(model: Model, domains: Uint32Array, rank: ArrayLike<number>): Box {
  const roles = model.roles.length;
  const base = new Float64Array(roles);
  const choice = new Int32Array(model.issues.length).fill(-1);
  const free: { issue: number; options: number[]; spread: number }[] = [];
  for (let i = 0; i < model.issues.length; i++) {
    const domain = domains[i] as number;
    const options: number[] = [];
    for (let o = 0; o < (model.sizes[i] as number); o++) if (domain & (1 << o)) options.push(o);
    const ranked = (o: number) => {
      let s = 0;
      for (let r = 0; r < roles; r++) s += (rank[r] as number) * (model.value[r]?.[i]?.[o] as number);
      return s;
    };
    if (options.length === 1) {
      const o = options[0] as number;
      choice[i] = o;
      for (let r = 0; r < roles; r++) base[r] = (base[r] as number) + (model.value[r]?.[i]?.[o] as number);
      continue;
    }
    options.sort((a, b) => ranked(b) - ranked(a) || a - b);
    const spread = ranked(options[0] as number) - ranked(options[options.length - 1] as number);
    free.push({ issue: i, options, spread });
  }
  free.sort((a, b) => b.spread - a.spread || a.issue - b.issue);

  const depth = free.length;
  const maxRest = new Float64Array((depth + 1) * roles);
  const minRest = new Float64Array((depth + 1) * roles);
  const countRest = new Float64Array(depth + 1);
  countRest[depth] = 1;
  const values = free.map(({ issue, options }) => {
    const v = new Float64Array(options.length * roles);
    options.forEach((o, k) => {
      for (let r = 0; r < roles; r++) v[k * roles + r] = model.value[r]?.[issue]?.[o] as number;
    });
    return v;
  });
  for (let t = depth - 1; t >= 0; t--) {
    const v = values[t] as Float64Array;
    const n = (free[t] as (typeof free)[number]).options.length;
    countRest[t] = (countRest[t + 1] as number) * n;
    for (let r = 0; r < roles; r++) {
      let hi = Number.NEGATIVE_INFINITY;
      let lo = Number.POSITIVE_INFINITY;
      for (let k = 0; k < n; k++) {
        const x = v[k * roles + r] as number;
        if (x > hi) hi = x;
        if (x < lo) lo = x;
      }
      maxRest[t * roles + r] = (maxRest[(t + 1) * roles + r] as number) + hi;
      minRest[t * roles + r] = (minRest[(t + 1) * roles + r] as number) + lo;
    }
  }
  return {
    roles,
    order: Int32Array.from(free, (f) => f.issue),
    options: free.map((f) => Int32Array.from(f.options)),
    values,
    base,
    maxRest,
    minRest,
    countRest,
    choice,
  };
}

/**
 * restMax[depth]: the best total of Σ_r weights[r]·value_r still available from the issues at
 * that depth or deeper — the separable bound behind the Nash, Kalai–Smorodinsky and welfare cuts.
 */
export function linearRestMax(box: Box, weights: ArrayLike<number>): Float64Array {
  const depth = box.order.length;
  const roles = box.roles;
  const rest = new Float64Array(depth + 1);
  for (let t = depth - 1; t >= 0; t--) {
    const v = box.values[t] as Float64Array;
    const n = (box.options[t] as Int32Array).length;
    let best = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let r = 0; r < roles; r++) s += (weights[r] as number) * (v[k * roles + r] as number);
      if (s > best) best = s;
    }
    rest[t] = (rest[t + 1] as number) + best;
  }
  return rest;
}

export type Walker = {
  /** True to skip the packages below this node. `sums` are the utilities secured so far. */
  cut(depth: number, sums: Float64Array): boolean;
  /** A complete package: `sums` are its utilities, `box.choice` its options. */
  leaf(sums: Float64Array, choice: Int32Array): void;
};

/** Depth-first walk of a box. Returns false when the budget ran out before the end. */
export function walkBox(box: Box, walker: Walker, budget: Budget): boolean {
  const roles = box.roles;
  const depth = box.order.length;
  const stack = Array.from({ length: depth + 1 }, () => new Float64Array(roles));
  (stack[0] as Float64Array).set(box.base);
  const choice = box.choice;
  const visit = (t: number): boolean => {
    if (++budget.used > budget.limit) return false;
    const sums = stack[t] as Float64Array;
    if (walker.cut(t, sums)) return true;
    if (t === depth) {
      walker.leaf(sums, choice);
      return true;
    }
    const issue = box.order[t] as number;
    const options = box.options[t] as Int32Array;
    const v = box.values[t] as Float64Array;
    const next = stack[t + 1] as Float64Array;
    for (let k = 0; k < options.length; k++) {
      for (let r = 0; r < roles; r++) next[r] = (sums[r] as number) + (v[k * roles + r] as number);
      choice[issue] = options[k] as number;
      if (!visit(t + 1)) return false;
    }
    return true;
  };
  return visit(0);
}
