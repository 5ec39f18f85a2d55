// The server's errors in the reader's language (client/messages/<locale>/common.json `errors`,
// said by client/lib/serverErrors.ts): every code a room or the HTTP API can send, each of its
// reasons, every join refusal and every close sentence has a message in each language, no message
// is left without a code, and the English says what the server says.
import {
  chooseSeat,
  closeCodes,
  closeSentences,
  errorCodes,
  httpErrorSentences,
  joinRefusalFor,
  joinRefusals,
  locales,
  roomErrorSentences,
} from "@red-lines/shared/engine";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { type ErrorsT, type ServerErrorBody, sayServerError } from "../../client/lib/serverErrors.ts";
import en from "../../client/messages/en/common.json";
import uk from "../../client/messages/uk/common.json";
import { floodedError, rateLimitedError } from "../../server/src/rooms/messageRate.ts";
import {
  internalError,
  observersCannotAct,
  seatLost,
  seatReplaced,
  seatRevoked,
  unavailableError,
} from "../../server/src/rooms/tableReplies.ts";

type Tree = { [key: string]: string | Tree };
const catalogues: Record<string, Tree> = { en, uk };

function flatten(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

/** Every message the catalogue of codes calls for, by its key under `errors`. */
function expectedKeys(): string[] {
  const sentences = (group: string, catalogue: Readonly<Record<string, readonly string[]>>) =>
    Object.entries(catalogue).flatMap(([code, reasons]) =>
      reasons.length === 0 ? [`${group}.${code}`] : reasons.map((reason) => `${group}.${code}.${reason}`),
    );
  return [
    ...sentences("room", roomErrorSentences),
    ...sentences("http", httpErrorSentences),
    ...Object.keys(joinRefusals).map((refusal) => `join.${refusal}`),
    ...(Object.keys(closeCodes) as (keyof typeof closeCodes)[])
      .filter((name) => closeSentences[closeCodes[name]] !== undefined)
      .map((name) => `close.${name}`),
  ].sort();
}

/** The English of the messages, as a page formats them (next-intl). */
const english = createTranslator({
  locale: "en",
  messages: { common: en },
  namespace: "common.errors",
}) as unknown as ErrorsT;

/** An error in English, as a page says it. */
const said = (group: "room" | "http", error: ServerErrorBody) => sayServerError(english, "en", group, error);

describe("the server's errors in the reader's language", () => {
  it("list every table room error code", () => {
    expect(Object.keys(roomErrorSentences).sort()).toEqual([...errorCodes].sort());
  });

  for (const locale of locales) {
    it(`have a message in ${locale} for every code, reason, join refusal and close sentence, and no other`, () => {
      const errors = catalogues[locale]?.errors as Tree;
      const { client: _client, ...byCode } = errors;
      expect(flatten(byCode).sort()).toEqual(expectedKeys());
    });
  }

  it("say in English what the table rooms say", () => {
    for (const error of [
      seatLost("intent"),
      seatRevoked,
      seatReplaced,
      internalError,
      unavailableError,
      observersCannotAct("intent"),
      rateLimitedError,
      floodedError,
    ]) {
      expect(said("room", error), error.code).toBe(error.message);
    }
  });

  it("keep the server's words for a code, or a reason, a page does not know, and frame a request's detail", () => {
    const ukrainian = createTranslator({
      locale: "uk",
      messages: { common: uk },
      namespace: "common.errors",
    });
    const sayUk = (error: ServerErrorBody) =>
      sayServerError(ukrainian as unknown as ErrorsT, "uk", "http", error);
    expect(sayUk({ code: "a-newer-code", message: "Something new." })).toBe("Something new.");
    expect(sayUk({ code: "not-instructor", message: "As it was." })).toBe("As it was.");
    expect(sayUk({ code: "not-instructor", reason: "a-newer-reason", message: "As it was." })).toBe(
      "As it was.",
    );
    expect(sayUk({ code: "invalid-request", message: "Enter a display name." })).toBe(
      "Запит не прийнято: Enter a display name.",
    );
    expect(
      sayUk({
        code: "no-such-role",
        message: "",
        values: { role: "china", roles: ["Україна", "Росія", "США"] },
      }),
    ).toBe("Місця «china» немає. Є такі місця: Україна, Росія і США.");
  });

  it("say in English what joining a workshop says", () => {
    const roles = [
      { id: "us", name: "the United States" },
      { id: "ukraine", name: "Ukraine" },
      { id: "russia", name: "Russia" },
    ];
    const full = [{ number: 1, taken: ["us", "ukraine", "russia"] }];
    for (const choice of [
      { table: 1, role: "us" },
      { table: 1 },
      { role: "us" },
      { role: "china" },
      { table: 3 },
      {},
    ]) {
      const refused = chooseSeat(full, roles, choice);
      expect(refused.ok, JSON.stringify(choice)).toBe(false);
      if (!refused.ok) expect(said("http", refused)).toBe(refused.message);
    }
  });

  it("know each join refusal by its number and sentence, and say it in English as the server does", () => {
    for (const [refusal, { status, message }] of Object.entries(joinRefusals)) {
      const known = joinRefusalFor(status, message);
      expect(known?.refusal).toBe(refusal);
      expect(english(`join.${refusal}`, known?.values)).toBe(message);
    }
    expect(joinRefusalFor(400, "tableId must be a table's id.")).toBeNull();
  });

  it("say a room's close in English as the server does", () => {
    expect(english("close.workshopDeleted")).toBe(closeSentences[closeCodes.workshopDeleted]);
  });
});
