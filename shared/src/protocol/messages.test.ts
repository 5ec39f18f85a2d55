import { describe, expect, it } from "vitest";
import { joinOptionsSchema, parseIntent } from "./messages.ts";

describe("wire messages", () => {
  it("accepts a well-formed ping", () => {
    const result = parseIntent("ping", { intentId: "4f0e3c1a-6a53-4b8e-9a3f-2d7f1c0b5e11", note: "hello" });
    expect(result).toEqual({
      ok: true,
      intent: { type: "ping", payload: { intentId: "4f0e3c1a-6a53-4b8e-9a3f-2d7f1c0b5e11", note: "hello" } },
    });
  });

  it("refuses an unknown message type and lists the known ones", () => {
    const result = parseIntent("launch-missiles", {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("unknown-intent");
      expect(result.error.message).toContain("launch-missiles");
      expect(result.error.message).toContain("ping");
    }
  });

  it("names the field that is wrong in a malformed ping", () => {
    const result = parseIntent("ping", { intentId: "not-a-uuid", note: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("invalid-message");
      expect(result.error.issues?.map((issue) => issue.path).sort()).toEqual(["intentId", "note"]);
      expect(result.error.message).toMatch(/intentId: intentId must be a UUID/);
    }
  });

  it("refuses a ping with fields the protocol does not have", () => {
    const result = parseIntent("ping", { intentId: "4f0e3c1a-6a53-4b8e-9a3f-2d7f1c0b5e11", admin: true });
    expect(result.ok).toBe(false);
  });

  it("refuses a payload that is not an object at all", () => {
    for (const payload of [undefined, null, "ping", 7, []]) {
      expect(parseIntent("ping", payload).ok).toBe(false);
    }
  });

  it("trims display names and refuses empty or overlong ones", () => {
    expect(joinOptionsSchema.parse({ name: "  Ada  " })).toEqual({ name: "Ada", table: 1 });
    expect(joinOptionsSchema.safeParse({ name: "   " }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ name: "x".repeat(41) }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ name: "Ada", table: "../etc" }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ name: "Ada", table: 31 }).success).toBe(false);
  });
});
