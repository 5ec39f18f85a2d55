// Small sentence helpers shared by the engine's sentences and the pages. Client-safe.

/** "Ukraine", "Ukraine and Russia", "Ukraine, Russia and Europe". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "Ukraine's", "United States'". */
export function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

/** A role's name for sentences: "Europe" rather than "Europe (EU with UK, France, Germany, Poland)". */
export function withoutGloss(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, "");
}

/** Titles in quotation marks, listed: “A”, “B” and “C”. */
export function quoted(titles: readonly string[]): string {
  return listWords(titles.map((title) => `“${title}”`));
}
