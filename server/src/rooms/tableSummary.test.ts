// The table summary's state encoder keeps small buffers (a table holds them for its life), and a
// summary larger than them still encodes whole.
import { Decoder, Encoder } from "@colyseus/schema";
import { describe, expect, it, vi } from "vitest";
import { TableSummary } from "./tableSummary.ts";

function summary(roles: readonly string[]) {
  const state = new TableSummary();
  state.table = 30;
  state.phase = "negotiating";
  state.round = 12;
  state.turnSeat = roles[0] ?? "";
  state.version = 40;
  for (const role of roles) state.connected.set(role, true);
  return state;
}

describe("the table summary's encoder", () => {
  it("keeps 1 KB buffers, which four seats fill to under 100 bytes", () => {
    const encoder = new Encoder(summary(["ukraine", "russia", "us", "europe"]));
    expect(encoder.sharedBuffer.byteLength).toBe(1024);
    expect(encoder.encodeAll().byteLength).toBeLessThan(100);
  });

  it("grows a buffer for a summary that does not fit, and the summary decodes whole", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const roles = Array.from({ length: 60 }, (_, i) => `a-role-with-a-rather-long-id-${i}`);
    const encoded = new Encoder(summary(roles)).encodeAll();
    warn.mockRestore();
    expect(encoded.byteLength).toBeGreaterThan(1024);
    const decoded = new TableSummary();
    new Decoder(decoded).decode(encoded);
    expect([...decoded.connected.keys()]).toEqual(roles);
    expect(decoded.phase).toBe("negotiating");
  });
});
