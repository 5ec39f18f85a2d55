// Checks a structurally valid scenario for what a schema cannot see: ids that must exist,
// ids that must be unique, weights that must sum to 100, turn orders that must name every role.
import type { Rule } from "../redLines/rule.ts";
import { forEachMembership } from "../redLines/rule.ts";
import { outcomeErrors } from "./outcomes.ts";
import type { RedLine, Scenario, SourceRef } from "./schema.ts";
import { translationErrors } from "./translations.ts";

export type Path = (string | number)[];
export type ScenarioError = { path: string; message: string };

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
  const fail = (path: Path, message: string) => errors.push({ path: formatPath(path), message });

  const roleIds = new Set(scenario.roles.map((r) => r.id));
  const issueById = new Map(scenario.issues.map((i) => [i.id, i]));
  const variantIds = new Set(scenario.variants.map((v) => v.id));
  const documentFiles = new Set(scenario.documents.map((d) => d.file));

  const unique = (ids: { id: string; path: Path }[], what: string) => {
    const first = new Map<string, Path>();
    for (const { id, path } of ids) {
      const seen = first.get(id);
      if (seen) fail(path, `duplicate ${what} id "${id}" (first used at ${formatPath(seen)})`);
      else first.set(id, path);
    }
  };
  unique(
    scenario.documents.map((d, i) => ({ id: d.file, path: ["documents", i, "file"] })),
    "document",
  );
  unique(
    scenario.roles.map((r, i) => ({ id: r.id, path: ["roles", i, "id"] })),
    "role",
  );
  unique(
    scenario.issues.map((s, i) => ({ id: s.id, path: ["issues", i, "id"] })),
    "issue",
  );
  scenario.issues.forEach((issue, i) => {
    unique(
      issue.options.map((o, j) => ({ id: o.id, path: ["issues", i, "options", j, "id"] })),
      `option (issue "${issue.id}")`,
    );
  });
  unique(
    scenario.variants.map((v, i) => ({ id: v.id, path: ["variants", i, "id"] })),
    "variant",
  );
  unique(
    scenario.events.map((e, i) => ({ id: e.id, path: ["events", i, "id"] })),
    "event",
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
  );

  const checkRole = (role: string, path: Path) => {
    if (!roleIds.has(role)) fail(path, `unknown role "${role}"`);
  };
  const checkIssueOption = (issueId: string, optionId: string | undefined, path: Path, optionPath: Path) => {
    const issue = issueById.get(issueId);
    if (!issue) {
      fail(path, `unknown issue "${issueId}"`);
      return;
    }
    if (optionId !== undefined && !issue.options.some((o) => o.id === optionId)) {
      fail(optionPath, `unknown option "${optionId}" for issue "${issueId}"`);
    }
  };
  const checkRule = (rule: Rule, path: Path) => {
    forEachMembership(rule, (membership, at) => {
      const issue = issueById.get(membership.issue);
      if (!issue) {
        fail([...path, ...at, "issue"], `unknown issue "${membership.issue}"`);
        return;
      }
      const seen = new Set<string>();
      membership.options.forEach((option, k) => {
        const optionPath = [...path, ...at, "options", k];
        if (!issue.options.some((o) => o.id === option)) {
          fail(optionPath, `unknown option "${option}" for issue "${issue.id}"`);
        } else if (seen.has(option)) {
          fail(optionPath, `option "${option}" is listed twice`);
        }
        seen.add(option);
      });
    });
  };
  const checkSources = (sources: readonly SourceRef[], path: Path) => {
    sources.forEach((source, i) => {
      if (!documentFiles.has(source.file)) {
        fail([...path, i, "file"], `"${source.file}" is not one of the scenario's documents`);
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
      fail(["utilities"], `missing utilities for role "${role.id}"`);
      continue;
    }
    const base = ["utilities", role.id];
    for (const issueId of Object.keys(utility.weights)) {
      if (!issueById.has(issueId)) fail([...base, "weights", issueId], `unknown issue "${issueId}"`);
    }
    for (const issueId of Object.keys(utility.scores)) {
      if (!issueById.has(issueId)) fail([...base, "scores", issueId], `unknown issue "${issueId}"`);
    }
    let total = 0;
    for (const issue of scenario.issues) {
      const weight = utility.weights[issue.id];
      if (weight === undefined) fail([...base, "weights"], `missing weight for issue "${issue.id}"`);
      else total += weight;
      const scores = utility.scores[issue.id];
      if (!scores) {
        fail([...base, "scores"], `missing scores for issue "${issue.id}"`);
        continue;
      }
      for (const optionId of Object.keys(scores)) {
        if (!issue.options.some((o) => o.id === optionId)) {
          fail(
            [...base, "scores", issue.id, optionId],
            `unknown option "${optionId}" for issue "${issue.id}"`,
          );
        }
      }
      for (const option of issue.options) {
        if (scores[option.id] === undefined) {
          fail([...base, "scores", issue.id], `missing score for option "${option.id}"`);
        }
      }
    }
    if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
      fail([...base, "weights"], `weights must sum to 100 (they sum to ${round(total)})`);
    }
  }

  if (!variantIds.has(scenario.defaultVariant)) {
    fail(["defaultVariant"], `unknown variant "${scenario.defaultVariant}"`);
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
            fail([...path, "redLine"], `role "${effect.role}" has no red line "${effect.redLine}"`);
          }
          break;
        case "setVariant":
          if (!variantIds.has(effect.variant))
            fail([...path, "variant"], `unknown variant "${effect.variant}"`);
          break;
        default:
          break;
      }
    });
  });

  // Turn order: every role exactly once.
  const seen = new Set<string>();
  scenario.turnOrder.forEach((role, i) => {
    if (!roleIds.has(role)) fail(["turnOrder", i], `unknown role "${role}"`);
    else if (seen.has(role)) fail(["turnOrder", i], `role "${role}" appears twice`);
    seen.add(role);
  });
  for (const role of scenario.roles) {
    if (!seen.has(role.id)) fail(["turnOrder"], `role "${role.id}" is missing from the turn order`);
  }

  scenario.roles.forEach((role, i) => {
    checkSources(role.sources, ["roles", i, "sources"]);
  });
  scenario.issues.forEach((issue, i) => {
    checkSources(issue.sources, ["issues", i, "sources"]);
  });

  // Outcome classes: known ids, and every ending in exactly one class.
  outcomeErrors(scenario.outcomes, scenario, fail);
  scenario.outcomes.forEach((outcome, i) => {
    checkSources(outcome.sources, ["outcomes", i, "sources"]);
  });

  // Translations: every text they give is a text the scenario has.
  for (const error of translationErrors(scenario)) fail(error.path, error.message);

  return errors;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
