// Where the studio says a problem is: in words, in the section that holds it.
import { scenarioData } from "@red-lines/shared/scenarios";
import type { Draft } from "@red-lines/shared/studio";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { describePlace, parsePath, sectionOf } from "../../client/components/studio/places.ts";
import studio from "../../client/messages/en/studio.json";

const ukraine = scenarioData("ukraine-2026") as Draft;
// The client's translator type comes from its AppConfig (client/i18n/types.d.ts), which this
// project does not load: the same English messages, typed as describePlace takes them.
const t = createTranslator({
  locale: "en",
  messages: { studio },
  namespace: "studio",
}) as unknown as Parameters<typeof describePlace>[0];

describe("a problem's place in the studio", () => {
  it("reads the check's paths back into keys", () => {
    expect(parsePath("roles[0].privateBrief.summary")).toEqual(["roles", 0, "privateBrief", "summary"]);
    expect(parsePath("utilities.us.scores.nato.renounced")).toEqual([
      "utilities",
      "us",
      "scores",
      "nato",
      "renounced",
    ]);
    expect(parsePath("(root)")).toEqual([]);
  });

  it("names the section, the item by its name and the field in words, never an id", () => {
    expect(describePlace(t, ukraine, ["roles", 1, "publicStance"])).toBe("Roles › Russia › Public stance");
    expect(describePlace(t, ukraine, ["utilities", "us", "scores", "nato"])).toBe(
      "Scores › United States › Option scores › NATO membership",
    );
    expect(describePlace(t, ukraine, ["issues", 0, "options", 1, "label"])).toBe(
      "Issues › Legal status of the occupied territory › Options › Status deferred › Label",
    );
    expect(describePlace(t, ukraine, ["outcomes", 0, "when"])).toBe("Outcomes › Fragile ceasefire › Rule");
    expect(describePlace(t, ukraine, ["clock", "rounds"])).toBe("Scenario › Clock › Rounds");
    expect(describePlace(t, ukraine, ["roles", 9, "name"])).toBe("Roles › Role 10 › Name");
  });

  it("opens the section that holds each part", () => {
    expect(sectionOf(["utilities", "us", "batna"])).toBe("scores");
    expect(sectionOf(["redLines", "us", 0])).toBe("redlines");
    expect(sectionOf(["defaultVariant"])).toBe("scenario");
    expect(sectionOf(["events", 2, "effects", 0])).toBe("events");
  });
});
