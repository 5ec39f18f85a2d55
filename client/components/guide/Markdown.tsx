// Renders parsed Markdown blocks (markdown.ts) as React elements: no raw HTML ever reaches the
// page. Headings carry their anchors, so a section can be linked to.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Block, Inline } from "./markdown.ts";

function inline(parts: readonly Inline[]): ReactNode[] {
  return parts.map((part, index) => {
    const key = `${index}-${part.kind}`;
    if (part.kind === "text") return part.text;
    if (part.kind === "code") return <code key={key}>{part.text}</code>;
    if (part.kind === "strong") return <strong key={key}>{inline(part.children)}</strong>;
    if (part.kind === "em") return <em key={key}>{inline(part.children)}</em>;
    return part.href.startsWith("/") ? (
      <Link key={key} href={part.href}>
        {inline(part.children)}
      </Link>
    ) : (
      <a key={key} href={part.href}>
        {inline(part.children)}
      </a>
    );
  });
}

function block(part: Block, key: string): ReactNode {
  if (part.kind === "heading") {
    const Heading = `h${part.level}` as const;
    return (
      <Heading key={key} id={part.id}>
        {inline(part.text)}
      </Heading>
    );
  }
  if (part.kind === "paragraph") return <p key={key}>{inline(part.text)}</p>;
  const List = part.ordered ? "ol" : "ul";
  return (
    <List key={key}>
      {part.items.map((item, n) => (
        // Items are fixed text from one file: their place is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={n}>{inline(item)}</li>
      ))}
    </List>
  );
}

export function Markdown({ blocks }: { blocks: readonly Block[] }) {
  return blocks.map((part, index) => block(part, `${index}-${part.kind}`));
}
