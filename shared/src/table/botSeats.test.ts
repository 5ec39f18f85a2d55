// Seats kept warm by bots: the instructor seats a bot, a person takes the seat back.
import { describe, expect, it } from "vitest";
import { TableScript } from "./script.ts";
import { alertFor } from "./status.ts";

describe("a seat played by a bot", () => {
  it("is assigned by the instructor with the bot's style, and handed to the person who claims it", () => {
    const table = new TableScript({ scenario: "ukraine-2026", variant: "back-channel" });
    table.do({ type: "assign-seat", actor: "instructor", seat: "russia", bot: "conceder" });
    expect(table.state.seats.russia).toMatchObject({
      occupied: true,
      bot: "conceder",
      occupant: "Bot, flexible",
    });
    const before = table.events.length;
    table.do({ type: "claim-seat", actor: "russia", name: "Dmitri" });
    expect(table.state.seats.russia).toMatchObject({ occupied: true, bot: null, occupant: "Dmitri" });
    const handover = table.events.slice(before);
    expect(handover.map((event) => event.type)).toEqual(["seat-released", "seat-claimed"]);
    // No alarm for the facilitator: this is the hand-over working as meant.
    expect(handover.map((event) => alertFor(table.state, event))).toEqual([null, null]);
    // A person's seat is not taken over the same way.
    const again = table.try({ type: "claim-seat", actor: "russia", name: "Someone else" });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.refusal.code).toBe("seat-taken");
  });
});
