// Small sentence helpers shared by the engine's sentences and the pages. Client-safe.

/** "Ukraine", "Ukraine and Russia", "Ukraine, Russia and Europe". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Titles in quotation marks, listed: “A”, “B” and “C”. */
export function quoted(titles: readonly string[]): string {
  return listWords(titles.map((title) => `“${title}”`));
}
