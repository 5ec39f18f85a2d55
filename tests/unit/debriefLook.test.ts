// Each party's look in the debrief's charts and tables, for tables of up to six seats: its own
// colour, point style, dash and symbol, so no two parties look alike and none is told apart by
// colour alone, each colour readable on white.
import { describe, expect, it } from "vitest";
import { roleLook } from "../../client/components/debrief/look.ts";

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe("the debrief's look of each party", () => {
  for (const seats of [2, 3, 4, 5, 6]) {
    it(`gives each of ${seats} parties its own colour, point style, dash and symbol`, () => {
      const debrief = {
        roles: Array.from({ length: seats }, (_, r) => ({ id: `party-${r + 1}`, name: `Party ${r + 1}` })),
      };
      const looks = debrief.roles.map((role) => roleLook(debrief, role.id));
      for (const key of ["color", "pointStyle", "symbol"] as const) {
        expect(new Set(looks.map((look) => look[key])).size, key).toBe(seats);
      }
      expect(new Set(looks.map((look) => look.dash.join(" "))).size).toBe(seats);
      // Lines and symbols drawn in these colours read as text does: 4.5:1 on white at least.
      for (const look of looks) expect(contrastOnWhite(look.color), look.color).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("follows the scenario's order of roles, not their ids", () => {
    const one = roleLook({ roles: [{ id: "b" }, { id: "a" }] }, "b");
    const other = roleLook({ roles: [{ id: "x" }, { id: "y" }] }, "x");
    expect(one).toEqual(other);
  });
});
