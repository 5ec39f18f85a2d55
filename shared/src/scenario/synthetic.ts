// Generated scenarios for benchmarks and property tests: any number of roles (2 to 6 make a valid
// scenario), issues and options, seeded random additive utilities with built-in conflict, a few
// red lines per role, and on request more variants (each with its own red lines and brief notes)
// and news events (that move no-deal values and add red lines).

import { createRandom, type Random } from "../random.ts";
import type { Rule } from "../redLines/rule.ts";
import { formatScenarioErrors, loadScenario } from "./load.ts";
import type { RedLine, RoleUtility, Scenario, ScenarioEvent, Variant } from "./schema.ts";

export type SyntheticOptions = {
  seed: number | string;
  roles?: number;
  issues?: number;
  options?: number;
  redLinesPerRole?: number;
  /** Every role's BATNA. */
  batna?: number;
  /** Variants (default 1); each one after the first adds a red line and a brief note per role. */
  variants?: number;
  /** News events (default 0): each moves a role's BATNA and adds a red line to another role. */
  events?: number;
};

const SOURCE = [{ file: "synthetic.txt", section: "Generated" }];

/**
 * A valid scenario (checked by `loadScenario`) with ids `party-1…`, `issue-1…`, `option-1…`,
 * `variant-2…` and `event-1…`, named "Party 1", "Issue 1", "Option 1"… Every private text (brief,
 * red line, variant note) names its role, so tests can tell whose it is.
 */
export function syntheticScenario(options: SyntheticOptions): Scenario {
  const {
    seed,
    roles = 4,
    issues = 20,
    options: optionCount = 4,
    redLinesPerRole = 3,
    batna = 50,
    variants = 1,
    events = 0,
  } = options;
  const random = createRandom(`synthetic:${seed}`);
  const roleIds = Array.from({ length: roles }, (_, r) => `party-${r + 1}`);
  const issueIds = Array.from({ length: issues }, (_, i) => `issue-${i + 1}`);
  const optionIds = Array.from({ length: optionCount }, (_, o) => `option-${o + 1}`);

  // Each issue has a left–right axis; the first two roles pull in opposite directions on
  // every issue, the others pick a side per issue. Noise keeps packages from tying.
  const positions = issueIds.map(() => optionIds.map(() => random.next()));
  const utilities: Record<string, RoleUtility> = {};
  roleIds.forEach((role, r) => {
    const weights = randomWeights(random, issues);
    const scores = Object.fromEntries(
      issueIds.map((issue, i) => {
        const side = r === 0 ? 1 : r === 1 ? -1 : random.chance(0.5) ? 1 : -1;
        const byOption = optionIds.map((option, o) => {
          const p = positions[i]?.[o] ?? 0;
          const leaning = side > 0 ? p : 1 - p;
          return [option, Math.round(70 * leaning + 30 * random.next())] as const;
        });
        return [issue, Object.fromEntries(byOption)];
      }),
    );
    utilities[role] = {
      batna,
      weights: Object.fromEntries(issueIds.map((id, i) => [id, weights[i] ?? 0])),
      scores,
    };
  });

  const nameOf = (role: string) => `Party ${roleIds.indexOf(role) + 1}`;
  const redLine = (role: string, id: string, title: string): RedLine => ({
    id,
    title,
    rule: randomRule(random, issueIds, optionIds, utilities[role] as RoleUtility),
    explanation: `Generated: ${title}.`,
    sources: SOURCE,
  });
  const redLines: Record<string, RedLine[]> = {};
  for (const role of roleIds) {
    redLines[role] = Array.from({ length: redLinesPerRole }, (_, k) =>
      redLine(role, `${role}-line-${k + 1}`, `Red line ${k + 1} of ${nameOf(role)}`),
    );
  }
  // Drawn after everything above, so the default scenario of a seed stays what it always was.
  const extraVariants: Variant[] = Array.from({ length: Math.max(0, variants - 1) }, (_, v) => {
    const id = `variant-${v + 2}`;
    return {
      id,
      name: `Variant ${v + 2}`,
      description: `Generated variant ${v + 2}.`,
      redLines: Object.fromEntries(
        roleIds.map((role) => [
          role,
          [redLine(role, `${role}-${id}-line`, `Red line of ${nameOf(role)} in variant ${v + 2}`)],
        ]),
      ),
      briefNotes: Object.fromEntries(
        roleIds.map((role) => [role, `Note of ${nameOf(role)} in variant ${v + 2}.`]),
      ),
      sources: SOURCE,
    };
  });
  const newsEvents: ScenarioEvent[] = Array.from({ length: events }, (_, e) => {
    const id = `event-${e + 1}`;
    const moved = random.pick(roleIds);
    const bound = random.pick(roleIds);
    return {
      id,
      title: `News ${e + 1}`,
      flash: `Generated news ${e + 1}.`,
      effects: [
        { kind: "batna", role: moved, delta: random.pick([-10, -5, 5, 10]) },
        {
          kind: "addRedLine",
          role: bound,
          redLine: redLine(bound, `${bound}-${id}-line`, `Red line of ${nameOf(bound)} after news ${e + 1}`),
        },
      ],
      sources: SOURCE,
    };
  });

  const data: Scenario = {
    format: "red-lines/scenario@1",
    id: `synthetic-${roles}x${issues}x${optionCount}`,
    title: `Synthetic scenario (${issues} issues × ${optionCount} options)`,
    summary: "Generated for benchmarks and tests.",
    documents: [{ file: "synthetic.txt", title: "Generated data" }],
    roles: roleIds.map((id) => ({
      id,
      name: nameOf(id),
      capacities: ["signatory"],
      publicStance: `Stance of ${nameOf(id)}.`,
      privateBrief: { summary: `Brief of ${nameOf(id)}.`, priorities: [`Priority of ${nameOf(id)}.`] },
      sources: SOURCE,
    })),
    issues: issueIds.map((id, i) => ({
      id,
      name: `Issue ${i + 1}`,
      description: `Generated issue ${i + 1}.`,
      options: optionIds.map((o, k) => ({ id: o, label: `Option ${k + 1}` })),
      sources: SOURCE,
    })),
    utilities,
    redLines,
    variants: [
      { id: "default", name: "Default", description: "The first variant.", redLines: {}, sources: SOURCE },
      ...extraVariants,
    ],
    defaultVariant: "default",
    events: newsEvents,
    turnOrder: roleIds,
    clock: { rounds: 6, turnSeconds: 120 },
    outcomes: [
      {
        id: "agreement",
        title: "Agreement",
        description: "The parties agreed on a package.",
        endings: ["agreement"],
        sources: SOURCE,
      },
      {
        id: "no-agreement",
        title: "No agreement",
        description: "The talks ended without a package everyone accepted.",
        endings: ["rounds-exhausted", "ended-by-instructor"],
        sources: SOURCE,
      },
      {
        id: "walk-out",
        title: "Walk-out",
        description: "A party left the talks.",
        endings: ["walk-out"],
        sources: SOURCE,
      },
    ],
  };
  const loaded = loadScenario(data);
  if (!loaded.ok) throw new Error(`synthetic scenario is invalid:\n${formatScenarioErrors(loaded.errors)}`);
  return loaded.scenario;
}

/** Positive integer weights summing to 100. */
function randomWeights(random: Random, n: number): number[] {
  const raw = Array.from({ length: n }, () => 0.2 + random.next());
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((x) => Math.max(1, Math.floor((x * 100) / total)));
  // Hand the rounding remainder to random issues, never taking one below 1.
  let left = 100 - weights.reduce((a, b) => a + b, 0);
  while (left !== 0) {
    const i = random.int(n);
    const w = weights[i] as number;
    if (left > 0) {
      weights[i] = w + 1;
      left--;
    } else if (w > 1) {
      weights[i] = w - 1;
      left++;
    }
  }
  return weights;
}

/** One of three shapes: refuse the role's worst option, a conditional demand, or a choice of two demands. */
function randomRule(random: Random, issues: string[], options: string[], utility: RoleUtility): Rule {
  const issue = random.pick(issues);
  const other = random.pick(issues.filter((i) => i !== issue));
  const optionOf = () => random.pick(options);
  switch (random.int(3)) {
    case 0: {
      const scores = utility.scores[issue] ?? {};
      const worst = options.reduce((a, b) => ((scores[b] ?? 0) < (scores[a] ?? 0) ? b : a));
      return { not: { in: { issue, options: [worst] } } };
    }
    case 1:
      return {
        implies: [
          { in: { issue, options: [optionOf()] } },
          { not: { in: { issue: other, options: [optionOf()] } } },
        ],
      };
    default: {
      const pair = random.shuffle(options).slice(0, 2);
      return { any: [{ in: { issue, options: pair } }, { in: { issue: other, options: [optionOf()] } }] };
    }
  }
}
