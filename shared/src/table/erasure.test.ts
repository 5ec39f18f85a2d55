// Erasing a student's name and words from a table's log: only that seat's personal data goes,
// and the log still folds into the same game.
import { describe, expect, it } from "vitest";
import { countErasure, erasedEvent, erasedStudentName } from "./erasure.ts";
import { eventSchema, type TableEvent } from "./events.ts";
import { fold } from "./evolve.ts";
import { TableScript } from "./script.ts";
import { viewFor } from "./view.ts";

const roles = ["us", "ukraine", "europe", "russia"] as const;

function playedTable() {
  const table = new TableScript({ scenario: "ukraine-2026", variant: "back-channel" });
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: `${role} Jane Doe` });
  return table
    .do({ type: "start", actor: "instructor" })
    .advance(60_000)
    .do(
      { type: "start", actor: "instructor" },
      { type: "say", actor: "ukraine", text: "My private thoughts on the map" },
      { type: "say", actor: "ukraine", to: "us", text: "Between us: the line holds" },
      { type: "say", actor: "us", text: "We hear you" },
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "object", actor: "ukraine", version: 1, issues: ["territory"], note: "Not on my watch" },
      { type: "pass", actor: "ukraine" },
      { type: "walk-out", actor: "ukraine", note: "I am leaving, says Jane" },
    );
}

function erase(events: readonly TableEvent[], seat: string) {
  const changed: TableEvent[] = [];
  const after = events.map((event) => {
    const erased = erasedEvent(event, seat);
    if (erased) changed.push(erased);
    return erased ?? event;
  });
  return { after, changed };
}

describe("erasing a student's name and words", () => {
  it("replaces the seat's name and empties its messages and notes, and nothing else", () => {
    const table = playedTable();
    const { after, changed } = erase(table.events, "ukraine");
    expect(countErasure(changed)).toEqual({ names: 1, messages: 2, notes: 2 });
    const text = JSON.stringify(after);
    for (const words of [
      "ukraine Jane Doe",
      "private thoughts",
      "the line holds",
      "Not on my watch",
      "says Jane",
    ])
      expect(text).not.toContain(words);
    // Other seats keep their names and words.
    expect(text).toContain("us Jane Doe");
    expect(text).toContain("We hear you");
    // Every erased event still parses, and is marked.
    for (const event of changed) expect(eventSchema.parse(event)).toMatchObject({ erased: true });
    expect(after).toHaveLength(table.events.length);
  });

  it("leaves the game the log folds to unchanged but for the name and the words", () => {
    const table = playedTable();
    const { after } = erase(table.events, "ukraine");
    const state = fold(table.initial, after);
    expect(state.phase).toBe("concluded");
    expect(state.outcome).toEqual(table.state.outcome);
    expect(state.versions.map((version) => version.package)).toEqual(
      table.state.versions.map((version) => version.package),
    );
    expect(state.seats.ukraine?.occupant).toBe(erasedStudentName);
    const view = viewFor(state, "instructor");
    expect(view.publicChat.map((message) => message.text)).toEqual(["", "We hear you"]);
    expect(JSON.stringify(view)).not.toContain("ukraine Jane Doe");
  });

  it("drops the words' translations from the stored event, not only from what is shown", () => {
    const message: TableEvent = {
      type: "message-sent",
      at: 1,
      from: "ukraine",
      to: null,
      text: "The line holds",
      translations: { uk: "Лінія тримається" },
    };
    const objection: TableEvent = {
      type: "version-objected",
      at: 2,
      seat: "ukraine",
      version: 1,
      issues: ["territory"],
      note: "Not on my watch",
      noteTranslations: { uk: "Не за мого чергування" },
    };
    // A note only in translation is words all the same.
    const translatedOnly: TableEvent = { ...objection, note: "" };
    const erased = [message, objection, translatedOnly].map((event) => erasedEvent(event, "ukraine"));
    expect(erased).toEqual([
      { type: "message-sent", at: 1, from: "ukraine", to: null, text: "", erased: true },
      {
        type: "version-objected",
        at: 2,
        seat: "ukraine",
        version: 1,
        issues: ["territory"],
        note: "",
        erased: true,
      },
      {
        type: "version-objected",
        at: 2,
        seat: "ukraine",
        version: 1,
        issues: ["territory"],
        note: "",
        erased: true,
      },
    ]);
    for (const event of erased) {
      expect(event && Object.hasOwn(event, "translations")).toBe(false);
      expect(event && Object.hasOwn(event, "noteTranslations")).toBe(false);
      expect(eventSchema.parse(event)).toEqual(event);
    }
    const stored = JSON.stringify(erased);
    for (const words of ["Лінія", "чергування", "line holds", "my watch"])
      expect(stored).not.toContain(words);
    // Another seat's translated words stay.
    expect(erasedEvent(message, "us")).toBeNull();
  });

  it("is idempotent and leaves bots' claims alone", () => {
    const table = playedTable();
    const once = erase(table.events, "ukraine").after;
    expect(erase(once, "ukraine").changed).toEqual([]);
    const bot: TableEvent = {
      type: "seat-claimed",
      at: 1,
      seat: "russia",
      name: "Bot",
      by: "instructor",
      bot: "linear",
    };
    expect(erasedEvent(bot, "russia")).toBeNull();
  });
});
