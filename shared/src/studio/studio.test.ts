import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../bots/simulate.ts";
import { runScenarioCli } from "../cli/commands.ts";
import { createRandom } from "../random.ts";
import { loadScenario } from "../scenario/load.ts";
import { scenarioData } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { balanceCheck } from "./balance.ts";
import {
  addIssue,
  addOption,
  addRole,
  blankDraft,
  type Draft,
  draftFrom,
  removeIssue,
  removeOption,
  removeRole,
  renameIssue,
  renameOption,
  renameRole,
  setAt,
} from "./draft.ts";
import { studioReport } from "./report.ts";

const ukraine = scenarioData("ukraine-2026") as Draft;

/** What `npm run scenario -- analyze … --json` prints, without its timing. */
function cliAnalysis(data: unknown, flags: string[]): unknown {
  let out = "";
  const code = runScenarioCli(["analyze", "draft.json", ...flags, "--json"], {
    out: (text) => {
      out += text;
    },
    err: () => {},
    readFile: () => JSON.stringify(data),
    now: () => 0,
  });
  expect(code).toBe(0);
  const { elapsedMs: _elapsed, ...rest } = JSON.parse(out) as Record<string, unknown>;
  return rest;
}

describe("the studio's live analysis", () => {
  it("gives, for every variant and every event, exactly the CLI's analyze figures", () => {
    const report = studioReport(ukraine);
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    expect(report.variants.map((v) => v.variant)).toEqual(["back-channel", "public-positions"]);
    for (const { name: _name, ...figures } of report.variants) {
      expect(figures).toEqual(cliAnalysis(ukraine, ["--variant", figures.variant]));
    }
    expect(report.events).toHaveLength(8);
    for (const change of report.events) {
      expect(change.after).toEqual(cliAnalysis(ukraine, ["--events", change.event]));
    }
    expect(report.variants[0]).toMatchObject({ feasible: 7776, zopa: 5452, paretoSize: 156 });
  });

  it("gives an invalid draft's errors, the CLI check's own, with their paths", () => {
    const draft = setAt(
      setAt(ukraine, ["issues", 0, "options", 1, "id"], "Not An Id"),
      ["clock", "rounds"],
      0,
    );
    const report = studioReport(draft);
    const loaded = loadScenario(draft);
    expect(loaded.ok).toBe(false);
    expect(report).toEqual({ ok: false, errors: loaded.ok ? [] : loaded.errors });
    expect(report.ok ? [] : report.errors.map((e) => e.path)).toEqual([
      "issues[0].options[1].id",
      "clock.rounds",
    ]);
  });

  it("never throws, whatever JSON an author imports", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const draft = draftFrom(value);
        const report = studioReport(draft);
        expect(report.ok).toBe(false);
        expect(Array.isArray(draft.roles) && Array.isArray(draft.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(draftFrom(ukraine)).toEqual(ukraine);
  });
});

describe("the studio's edits", () => {
  it("rename a role, an issue or an option everywhere: the scenario stays valid and its figures the same", () => {
    const random = createRandom("studio-renames");
    const before = studioReport(ukraine);
    if (!before.ok) throw new Error("ukraine-2026 is invalid");
    let draft = ukraine;
    const renamed = { roles: new Map<string, string>(), issues: new Map<string, string>() };
    for (let step = 0; step < 12; step++) {
      const issue = random.pick(draft.issues);
      const kind = random.int(3);
      if (kind === 0) {
        const role = random.pick(draft.roles).id;
        const to = `${role}-renamed-${step}`;
        renamed.roles.set(to, [...renamed.roles].find(([k]) => k === role)?.[1] ?? role);
        draft = renameRole(draft, role, to);
      } else if (kind === 1) {
        const to = `${issue.id}-x${step}`;
        renamed.issues.set(to, renamed.issues.get(issue.id) ?? issue.id);
        draft = renameIssue(draft, issue.id, to);
      } else {
        const option = random.pick(issue.options).id;
        draft = renameOption(draft, issue.id, option, `${option}-o${step}`);
      }
    }
    const after = studioReport(draft);
    if (!after.ok) throw new Error(JSON.stringify(after.errors));
    const counts = (r: typeof after) =>
      r.variants.map((v) => [
        v.feasible,
        v.zopa,
        v.paretoSize,
        v.nash && Object.values(v.nash.utilities).sort(),
      ]);
    expect(counts(after)).toEqual(counts(before));
    expect(after.events.map((e) => [e.after.feasible, e.after.zopa])).toEqual(
      before.events.map((e) => [e.after.feasible, e.after.zopa]),
    );
    expect(draft.roles.map((r) => r.id)).not.toEqual(ukraine.roles.map((r) => r.id));
  });

  it("refuse a rename onto an id in use", () => {
    expect(renameRole(ukraine, "us", "russia")).toBe(ukraine);
    expect(renameIssue(ukraine, "nato", "territory")).toBe(ukraine);
    expect(renameOption(ukraine, "territory", "deferred", "full-restoration")).toBe(ukraine);
  });

  it("add and remove roles, issues and options with their utilities, the one undoing the other", () => {
    const withRole = addRole(ukraine);
    const role = withRole.roles.at(-1)?.id as string;
    expect(role).toBe("role-1");
    expect(withRole.turnOrder.at(-1)).toBe(role);
    expect(Object.values(withRole.utilities[role]?.weights ?? {}).reduce((a, b) => a + b, 0)).toBe(100);
    expect(removeRole(withRole, role)).toEqual(ukraine);

    const withIssue = addIssue(ukraine);
    const issue = withIssue.issues.at(-1)?.id as string;
    for (const role of ukraine.roles) {
      expect(withIssue.utilities[role.id]?.weights[issue]).toBe(0);
      expect(withIssue.utilities[role.id]?.scores[issue]).toEqual({ "option-1": 50, "option-2": 50 });
    }
    expect(removeIssue(withIssue, issue)).toEqual(ukraine);

    const withOption = addOption(ukraine, "nato");
    expect(withOption.issues[4]?.options.at(-1)).toEqual({ id: "option-1", label: "" });
    expect(removeOption(withOption, "nato", "option-1")).toEqual(ukraine);
    // Labelled, the new option and issue leave a valid scenario whose space grows accordingly.
    const labelled = setAt(withOption, ["issues", 4, "options", 4, "label"], "A fifth path");
    const report = studioReport(labelled);
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    expect(report.variants[0]?.packages).toBe((12_441_600 / 4) * 5);
  });

  it("start from a blank scenario that names what is missing, and becomes valid once written", () => {
    const blank = blankDraft();
    const errors = studioReport(blank);
    expect(errors.ok).toBe(false);
    const paths = errors.ok ? [] : errors.errors.map((e) => e.path);
    expect(paths).toContain("title");
    expect(paths).toContain("documents");
    expect(paths).toContain("roles[0].name");
    expect(paths).toContain("issues[0].options[0].label");

    let draft: Draft = { ...blank, title: "Two towns and a bridge", summary: "Who pays for the bridge." };
    draft = { ...draft, documents: [{ file: "notes.txt", title: "Council notes" }] };
    const sources = [{ file: "notes.txt", section: "Minutes" }];
    draft = {
      ...draft,
      roles: draft.roles.map((r, i) => ({
        ...r,
        name: ["North", "South"][i] ?? "",
        publicStance: "We want the bridge.",
        privateBrief: { summary: "Pay little.", priorities: ["Pay little"] },
        sources,
      })),
      issues: draft.issues.map((issue) => ({
        ...issue,
        name: "Cost share",
        description: "Who pays what.",
        options: issue.options.map((o, i) => ({ ...o, label: ["North pays", "South pays"][i] ?? "" })),
        sources,
      })),
      variants: draft.variants.map((v) => ({ ...v, description: "As it stands.", sources })),
      outcomes: draft.outcomes.map((o) => ({ ...o, description: "How it ended.", sources })),
    };
    draft = setAt(draft, ["utilities", "role-1", "scores", "issue-1"], { "option-1": 20, "option-2": 90 });
    draft = setAt(draft, ["utilities", "role-2", "scores", "issue-1"], { "option-1": 90, "option-2": 20 });
    const written = studioReport(draft);
    if (!written.ok) throw new Error(JSON.stringify(written.errors));
    expect(written.variants[0]).toMatchObject({ packages: 2, feasible: 2, zopa: 0 });
  });
});

describe("the studio's balance check", () => {
  it("is the CLI's simulation, reporting each table as it finishes", () => {
    const scenario = loadScenario(ukraine);
    if (!scenario.ok) throw new Error("invalid");
    const progress: number[] = [];
    const report = balanceCheck(
      scenario.scenario as Scenario,
      { tables: 6, seed: "balance", variant: "back-channel", style: "boulware" },
      (done, total) => {
        expect(total).toBe(6);
        progress.push(done);
      },
    );
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    const styles = Object.fromEntries(scenario.scenario.roles.map((r) => [r.id, "boulware" as const]));
    const { decisionMs: _a, ...expected } = simulate(
      { scenario: scenario.scenario, variant: "back-channel" },
      { tables: 6, seed: "balance", styles },
    );
    const { decisionMs: _b, ...got } = report;
    expect(got).toEqual(expected);
  });
});
