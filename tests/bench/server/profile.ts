// Where a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) says the time went: self time per
// function, summed over the profile's samples, the heaviest first.
import { readFile } from "node:fs/promises";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileEntry = { function: string; where: string; selfPercent: number; selfMs: number };

/** The `top` functions by self time; idle, GC and program time are listed like any other. */
export function topSelfTime(profile: CpuProfile, top = 15, root = ""): ProfileEntry[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, "");
    const where = file
      ? `${root && file.startsWith(root) ? path.relative(root, file) : file}:${lineNumber + 1}`
      : "";
    const key = `${functionName || "(anonymous)"}\t${where}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
    total += delta;
  });
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [name = "", where = ""] = key.split("\t");
      return {
        function: name,
        where: where.replace(/^.*node_modules\//, ""),
        selfPercent: Math.round((us / Math.max(1, total)) * 1000) / 10,
        selfMs: Math.round(us / 1000),
      };
    });
}

export async function readProfileTop(file: string, top = 15, root = ""): Promise<ProfileEntry[]> {
  return topSelfTime(JSON.parse(await readFile(file, "utf8")) as CpuProfile, top, root);
}
