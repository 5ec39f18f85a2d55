// Red-line propagation over partial packages: each issue keeps the set (bit mask) of options
// still possible, rules are evaluated three-valued on those sets, and options that would
// certainly break a rule are removed. Changes are trailed so the search can backtrack.
import type { CompiledRule } from "./model.ts";

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth3 = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** Kleene truth of a rule when each issue may still take any option in its domain. */
export function truthOnDomains(rule: CompiledRule, domains: Uint32Array): Truth3 {
  switch (rule.kind) {
    case "in": {
      const domain = domains[rule.issue] as number;
      if ((domain & rule.mask) === 0) return FALSE;
      return (domain & ~rule.mask) === 0 ? TRUE : UNKNOWN;
    }
    case "not": {
      const t = truthOnDomains(rule.rule, domains);
      return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
    }
    case "all": {
      let result: Truth3 = TRUE;
      for (const r of rule.rules) {
        const t = truthOnDomains(r, domains);
        if (t === FALSE) return FALSE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    }
    case "any": {
      let result: Truth3 = FALSE;
      for (const r of rule.rules) {
        const t = truthOnDomains(r, domains);
        if (t === TRUE) return TRUE;
        if (t === UNKNOWN) result = UNKNOWN;
      }
      return result;
    }
    case "implies": {
      const condition = truthOnDomains(rule.condition, domains);
      if (condition === FALSE) return TRUE;
      const consequence = truthOnDomains(rule.consequence, domains);
      if (consequence === TRUE) return TRUE;
      return condition === TRUE && consequence === FALSE ? FALSE : UNKNOWN;
    }
  }
}

/** A membership test whose truth the domains leave open: a place to split the search. */
function openMembership(rule: CompiledRule, domains: Uint32Array): { issue: number; mask: number } | null {
  switch (rule.kind) {
    case "in": {
      const domain = domains[rule.issue] as number;
      return (domain & rule.mask) !== 0 && (domain & ~rule.mask) !== 0 ? rule : null;
    }
    case "not":
      return openMembership(rule.rule, domains);
    case "all":
    case "any":
      for (const r of rule.rules) {
        const found = openMembership(r, domains);
        if (found) return found;
      }
      return null;
    case "implies":
      return openMembership(rule.condition, domains) ?? openMembership(rule.consequence, domains);
  }
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export type ConstrainedRule = { rule: CompiledRule; scope: readonly number[] };

const DOMAIN = 0;
const ENTAILED = 1;

/**
 * Domains plus the rules to enforce on them. `restrict` narrows a domain and propagates;
 * `mark`/`undo` backtrack. A rule whose truth is settled for every remaining combination
 * is "entailed" and no longer looked at; when none is open, every package left is feasible.
 */
export class ConstraintStore {
  readonly domains: Uint32Array;
  readonly rules: readonly ConstrainedRule[];
  private readonly rulesByIssue: number[][];
  private readonly entailed: Uint8Array;
  private open: number;
  private readonly trail: number[] = [];

  constructor(sizes: readonly number[], rules: readonly ConstrainedRule[]) {
    this.domains = Uint32Array.from(sizes, (n) => (n >= 32 ? 0xffffffff : (1 << n) - 1) >>> 0);
    this.rules = rules;
    this.rulesByIssue = sizes.map(() => []);
    rules.forEach((rule, r) => {
      for (const issue of rule.scope) this.rulesByIssue[issue]?.push(r);
    });
    this.entailed = new Uint8Array(rules.length);
    this.open = rules.length;
  }

  /** Number of rules not yet settled. */
  get openRules(): number {
    return this.open;
  }

  mark(): number {
    return this.trail.length;
  }

  undo(mark: number): void {
    const trail = this.trail;
    while (trail.length > mark) {
      const old = trail.pop() as number;
      const index = trail.pop() as number;
      const kind = trail.pop() as number;
      if (kind === DOMAIN) this.domains[index] = old;
      else {
        this.entailed[index] = 0;
        this.open++;
      }
    }
  }

  /** Checks every rule once, e.g. at the root. False when no package can satisfy them all. */
  propagateAll(): boolean {
    return this.propagate(Array.from(this.domains.keys()));
  }

  /** Keeps only the options in `mask` for an issue, then propagates. False on a dead end. */
  restrict(issue: number, mask: number): boolean {
    const domain = this.domains[issue] as number;
    const next = (domain & mask) >>> 0;
    if (next === 0) return false;
    if (next === domain) return true;
    this.setDomain(issue, next);
    return this.propagate([issue]);
  }

  /** An open membership test of some open rule, to split on; null when every rule is settled. */
  splitPoint(): { issue: number; mask: number } | null {
    for (let r = 0; r < this.rules.length; r++) {
      if (this.entailed[r]) continue;
      const found = openMembership((this.rules[r] as ConstrainedRule).rule, this.domains);
      if (found) return found;
    }
    return null;
  }

  private setDomain(issue: number, value: number): void {
    this.trail.push(DOMAIN, issue, this.domains[issue] as number);
    this.domains[issue] = value;
  }

  private entail(r: number): void {
    this.trail.push(ENTAILED, r, 0);
    this.entailed[r] = 1;
    this.open--;
  }

  private propagate(queue: number[]): boolean {
    const domains = this.domains;
    while (queue.length > 0) {
      const issue = queue.pop() as number;
      for (const r of this.rulesByIssue[issue] ?? []) {
        if (this.entailed[r]) continue;
        const { rule, scope } = this.rules[r] as ConstrainedRule;
        const truth = truthOnDomains(rule, domains);
        if (truth === FALSE) return false;
        if (truth === TRUE) {
          this.entail(r);
          continue;
        }
        // Forward checking: drop each option that settles the rule as broken on its own.
        for (const j of scope) {
          const domain = domains[j] as number;
          if ((domain & (domain - 1)) === 0) continue;
          let keep = 0;
          for (let rest = domain; rest !== 0; rest &= rest - 1) {
            const bit = rest & -rest;
            domains[j] = bit;
            if (truthOnDomains(rule, domains) !== FALSE) keep |= bit;
          }
          domains[j] = domain;
          if (keep === 0) return false;
          if (keep >>> 0 !== domain) {
            this.setDomain(j, keep >>> 0);
            queue.push(j);
          }
        }
        if (truthOnDomains(rule, domains) === TRUE) this.entail(r);
      }
    }
    return true;
  }
}
