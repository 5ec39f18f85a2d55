// The facilitator's guide page renders docs/facilitator-guide.md through a small Markdown parser:
// its blocks and inline marks, links limited to safe addresses, and the guide itself parsed with
// nothing left over as raw Markdown.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guidePath } from "../../client/components/guide/guideSource.ts";
import {
  type Block,
  type Inline,
  parseInline,
  parseMarkdown,
  plainText,
} from "../../client/components/guide/markdown.ts";

const root = path.resolve(import.meta.dirname, "../..");

function allInline(blocks: readonly Block[]): Inline[][] {
  return blocks.flatMap((block) => (block.kind === "list" ? block.items : [block.text]));
}

describe("the guide's Markdown", () => {
  it("parses headings with anchors, paragraphs across lines, and both kinds of list", () => {
    const blocks = parseMarkdown(
      [
        "# Guide",
        "",
        "One paragraph",
        "over two lines.",
        "",
        "## A 50-minute class",
        "1. First,",
        "   carried on.",
        "2. Second.",
        "- A bullet",
        "## A 50-minute class",
      ].join("\n"),
    );
    expect(blocks.map((block) => block.kind)).toEqual([
      "heading",
      "paragraph",
      "heading",
      "list",
      "list",
      "heading",
    ]);
    expect(blocks[0]).toMatchObject({ level: 1, id: "guide" });
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      text: [{ kind: "text", text: "One paragraph over two lines." }],
    });
    expect(blocks[2]).toMatchObject({ level: 2, id: "a-50-minute-class" });
    expect(blocks[3]).toMatchObject({ kind: "list", ordered: true });
    const numbered = blocks[3] as Extract<Block, { kind: "list" }>;
    expect(numbered.items.map(plainText)).toEqual(["First, carried on.", "Second."]);
    expect(blocks[4]).toMatchObject({ kind: "list", ordered: false });
    // Two headings of the same words get distinct anchors.
    expect(blocks[5]).toMatchObject({ id: "a-50-minute-class-2" });
  });

  it("marks strong, emphasis, code and links inline, and keeps only safe link targets", () => {
    expect(parseInline("a **strong *and* em** `x*y` [guide](/guide) end")).toEqual([
      { kind: "text", text: "a " },
      {
        kind: "strong",
        children: [
          { kind: "text", text: "strong " },
          { kind: "em", children: [{ kind: "text", text: "and" }] },
          { kind: "text", text: " em" },
        ],
      },
      { kind: "text", text: " " },
      { kind: "code", text: "x*y" },
      { kind: "text", text: " " },
      { kind: "link", href: "/guide", children: [{ kind: "text", text: "guide" }] },
      { kind: "text", text: " end" },
    ]);
    expect(parseInline("[x](javascript:void)")).toEqual([{ kind: "text", text: "x" }]);
    expect(parseInline("[x](//elsewhere.example)")).toEqual([{ kind: "text", text: "x" }]);
    expect(parseInline("2 * 3 * 4")).toEqual([{ kind: "text", text: "2 * 3 * 4" }]);
    expect(parseInline("_Ask: why?_ and snake_case_name")).toEqual([
      { kind: "em", children: [{ kind: "text", text: "Ask: why?" }] },
      { kind: "text", text: " and snake_case_name" },
    ]);
  });

  it("reads the facilitator's guide whole: one title, the sections a class needs, no Markdown left over", async () => {
    const blocks = parseMarkdown(await readFile(path.join(root, guidePath), "utf8"));
    const headings = blocks.filter((block) => block.kind === "heading");
    expect(
      headings.filter((heading) => heading.level === 1).map((heading) => plainText(heading.text)),
    ).toEqual(["Facilitator's guide"]);
    expect(headings.map((heading) => plainText(heading.text))).toEqual(
      expect.arrayContaining([
        "Learning goals",
        "A 50-minute class",
        "A 90-minute class",
        "Using the debrief in class",
      ]),
    );
    const text = allInline(blocks).map(plainText).join("\n");
    expect(text).not.toMatch(/\*\*|`|\]\(|^#|(^|\s)[_*]\S|\S[_*]($|\s)/m);
  });
});
