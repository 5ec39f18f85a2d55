// The badge of a role without a flag tells the roles of a table apart by their initials.
import { describe, expect, it } from "vitest";
import { roleInitials } from "../../client/components/entry/roleInitials.ts";

describe("a role's initials", () => {
  it("keep a numbered role's number, so six parties get six badges", () => {
    const badges = Array.from({ length: 6 }, (_, r) => roleInitials(`Party ${r + 1}`));
    expect(badges).toEqual(["P1", "P2", "P3", "P4", "P5", "P6"]);
  });

  it("take the capitalised words of a name, leaving out small words and a parenthesis", () => {
    expect(roleInitials("United States")).toBe("US");
    expect(roleInitials("Republic of Korea")).toBe("RK");
    expect(roleInitials("Europe (EU with UK, France, Germany, Poland)")).toBe("E");
    expect(roleInitials("the mediators")).toBe("TM");
    expect(roleInitials("Україна")).toBe("У");
    expect(roleInitials("—")).toBe("?");
  });
});
