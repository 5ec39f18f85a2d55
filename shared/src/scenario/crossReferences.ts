// Checks a structurally valid scenario for what a schema cannot see: ids that must exist,
// ids that must be unique, weights that must sum to 100, turn orders that must name every role.
import type checks from "../../../client/messages/en/checks.json";
import type { Rule } from "../redLines/rule.ts";
import { forEachMembership } from "../redLines/rule.ts";
import { outcomeErrors } from "./outcomes.ts";
import type { RedLine, Scenario, SourceRef } from "./schema.ts";
import { translationErrors } from "./translations.ts";

export type Path = (string | number)[];

/** "scenario.unknown-role": the dotted path of a message in client/messages/<locale>/checks.json. */
type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type CheckCode = Paths<typeof checks>;

/**
 * A problem as a code and its values, for a reader of any language: the studio renders it from
 * its message (namespace `checks`), whose English is the problem's `message`.
 */
export type CheckProblem = { code: CheckCode; values?: Record<string, string | number> };

/**
 * One problem of a scenario: where it is, and what is wrong in English (the CLI's and the HTTP
 * API's words); `problem` says the same as a code when the check has one for it.
 */
export type ScenarioError = { path: string; message: string; problem?: CheckProblem };

/** `issues[2].options[0].id` style, the way an author finds the spot in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

const WEIGHT_TOLERANCE = 1e-6;

export function crossReferenceErrors(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const fail = (path: Path, message: string, problem?: CheckProblem) =>
    errors.push({ path: formatPath(path), message, ...(problem ? { problem } : {}) });

  const roleIds = new Set(scenario.roles.map((r) => r.id));
  const issueById = new Map(scenario.issues.map((i) => [i.id, i]));
  const variantIds = new Set(scenario.variants.map((v) => v.id));
  const documentFiles = new Set(scenario.documents.map((d) => d.file));

  const unique = (
    ids: { id: string; path: Path }[],
    what: string,
    code: CheckCode,
    values: Record<string, string> = {},
  ) => {
    const first = new Map<string, Path>();
    for (const { id, path } of ids) {
      const seen = first.get(id);
      if (seen)
        fail(path, `duplicate ${what} id "${id}" (first used at ${formatPath(seen)})`, {
          code,
          values: { ...values, id, first: formatPath(seen) },
        });
      else first.set(id, path);
    }
  };
  unique(
    scenario.documents.map((d, i) => ({ id: d.file, path: ["documents", i, "file"] })),
    "document",
    "scenario.duplicate-document",
  );
  unique(
    scenario.roles.map((r, i) => ({ id: r.id, path: ["roles", i, "id"] })),
    "role",
    "scenario.duplicate-role",
  );
  unique(
    scenario.issues.map((s, i) => ({ id: s.id, path: ["issues", i, "id"] })),
    "issue",
    "scenario.duplicate-issue",
  );
  scenario.issues.forEach((issue, i) => {
    unique(
      issue.options.map((o, j) => ({ id: o.id, path: ["issues", i, "options", j, "id"] })),
      `option (issue "${issue.id}")`,
      "scenario.duplicate-option",
      { issue: issue.id },
    );
  });
  unique(
    scenario.variants.map((v, i) => ({ id: v.id, path: ["variants", i, "id"] })),
    "variant",
    "scenario.duplicate-variant",
  );
  unique(
    scenario.events.map((e, i) => ({ id: e.id, path: ["events", i, "id"] })),
    "event",
    "scenario.duplicate-event",
  );

  // Every red line, wherever it is declared, with the role that holds it.
  const redLines: { role: string; redLine: RedLine; path: Path }[] = [];
  for (const [role, list] of Object.entries(scenario.redLines)) {
    list.forEach((redLine, i) => {
      redLines.push({ role, redLine, path: ["redLines", role, i] });
    });
  }
  scenario.variants.forEach((variant, v) => {
    for (const [role, list] of Object.entries(variant.redLines)) {
      list.forEach((redLine, i) => {
        redLines.push({ role, redLine, path: ["variants", v, "redLines", role, i] });
      });
    }
  });
  scenario.events.forEach((event, e) => {
    event.effects.forEach((effect, f) => {
      if (effect.kind === "addRedLine") {
        redLines.push({
          role: effect.role,
          redLine: effect.redLine,
          path: ["events", e, "effects", f, "redLine"],
        });
      }
    });
  });
  unique(
    redLines.map(({ redLine, path }) => ({ id: redLine.id, path: [...path, "id"] })),
    "red line",
    "scenario.duplicate-red-line",
  );

  const unknownRole = (path: Path, role: string) =>
    fail(path, `unknown role "${role}"`, { code: "scenario.unknown-role", values: { role } });
  const unknownIssue = (path: Path, issue: string) =>
    fail(path, `unknown issue "${issue}"`, { code: "scenario.unknown-issue", values: { issue } });
  const unknownOption = (path: Path, option: string, issue: string) =>
    fail(path, `unknown option "${option}" for issue "${issue}"`, {
      code: "scenario.unknown-option",
      values: { option, issue },
    });
  const unknownVariant = (path: Path, variant: string) =>
    fail(path, `unknown variant "${variant}"`, { code: "scenario.unknown-variant", values: { variant } });
  const checkRole = (role: string, path: Path) => {
    if (!roleIds.has(role)) unknownRole(path, role);
  };
  const checkIssueOption = (issueId: string, optionId: string | undefined, path: Path, optionPath: Path) => {
    const issue = issueById.get(issueId);
    if (!issue) {
      unknownIssue(path, issueId);
      return;
    }
    if (optionId !== undefined && !issue.options.some((o) => o.id === optionId)) {
      unknownOption(optionPath, optionId, issueId);
    }
  };
  const checkRule = (rule: Rule, path: Path) => {
    forEachMembership(rule, (membership, at) => {
      const issue = issueById.get(membership.issue);
      if (!issue) {
        unknownIssue([...path, ...at, "issue"], membership.issue);
        return;
      }
      const seen = new Set<string>();
      membership.options.forEach((option, k) => {
        const optionPath = [...path, ...at, "options", k];
        if (!issue.options.some((o) => o.id === option)) {
          unknownOption(optionPath, option, issue.id);
        } else if (seen.has(option)) {
          fail(optionPath, `option "${option}" is listed twice`, {
            code: "scenario.option-twice",
            values: { option },
          });
        }
        seen.add(option);
      });
    });
  };
  const checkSources = (sources: readonly SourceRef[], path: Path) => {
    sources.forEach((source, i) => {
      if (!documentFiles.has(source.file)) {
        fail([...path, i, "file"], `"${source.file}" is not one of the scenario's documents`, {
          code: "scenario.unknown-document",
          values: { file: source.file },
        });
      }
    });
  };

  for (const { role, redLine, path } of redLines) {
    // Roles of red lines declared under a role key are reported where the key is.
    if (path[0] === "events") checkRole(role, [...path.slice(0, -1), "role"]);
    checkRule(redLine.rule, [...path, "rule"]);
    checkSources(redLine.sources, [...path, "sources"]);
  }
  for (const role of Object.keys(scenario.redLines)) checkRole(role, ["redLines", role]);
  scenario.variants.forEach((variant, v) => {
    for (const role of Object.keys(variant.redLines)) checkRole(role, ["variants", v, "redLines", role]);
    for (const role of Object.keys(variant.briefNotes ?? {}))
      checkRole(role, ["variants", v, "briefNotes", role]);
    checkSources(variant.sources, ["variants", v, "sources"]);
  });

  // Utilities: one per role, a weight and a score for every issue and option, weights summing to 100.
  for (const role of Object.keys(scenario.utilities)) checkRole(role, ["utilities", role]);
  for (const role of scenario.roles) {
    const utility = scenario.utilities[role.id];
    if (!utility) {
      fail(["utilities"], `missing utilities for role "${role.id}"`, {
        code: "scenario.missing-utilities",
        values: { role: role.id },
      });
      continue;
    }
    const base = ["utilities", role.id];
    for (const issueId of Object.keys(utility.weights)) {
      if (!issueById.has(issueId)) unknownIssue([...base, "weights", issueId], issueId);
    }
    for (const issueId of Object.keys(utility.scores)) {
      if (!issueById.has(issueId)) unknownIssue([...base, "scores", issueId], issueId);
    }
    let total = 0;
    for (const issue of scenario.issues) {
      const weight = utility.weights[issue.id];
      if (weight === undefined)
        fail([...base, "weights"], `missing weight for issue "${issue.id}"`, {
          code: "scenario.missing-weight",
          values: { issue: issue.id },
        });
      else total += weight;
      const scores = utility.scores[issue.id];
      if (!scores) {
        fail([...base, "scores"], `missing scores for issue "${issue.id}"`, {
          code: "scenario.missing-scores",
          values: { issue: issue.id },
        });
        continue;
      }
      for (const optionId of Object.keys(scores)) {
        if (!issue.options.some((o) => o.id === optionId)) {
          unknownOption([...base, "scores", issue.id, optionId], optionId, issue.id);
        }
      }
      for (const option of issue.options) {
        if (scores[option.id] === undefined) {
          fail([...base, "scores", issue.id], `missing score for option "${option.id}"`, {
            code: "scenario.missing-score",
            values: { option: option.id },
          });
        }
      }
    }
    if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
      const sum = round(total);
      fail([...base, "weights"], `weights must sum to 100 (they sum to ${sum})`, {
        code: "scenario.weights-sum",
        values: { sum },
      });
    }
  }

  if (!variantIds.has(scenario.defaultVariant)) {
    unknownVariant(["defaultVariant"], scenario.defaultVariant);
  }

  // Events: every id an effect names must exist; a removed red line must be one its role can hold.
  const redLineIdsByRole = new Map<string, Set<string>>();
  for (const { role, redLine } of redLines) {
    const ids = redLineIdsByRole.get(role) ?? new Set<string>();
    ids.add(redLine.id);
    redLineIdsByRole.set(role, ids);
  }
  scenario.events.forEach((event, e) => {
    checkSources(event.sources, ["events", e, "sources"]);
    event.effects.forEach((effect, f) => {
      const path = ["events", e, "effects", f];
      if (effect.kind !== "addRedLine") checkRole(effect.role, [...path, "role"]);
      switch (effect.kind) {
        case "score":
          checkIssueOption(effect.issue, effect.option, [...path, "issue"], [...path, "option"]);
          break;
        case "weight":
          checkIssueOption(effect.issue, undefined, [...path, "issue"], [...path, "issue"]);
          break;
        case "removeRedLine":
          if (!redLineIdsByRole.get(effect.role)?.has(effect.redLine)) {
            fail([...path, "redLine"], `role "${effect.role}" has no red line "${effect.redLine}"`, {
              code: "scenario.no-red-line",
              values: { role: effect.role, redLine: effect.redLine },
            });
          }
          break;
        case "setVariant":
          if (!variantIds.has(effect.variant)) unknownVariant([...path, "variant"], effect.variant);
          break;
        default:
          break;
      }
    });
  });

  // Turn order: every role exactly once.
  const seen = new Set<string>();
  scenario.turnOrder.forEach((role, i) => {
    if (!roleIds.has(role)) unknownRole(["turnOrder", i], role);
    else if (seen.has(role))
      fail(["turnOrder", i], `role "${role}" appears twice`, {
        code: "scenario.turn-twice",
        values: { role },
      });
    seen.add(role);
  });
  for (const role of scenario.roles) {
    if (!seen.has(role.id))
      fail(["turnOrder"], `role "${role.id}" is missing from the turn order`, {
        code: "scenario.turn-missing",
        values: { role: role.id },
      });
  }

  scenario.roles.forEach((role, i) => {
    checkSources(role.sources, ["roles", i, "sources"]);
  });
  scenario.issues.forEach((issue, i) => {
    checkSources(issue.sources, ["issues", i, "sources"]);
  });

  // Outcome classes: known ids, and every ending in exactly one class.
  outcomeErrors(scenario.outcomes, scenario, (path, message) => fail(path, message, outcomeProblem(message)));
  scenario.outcomes.forEach((outcome, i) => {
    checkSources(outcome.sources, ["outcomes", i, "sources"]);
  });

  // Translations: every text they give is a text the scenario has.
  for (const error of translationErrors(scenario)) fail(error.path, error.message, error.problem);

  return errors;
}

/**
 * The code of an outcome check's problem, read from its English (outcomes.ts says them in words
 * only). Whether no class or several fit an agreement, said with the scenario's own names, has no
 * code: the studio shows those in English.
 */
function outcomeProblem(message: string): CheckProblem | undefined {
  const matchers: [RegExp, (m: RegExpMatchArray) => CheckProblem][] = [
    [/^unknown role "([^"]*)"$/, (m) => ({ code: "scenario.unknown-role", values: { role: m[1] ?? "" } })],
    [/^unknown issue "([^"]*)"$/, (m) => ({ code: "scenario.unknown-issue", values: { issue: m[1] ?? "" } })],
    [
      /^unknown option "([^"]*)" for issue "([^"]*)"$/,
      (m) => ({ code: "scenario.unknown-option", values: { option: m[1] ?? "", issue: m[2] ?? "" } }),
    ],
    [
      /^option "([^"]*)" is listed twice$/,
      (m) => ({ code: "scenario.option-twice", values: { option: m[1] ?? "" } }),
    ],
    [
      /^ending "([^"]*)" is listed twice$/,
      (m) => ({ code: "outcome.ending-twice", values: { ending: m[1] ?? "" } }),
    ],
    [
      /^duplicate outcome class id "([^"]*)" \(first used at (\S+)\)$/,
      (m) => ({ code: "outcome.duplicate-id", values: { id: m[1] ?? "", first: m[2] ?? "" } }),
    ],
    [/^only a class of agreements alone /, () => ({ code: "outcome.rule-needs-agreement" })],
    [
      /^no outcome class covers .* \(add "(agreement|rounds-exhausted|walk-out|ended-by-instructor)" to one class's endings\)$/,
      (m) => ({ code: `outcome.uncovered-${m[1] as "agreement"}` }),
    ],
    [
      /^"([^"]*)" is also an ending of outcomes\[(\d+)\] \("([^"]*)"\): each ending belongs to one class$/,
      (m) => ({
        code: "outcome.ending-shared",
        values: { ending: m[1] ?? "", first: Number(m[2]), id: m[3] ?? "" },
      }),
    ],
    [
      /^the outcome rules tell apart ([\d,]+) cases, more than the ([\d,]+) the check can walk through/,
      (m) => ({
        code: "outcome.too-many-cases",
        values: { cases: Number(m[1]?.replaceAll(",", "")), limit: Number(m[2]?.replaceAll(",", "")) },
      }),
    ],
  ];
  for (const [pattern, problem] of matchers) {
    const match = message.match(pattern);
    if (match) return problem(match);
  }
  return undefined;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
