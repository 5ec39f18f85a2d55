import { describe, expect, it } from "vitest";
import { parseCommand } from "../table/decide.ts";
import { displayNameSchema } from "./messages.ts";
import { storableText } from "./text.ts";

describe("typed text before it is stored", () => {
  it("drops NUL and other control characters, keeps tabs, newlines and every real character", () => {
    expect(storableText("a\u0000b\u0007c\u007f")).toBe("abc");
    expect(storableText("line one\nline\ttwo")).toBe("line one\nline\ttwo");
    expect(storableText("Київ 🇺🇦 — «мир»")).toBe("Київ 🇺🇦 — «мир»");
  });

  it("replaces a lone surrogate, which PostgreSQL cannot store, and keeps pairs", () => {
    expect(storableText("x\uD83Dy")).toBe("x\uFFFDy");
    expect(storableText("\uDE00z")).toBe("\uFFFDz");
    expect(storableText("\uD83D\uDE00")).toBe("😀");
  });

  it("cleans chat in the command itself, and refuses text that is nothing once cleaned", () => {
    const said = parseCommand({ type: "say", actor: "ukraine", at: 0, text: "  hello\u0000 world " });
    expect(said).toMatchObject({ ok: true, command: { text: "hello world" } });
    expect(parseCommand({ type: "say", actor: "ukraine", at: 0, text: "\u0000\u0000" }).ok).toBe(false);
    expect(displayNameSchema.safeParse("\u0000").success).toBe(false);
    expect(displayNameSchema.safeParse(" Olena\u0000 ").data).toBe("Olena");
  });
});
