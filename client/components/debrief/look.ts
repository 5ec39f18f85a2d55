// How the debrief names and draws things: issue and option labels (from the table's own
// scenario snapshot, as the replay's view carries them), and each party's look in the charts: a
// colour dark enough for 3:1 against white, and a point style and dash of its own, so no party is
// told apart by colour alone.
import type { Debrief, TableView } from "@red-lines/shared/protocol";

export type Labels = {
  issues: { id: string; name: string; options: { id: string; label: string }[] }[];
  documents: { file: string; title: string }[];
};

export function labelsFromView(view: TableView): Labels {
  return {
    issues: view.issues.map((issue) => ({
      id: issue.id,
      name: issue.name,
      options: issue.options.map((option) => ({ id: option.id, label: option.label })),
    })),
    documents: view.scenario.documents,
  };
}

/** Issues in the scenario's order; without labels, those the packages name, as ids. */
export function issueList(labels: Labels | null, packages: readonly Record<string, string>[]) {
  if (labels) return labels.issues.map((issue) => ({ id: issue.id, name: issue.name }));
  const ids = [...new Set(packages.flatMap((p) => Object.keys(p)))];
  return ids.map((id) => ({ id, name: id }));
}

/** An option's label; null when the issue was left open (the reader's word for it is `words.open`). */
export function optionText(labels: Labels | null, issue: string, option: string | undefined): string | null {
  if (option === undefined) return null;
  return labels?.issues.find((i) => i.id === issue)?.options.find((o) => o.id === option)?.label ?? option;
}

export function roleNameOf(debrief: Pick<Debrief, "roles">, role: string): string {
  return debrief.roles.find((r) => r.id === role)?.name ?? role;
}

type PointStyle = "circle" | "rect" | "triangle" | "rectRot" | "star" | "crossRot";

export type RoleLook = { color: string; pointStyle: PointStyle; dash: number[]; symbol: string };

const looks: RoleLook[] = [
  { color: "#0b5cad", pointStyle: "circle", dash: [], symbol: "●" },
  { color: "#a33a00", pointStyle: "rect", dash: [8, 4], symbol: "■" },
  { color: "#1e6b34", pointStyle: "triangle", dash: [2, 3], symbol: "▲" },
  { color: "#7b3294", pointStyle: "rectRot", dash: [12, 4, 2, 4], symbol: "◆" },
  { color: "#5b4a00", pointStyle: "star", dash: [4, 4], symbol: "✱" },
  { color: "#3a4450", pointStyle: "crossRot", dash: [16, 6], symbol: "✕" },
];

/** The look of a role by its place among the scenario's roles (six looks, for up to six seats). */
export function roleLook(debrief: { roles: readonly { id: string }[] }, role: string): RoleLook {
  const index = Math.max(
    0,
    debrief.roles.findIndex((r) => r.id === role),
  );
  return looks[index % looks.length] ?? (looks[0] as RoleLook);
}
