// The package's boundary between what a browser may load and what stays on the server: the
// client-safe entry points never reach scenario data, whatever they import, and the exports map
// gives a browser build nothing of the server-only ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const packageDir = path.resolve(import.meta.dirname, "../..");
const scenariosDir = path.join(packageDir, "scenarios");
const registry = path.join(packageDir, "src/scenario/registry.ts");
/** The engine's messages in every language, with an ICU parser: the server's, never a page's. */
const catalogs = path.join(packageDir, "src/i18n/catalogs.ts");

/** Every module an entry loads at run time (type-only imports are erased), with who imported it. */
function runtimeImports(entry: string): Map<string, string | null> {
  const found = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (!file.endsWith(".ts")) continue;
    const source = readFileSync(file, "utf8");
    const statements = source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;"]*?\s+from\s+)?"([^"]+)"/gms);
    for (const [, typeOnly, specifier] of statements) {
      if (typeOnly || specifier === undefined) continue;
      if (specifier.startsWith("@red-lines/shared")) throw new Error(`${file} imports its own package`);
      if (!specifier.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (found.has(target)) continue;
      found.set(target, file);
      queue.push(target);
    }
  }
  return found;
}

function chainTo(found: Map<string, string | null>, file: string): string {
  const chain: string[] = [];
  for (let at: string | null | undefined = file; at; at = found.get(at))
    chain.unshift(path.relative(packageDir, at));
  return chain.join(" → ");
}

const manifest = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
  exports: Record<string, string | Record<string, string | null>>;
  sideEffects: boolean;
};

describe("the package's entry points", () => {
  for (const entry of ["./protocol", "./client", "./studio"]) {
    it(`${entry} is client-safe: none of its imports reaches the scenarios, their registry or the engine's message catalogues`, () => {
      const target = manifest.exports[entry];
      expect(typeof target).toBe("string");
      const found = runtimeImports(path.resolve(packageDir, target as string));
      const leaks = [...found.keys()].filter(
        (f) => f === registry || f === catalogs || f.startsWith(scenariosDir + path.sep),
      );
      expect(leaks.map((leak) => chainTo(found, leak))).toEqual([]);
      // The walk does reach the modules it should, so an empty answer means something.
      expect(found.size).toBeGreaterThan(5);
    });
  }

  // The home and join pages carry no zod (their budget is 150 KB of script): what they use from
  // the package, the reader's language, the server's error sentences and the name an erasure
  // leaves in a seat (said in the reader's language), must not reach it.
  for (const file of ["src/i18n/locales.ts", "src/protocol/serverErrors.ts", "src/table/erasure.ts"]) {
    it(`${file} is free of zod, whatever it imports`, () => {
      const found = runtimeImports(path.resolve(packageDir, file));
      const withZod = [...found.keys()].filter(
        (f) => f.endsWith(".ts") && /from\s+"zod"/.test(readFileSync(f, "utf8")),
      );
      expect(withZod.map((f) => chainTo(found, f))).toEqual([]);
    });
  }

  it("the engine does reach the registry, which is why it is server-only", () => {
    const found = runtimeImports(path.resolve(packageDir, "src/entries/engine.ts"));
    expect(found.has(registry)).toBe(true);
  });

  it("gives a browser build nothing from the engine or the scenarios, and no entry beside the five", () => {
    expect(Object.keys(manifest.exports).sort()).toEqual([
      "./client",
      "./engine",
      "./protocol",
      "./scenarios",
      "./studio",
    ]);
    for (const entry of ["./engine", "./scenarios"]) {
      expect(manifest.exports[entry]).toMatchObject({ browser: null });
    }
    expect(manifest.sideEffects).toBe(false);
  });
});
