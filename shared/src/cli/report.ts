// Plain-text reports of the scenario CLI, for authors reading a terminal.
import type { Analysis } from "../analysis/analyze.ts";
import type { PackagePoint } from "../analysis/points.ts";
import type { SimulationReport } from "../bots/simulate.ts";
import type { Package } from "../package.ts";

const count = (n: number) => n.toLocaleString("en-US");
const points = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(2));

export function formatAnalysis(analysis: Analysis, elapsedMs: number): string {
  const roles = Object.keys(analysis.batna);
  const lines: string[] = [];
  const events = analysis.events.length > 0 ? analysis.events.join(", ") : "none";
  lines.push(`${analysis.scenario} · variant ${analysis.variant} · events: ${events}`);
  const switched = Object.entries(analysis.variantByRole).filter(([, v]) => v !== analysis.variant);
  if (switched.length > 0)
    lines.push(`  (now playing: ${switched.map(([r, v]) => `${r} → ${v}`).join(", ")})`);
  const zopa = analysis.zopa === null ? "too many to count" : count(analysis.zopa);
  const pareto = analysis.paretoSize === null ? "too many to enumerate" : count(analysis.paretoSize);
  lines.push(
    `packages ${count(analysis.packages)} · feasible ${count(analysis.feasible)} · ZOPA ${zopa} · Pareto frontier ${pareto} · ${elapsedMs.toFixed(1)} ms`,
  );
  lines.push("");

  if (analysis.feasible === 0) {
    lines.push("No package satisfies every red line. These sets of red lines collide:");
    analysis.collisions.forEach((collision, k) => {
      lines.push(`  ${k + 1}. ${collision.map((v) => `${v.rule} (${v.role})`).join("  ×  ")}`);
    });
    if (!analysis.collisionsComplete) lines.push("  (search limits reached: there may be larger collisions)");
    const seen = new Set<string>();
    lines.push("");
    for (const violation of analysis.collisions.flat()) {
      if (seen.has(violation.rule)) continue;
      seen.add(violation.rule);
      const source = violation.sources.map((s) => `${s.file}, "${s.section}"`).join("; ");
      lines.push(
        `  ${violation.rule} (“${violation.title}”): ${violation.explanation}`,
        `    source: ${source}`,
      );
    }
    return lines.join("\n");
  }
  if (analysis.zopa === 0) {
    lines.push("Feasible packages exist, but none beats every party's BATNA: there is no zone of agreement.");
  }

  const width = Math.max(9, ...roles.map((r) => r.length + 2));
  const row = (label: string, values: (number | undefined)[]) =>
    label.padEnd(22) + values.map((v) => points(v).padStart(width)).join("");
  lines.push("".padEnd(22) + roles.map((r) => r.padStart(width)).join(""));
  lines.push(
    row(
      "BATNA",
      roles.map((r) => analysis.batna[r]),
    ),
  );
  const table: [string, PackagePoint | null][] = [
    ["Nash point", analysis.nash],
    ["Kalai–Smorodinsky", analysis.kalaiSmorodinsky],
    ["Max welfare", analysis.maxWelfare],
  ];
  for (const [label, point] of table) {
    if (point)
      lines.push(
        row(
          label,
          roles.map((r) => point.utilities[r]),
        ),
      );
  }
  if (analysis.kalaiSmorodinsky) {
    lines.push(
      row(
        "Ideal (best in ZOPA)",
        roles.map((r) => analysis.kalaiSmorodinsky?.ideal[r]),
      ),
    );
  }
  lines.push("");
  for (const [label, point] of table) {
    if (point) lines.push(`${label}: ${formatPackage(point.package)}`);
  }
  if (analysis.nash) lines.push(`Nash product of gains: ${analysis.nash.product.toFixed(2)}`);
  return lines.join("\n");
}

export function formatPackage(pkg: Package): string {
  return Object.entries(pkg)
    .map(([issue, option]) => `${issue}=${option}`)
    .join(", ");
}

/** The simulation report as a short text for people; `--json` gives the full object. */
export function formatSimulation(report: SimulationReport, elapsedMs: number): string {
  const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const styles = [...new Set(Object.values(report.styles))];
  return [
    `${report.scenario} — variant ${report.variant}: ${report.tables} bot-only tables, seed "${report.seed}", ${
      styles.length === 1
        ? `all ${styles[0]}`
        : Object.entries(report.styles)
            .map(([r, s]) => `${r} ${s}`)
            .join(", ")
    }`,
    `  agreement rate      ${percent(report.agreementRate)}`,
    `  mean rounds         ${report.meanRounds}`,
    `  outcomes            ${Object.entries(report.outcomes)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(", ")}`,
    `  mean score          ${Object.entries(report.meanScore)
      .map(([role, score]) => `${role} ${score}`)
      .join(", ")}`,
    `  Pareto distance     ${report.meanParetoDistance === null ? "— (no agreement)" : `${report.meanParetoDistance} points on average`}`,
    `  red-line breaches   ${report.redLineBreaches}`,
    ...(report.decisionMs
      ? [
          `  bot decision        median ${report.decisionMs.median} ms, p99 ${report.decisionMs.p99} ms (${report.decisionMs.count} decisions)`,
        ]
      : []),
    `  elapsed             ${elapsedMs} ms`,
  ].join("\n");
}
