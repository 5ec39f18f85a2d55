// The small part of Markdown the guides in docs/ are written in, parsed into blocks a page can
// render as React elements (never as raw HTML): headings, paragraphs, bulleted and numbered
// lists, and inline **strong**, *emphasis* or _emphasis_ (what the formatter writes), `code` and
// [links](/path). Anything else reads as the plain text it is. Pure, so it is tested without a
// browser.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; href: string; children: Inline[] };

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; id: string; text: Inline[] }
  | { kind: "paragraph"; text: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] };

/**
 * "How to use the debrief" → "how-to-use-the-debrief": a heading's anchor. Letters of any script
 * stay, so a translated guide's headings have anchors too ("Цілі навчання" → "цілі-навчання").
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’'ʼ]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Links may go to this site's pages, anchors and the web; nothing else (no `javascript:`). */
function safeHref(href: string): string | null {
  return /^(\/(?!\/)|#|https?:\/\/)/.test(href) ? href : null;
}

// The earliest of: **strong**, `code`, [text](href), *emphasis*, _emphasis_ (not inside a word,
// so snake_case stays as it is).
const inlinePattern =
  /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}_])/u;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = inlinePattern.exec(rest);
    if (!match) {
      parts.push({ kind: "text", text: rest });
      break;
    }
    if (match.index > 0) parts.push({ kind: "text", text: rest.slice(0, match.index) });
    const [whole, strong, code, label, href, starred, underscored] = match;
    const em = starred ?? underscored;
    if (strong !== undefined) parts.push({ kind: "strong", children: parseInline(strong) });
    else if (code !== undefined) parts.push({ kind: "code", text: code });
    else if (label !== undefined && href !== undefined) {
      const safe = safeHref(href);
      parts.push(
        safe ? { kind: "link", href: safe, children: parseInline(label) } : { kind: "text", text: label },
      );
    } else if (em !== undefined) parts.push({ kind: "em", children: parseInline(em) });
    rest = rest.slice(match.index + whole.length);
  }
  return parts;
}

/** The plain text of inline content, e.g. for a heading's anchor. */
export function plainText(inline: readonly Inline[]): string {
  return inline
    .map((part) => (part.kind === "text" || part.kind === "code" ? part.text : plainText(part.children)))
    .join("");
}

const headingLine = /^(#{1,4})\s+(.*)$/;
const bulletLine = /^[-*]\s+(.*)$/;
const numberLine = /^\d+[.)]\s+(.*)$/;

type OpenList = { ordered: boolean; items: string[] };

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const ids = new Set<string>();
  // What is being gathered: a paragraph's lines or a list's items (never both).
  const open: { paragraph: string[]; list: OpenList | null } = { paragraph: [], list: null };

  const flush = () => {
    if (open.paragraph.length > 0) {
      blocks.push({ kind: "paragraph", text: parseInline(open.paragraph.join(" ")) });
    }
    if (open.list) {
      blocks.push({ kind: "list", ordered: open.list.ordered, items: open.list.items.map(parseInline) });
    }
    open.paragraph = [];
    open.list = null;
  };

  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = headingLine.exec(line);
    const item = bulletLine.exec(line) ?? numberLine.exec(line);
    const list: OpenList | null = open.list;
    if (line === "") {
      flush();
    } else if (heading) {
      flush();
      const text = parseInline(heading[2] ?? "");
      const base = slug(plainText(text)) || "section";
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      blocks.push({ kind: "heading", level: (heading[1]?.length ?? 1) as 1 | 2 | 3 | 4, id, text });
    } else if (item) {
      const ordered = numberLine.test(line);
      if (open.paragraph.length > 0 || (list !== null && list.ordered !== ordered)) flush();
      const target = open.list ?? { ordered, items: [] };
      target.items.push((item[1] ?? "").trim());
      open.list = target;
    } else if (list !== null && /^\s/.test(raw)) {
      // An indented line carries on the list item above it.
      list.items[list.items.length - 1] = `${list.items.at(-1) ?? ""} ${line}`;
    } else {
      if (list !== null) flush();
      open.paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
