// The letters on a role's badge when it has no flag: what tells "Party 1" from "Party 2", or
// "United States" from "United Kingdom", at a glance. Decorative: the name is always written too.

/** "US" for "United States", "RK" for "Republic of Korea", "P2" for "Party 2", "E" for "Europe (EU…)". */
export function roleInitials(name: string): string {
  const words = name
    .replace(/\s*\(.*\)\s*$/, "")
    .split(/\s+/)
    .filter((word) => /^[\p{L}\p{N}]/u.test(word));
  // Capitalised words and numbers carry the name; "of" and "the" only when nothing else does.
  const significant = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word));
  const letters = (significant.length > 0 ? significant : words)
    .map((word) => Array.from(word)[0]?.toUpperCase() ?? "")
    .join("");
  return Array.from(letters).slice(0, 2).join("") || "?";
}
