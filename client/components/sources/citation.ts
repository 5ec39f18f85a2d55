// Where a citation points: the sources page of its document, at the anchor of its section. The
// table screen builds these links and the sources page gives its sections the same anchors.

/** "Ukraine's Position and Red Lines — NATO membership" → "ukraine-s-position-and-red-lines-nato-membership". */
export function sectionSlug(section: string): string {
  const slug = section
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

/**
 * The section travels in the query too: the sources page lists only what the scenarios cite
 * publicly, so a news item's section is anchored because the link asks for it, not because the
 * page knows which news exists.
 */
export function sourceHref(source: { file: string; section: string }): string {
  const query = new URLSearchParams({ section: source.section });
  return `/sources/${encodeURIComponent(source.file)}?${query}#${sectionSlug(source.section)}`;
}
