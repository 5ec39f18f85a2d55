// The bots: never past their own red lines, grounded messages, deterministic games, and the
// simulation figures the issue asks for (200 seeded tables per variant).
import { describe, expect, it } from "vitest";
import { english, renderer } from "../i18n/catalogs.ts";
import { type Phrase, phrase } from "../i18n/phrase.ts";
import { createRandom } from "../random.ts";
import { checkRedLines } from "../redLines/check.ts";
import { effectiveScenario } from "../scenario/effective.ts";
import { getScenario } from "../scenario/registry.ts";
import type { Scenario } from "../scenario/schema.ts";
import { syntheticScenario } from "../scenario/synthetic.ts";
import { parseCommand } from "../table/decide.ts";
import { erasedEvent } from "../table/erasure.ts";
import type { TableEvent } from "../table/events.ts";
import { fold } from "../table/evolve.ts";
import { TableScript } from "../table/script.ts";
import { initialSetupState } from "../table/setup.ts";
import { viewFor } from "../table/view.ts";
import { simulate, simulateTable } from "./simulate.ts";
import { aspiration, botMove, estimateOthers, progress } from "./strategy.ts";
import { botWords } from "./words.ts";

const ukraine = getScenario("ukraine-2026") as Scenario;
const roles = ["us", "ukraine", "europe", "russia"] as const;
const boulware = Object.fromEntries(roles.map((role) => [role, "boulware" as const]));
const conceder = Object.fromEntries(roles.map((role) => [role, "conceder" as const]));

function negotiating(variant = "back-channel") {
  const table = new TableScript({ scenario: ukraine, variant });
  for (const role of roles) table.do({ type: "claim-seat", actor: role, name: role });
  return table.do({ type: "start", actor: "instructor" }, { type: "start", actor: "instructor" });
}

describe("a bot", () => {
  it("sees only its own seat's view and never tables or accepts past its own red lines", () => {
    const scenario = getScenario("ukraine-2026");
    if (!scenario) throw new Error("no flagship scenario");
    for (const variant of ["back-channel", "public-positions"]) {
      const effective = effectiveScenario(scenario, variant);
      const table = simulateTable(
        { scenario: ukraine, variant },
        `red-lines:${variant}`,
        boulware,
        undefined,
        botWords,
      );
      expect(table.redLineBreaches).toBe(0);
      expect(table.otherRefusals).toBe(0);
      // Each move's reasoning is in the log for the debrief, and in no seat's view.
      const notes = table.events.filter((event) => event.type === "bot-noted");
      expect(notes.length).toBeGreaterThan(0);
      const note = notes[0]?.type === "bot-noted" ? notes[0].text : "";
      const ukNote = notes[0]?.type === "bot-noted" ? (notes[0].translations?.uk ?? "") : "";
      expect(note).toMatch(/aspiration/);
      expect(ukNote).toMatch(/цільовий рівень/);
      for (const role of roles) {
        expect(JSON.stringify(viewFor(table.state, role))).not.toContain(note);
        expect(JSON.stringify(viewFor(table.state, role, "uk"))).not.toContain(ukNote);
      }
      for (const event of table.events) {
        if (event.type === "version-tabled") {
          expect(checkRedLines(effective, event.seat, event.package)).toEqual([]);
        }
        if (event.type === "version-accepted") {
          const version = table.events.find(
            (e) => e.type === "version-tabled" && e.version === event.version,
          );
          if (version?.type !== "version-tabled") throw new Error("accepted an untabled version");
          expect(checkRedLines(effective, event.seat, version.package)).toEqual([]);
        }
      }
    }
  });

  it("concedes over time, slowly as Boulware and quickly as Conceder, never below its no-deal value", () => {
    const table = negotiating();
    const view = () => viewFor(table.state, "ukraine");
    const me = view().me;
    if (!me) throw new Error("no private view");
    const early = {
      boulware: aspiration(view(), me, "boulware", 90),
      conceder: aspiration(view(), me, "conceder", 90),
    };
    expect(progress(view())).toBe(0);
    expect(early.boulware).toBeCloseTo(90);
    // Pass turns until the last round.
    while ((table.state.turn?.round ?? 0) < table.state.rounds)
      table.do({ type: "pass", actor: table.state.turn?.seat ?? "" });
    const late = {
      boulware: aspiration(view(), me, "boulware", 90),
      conceder: aspiration(view(), me, "conceder", 90),
    };
    expect(late.boulware).toBeLessThan(early.boulware);
    expect(late.conceder).toBeLessThan(late.boulware);
    expect(late.conceder).toBeGreaterThan(me.batna);
  });

  it("learns what the others want from what they table and object to", () => {
    const table = negotiating();
    table.do(
      { type: "set-option", actor: "us", issue: "territory", option: "deferred" },
      { type: "table-draft", actor: "us" },
      { type: "object", actor: "russia", version: 1, issues: ["territory"], note: "" },
    );
    const estimate = estimateOthers(viewFor(table.state, "ukraine"), "ukraine");
    // Tabled by the US (+2), objected to by Russia (−3).
    expect(estimate.get("territory")?.get("deferred")).toBe(-1);
  });

  it("explains its moves in character, citing its red line by its title", () => {
    const table = negotiating();
    let said: string | null = null;
    for (let step = 0; step < 40 && said === null; step++) {
      const seat = table.state.turn?.seat ?? "us";
      const move = botMove(viewFor(table.state, seat), createRandom(step), { style: "boulware" });
      if (!move) break;
      if (move.command.type === "object") throw new Error("no version to object to yet");
      table.do({ ...move.command, actor: seat } as Parameters<typeof table.do>[0]);
      if (move.command.type === "table-draft" && move.say) said = english(ukraine, move.say);
      expect(english(ukraine, move.reasoning).length).toBeGreaterThan(10);
    }
    const titles = Object.values(table.state.effective.redLines)
      .flat()
      .map((line) => line.title);
    const cited = /We put forward a package\..*red line “(.+)”\.$/.exec(said ?? "")?.[1];
    expect(titles).toContain(cited);
    expect(said).not.toMatch(/\b[a-z]+-[a-z]+-[a-z-]+\b/);
  });

  it("plays the same game from the same seed", () => {
    const a = simulateTable(
      { scenario: ukraine, variant: "back-channel" },
      "same",
      conceder,
      undefined,
      botWords,
    );
    const b = simulateTable(
      { scenario: ukraine, variant: "back-channel" },
      "same",
      conceder,
      undefined,
      botWords,
    );
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});

describe("bot-only simulation over 200 seeded tables", () => {
  it("reaches agreement in at least 60% on back-channel, never on public-positions, with no red line broken", () => {
    const back = simulate(
      { scenario: ukraine, variant: "back-channel" },
      { tables: 200, seed: "t", styles: boulware },
    );
    expect(back.agreementRate).toBeGreaterThanOrEqual(0.6);
    expect(back.redLineBreaches).toBe(0);
    expect(back.meanParetoDistance).not.toBeNull();
    const publicPositions = simulate(
      { scenario: ukraine, variant: "public-positions" },
      { tables: 200, seed: "t", styles: boulware },
    );
    expect(publicPositions.agreementRate).toBe(0);
    expect(publicPositions.redLineBreaches).toBe(0);
  }, 120_000);
});

describe("bot-only tables of 2 to 6 seats", () => {
  it("play a generated scenario of each size to its end, every seat moving, no red line broken", () => {
    const styles = ["boulware", "linear", "conceder"] as const;
    for (const seats of [2, 3, 4, 5, 6]) {
      const scenario = syntheticScenario({
        seed: `bots-${seats}`,
        roles: seats,
        issues: 5,
        options: 3,
        redLinesPerRole: 1,
        batna: 35,
      });
      const each = Object.fromEntries(
        scenario.turnOrder.map((role, r) => [role, styles[r % styles.length] ?? "linear"]),
      );
      const table = simulateTable({ scenario, rounds: 3 }, `size-${seats}`, each, undefined, botWords);
      expect(table.state.phase, `${seats} seats`).toBe("concluded");
      expect(table.redLineBreaches, `${seats} seats`).toBe(0);
      const tablers = new Set(table.events.flatMap((e) => (e.type === "version-tabled" ? [e.seat] : [])));
      const speakers = new Set(table.events.flatMap((e) => (e.type === "message-sent" ? [e.from] : [])));
      expect([...speakers].sort(), `${seats} seats`).toEqual([...scenario.turnOrder].sort());
      expect(tablers.size, `${seats} seats`).toBeGreaterThan(0);
    }
  });
});

/** A bot-only table's words, in the order the bots said them, with their Ukrainian. */
function wordsOf(events: readonly TableEvent[]) {
  return events.flatMap((event) => {
    if (event.type === "message-sent") return [{ kind: "say", text: event.text, uk: event.translations?.uk }];
    if (event.type === "bot-noted") return [{ kind: "note", text: event.text, uk: event.translations?.uk }];
    if (event.type === "version-objected")
      return [{ kind: "objection", text: event.note, uk: event.noteTranslations?.uk }];
    return [];
  });
}

describe("a bot's words", () => {
  const backChannel = { scenario: ukraine, variant: "back-channel" };
  const played = simulateTable(backChannel, "words", boulware, undefined, botWords);
  const words = wordsOf(played.events);

  it("are today's English, character for character", () => {
    // Lines the bots wrote with English templates before they spoke in phrases, from this seed.
    for (const line of [
      "We put forward a package. Ceasefire matters most to us: Current line with a demilitarised zone. We hold to our red line “No NATO membership now”.",
      "tabling a package worth 99.6 to us (aspiration 99.6, no deal 35), shaped toward what the others tabled and accepted",
      "We cannot accept this: it gives us 67.2, short of what we can settle for now",
      "Version 1 does not work for us on Security guarantees for Ukraine, Military aid to Ukraine, Legal status of the occupied territory.",
      "version 1 is worth 67.2; aspiration 100; it gives us 67.2, short of what we can settle for now",
      "We cannot accept this: it breaks our red line “No ceasefire without real guarantees”: Ukraine will only stop fighting on a ceasefire line if it is protected against the next attack: either Article 5-style guarantees, or binding treaties with European states together with a European force on the line. Paper assurances failed it before.",
      "We accept version 14. Legal status of the occupied territory matters most to us: Full restoration. We hold to our red line “No recognition of annexation”.",
      "version 14 is worth 95.4 to us, above our aspiration of 86.8 (no deal: 45)",
      "we have accepted version 14 and wait for the others",
    ]) {
      expect(words.map((word) => word.text)).toContain(line);
    }
    // The wordings no game of this seed reaches.
    const en = (code: Phrase["code"], values?: Phrase["values"]) => english(ukraine, phrase(code, values));
    expect(en("bot.reasoning.draft", { value: 71.3, aspiration: 80 })).toBe(
      "drafting toward a package worth 71.3 (aspiration 80)",
    );
    expect(en("bot.reasoning.nothing")).toBe("nothing better to table than what is on the table");
    expect(en("bot.say.object-unspecified", { version: 3 })).toBe(
      "Version 3 does not work for us on several issues.",
    );
    expect(
      en("bot.say.accept", {
        version: 2,
        grounding: {
          phrase: phrase("bot.grounding.priority", {
            issue: { issue: "nato" },
            option: { phrase: phrase("bot.option-open") },
          }),
        },
      }),
    ).toBe("We accept version 2. NATO membership matters most to us: open.");
    expect(en("bot.say.table-plain")).toBe("We put forward a package.");
  });

  it("come in Ukrainian too, with the scenario's Ukrainian names and Ukrainian numbers", () => {
    expect(words.length).toBeGreaterThan(0);
    // Every line has its Ukrainian, and no English is left in it.
    for (const word of words) {
      expect(word.uk, word.text).toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
      expect(word.uk).not.toMatch(/\b(?:We|version|aspiration|matters)\b/);
    }
    const ukWords = words.map((word) => word.uk);
    expect(ukWords).toContain(
      "Ми пропонуємо пакет. Найважливіше для нас питання — «Припинення вогню»: Нинішня лінія з демілітаризованою зоною. Ми дотримуємося своєї червоної лінії «Жодного членства в НАТО зараз».",
    );
    expect(ukWords).toContain(
      "Версія 1 нас не влаштовує; проблемні питання: «Гарантії безпеки для України», «Військова допомога Україні», «Правовий статус окупованих територій».",
    );
    expect(ukWords).toContain(
      "цінність версії 14 для нас — 95,4, вище за наш цільовий рівень 86,8 (результат за відсутності угоди: 45)",
    );
    const uk = (code: Phrase["code"], values?: Phrase["values"]) =>
      renderer(ukraine, "uk")(phrase(code, values));
    expect(uk("bot.reasoning.draft", { value: 71.3, aspiration: 80 })).toBe(
      "наближаємо чернетку до пакета цінністю 71,3 (цільовий рівень 80)",
    );
  });

  it("are read by each seat in its own language: chat and objection notes; a person's words as typed", () => {
    const state = played.state;
    const objection = played.events.find((event) => event.type === "version-objected");
    if (objection?.type !== "version-objected") throw new Error("no objection");
    for (const seat of ["ukraine", "russia"]) {
      const english = viewFor(state, seat, "en");
      const ukrainian = viewFor(state, seat, "uk");
      expect(english.publicChat.map((m) => m.text)).toEqual(
        words.filter((w) => w.kind === "say").map((w) => w.text),
      );
      expect(ukrainian.publicChat.map((m) => m.text)).toEqual(
        words.filter((w) => w.kind === "say").map((w) => w.uk),
      );
      const noteIn = (view: typeof english) =>
        view.versions
          .find((v) => v.number === objection.version)
          ?.objections.find((o) => o.seat === objection.seat)?.note;
      expect(noteIn(english)).toBe(objection.note);
      expect(noteIn(ukrainian)).toBe(objection.noteTranslations?.uk);
      // Translations stay on the server: a view carries only the reader's text.
      expect(JSON.stringify(english)).not.toContain("translations");
      expect(JSON.stringify(ukrainian)).not.toContain("translations");
    }
    // The same message read twice in a language is the same object (views diff by identity).
    expect(viewFor(state, "us", "uk").publicChat[0]).toBe(viewFor(state, "europe", "uk").publicChat[0]);
  });

  it("are read in English from a log written before bots spoke in other languages", () => {
    const old = played.events.map((event) => {
      if (event.type === "message-sent" || event.type === "bot-noted") {
        const { translations: _, ...rest } = event;
        return rest;
      }
      if (event.type === "version-objected") {
        const { noteTranslations: _, ...rest } = event;
        return rest;
      }
      return event;
    });
    const ukrainian = viewFor(fold(initialSetupState(backChannel), old), "ukraine", "uk");
    expect(ukrainian.publicChat.map((m) => m.text)).toEqual(
      words.filter((w) => w.kind === "say").map((w) => w.text),
    );
  });

  it("leave nothing to read in any language once erased", () => {
    const erased = played.events.map((event) => erasedEvent(event, "us") ?? event);
    const state = fold(initialSetupState(backChannel), erased);
    for (const locale of ["en", "uk"] as const) {
      const usLines = viewFor(state, "ukraine", locale).publicChat.filter((m) => m.from === "us");
      expect(usLines.length).toBeGreaterThan(0);
      expect(usLines.every((m) => m.text === "")).toBe(true);
    }
  });

  it("come with translations only from a seat a bot plays: a person's words stay as typed", () => {
    const table = negotiating();
    const refused = table.try({ type: "say", actor: "us", text: "Hello.", translations: { uk: "Привіт." } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal.code).toBe("not-allowed");
    expect(english(ukraine, refused.refusal.phrase)).toBe(
      "Only a seat a bot plays sends its words with translations; a person's words are shown as they were written.",
    );
    expect(renderer(ukraine, "uk")(refused.refusal.phrase)).toBe(
      "Переклади разом зі словами надсилає лише місце, яке веде бот; слова людини показуються так, як їх написано.",
    );
    table.do({ type: "set-option", actor: "us", issue: "territory", option: "deferred" });
    table.do({ type: "table-draft", actor: "us" });
    const objected = table.try({
      type: "object",
      actor: "russia",
      version: 1,
      issues: [],
      note: "No.",
      noteTranslations: { uk: "Ні." },
    });
    expect(objected.ok ? null : objected.refusal.code).toBe("not-allowed");
    // A person's words, without translations, go as typed.
    table.do({ type: "say", actor: "us", text: "Hello." });
    expect(viewFor(table.state, "ukraine", "uk").publicChat.at(-1)?.text).toBe("Hello.");
    // Handed to a bot, the seat's words come in every language.
    table.do({ type: "release-seat", actor: "instructor", seat: "us" });
    table.do({ type: "assign-seat", actor: "instructor", seat: "us", bot: "linear" });
    table.do({ type: "say", actor: "us", text: "Hello.", translations: { uk: "Вітаємо." } });
    expect(viewFor(table.state, "ukraine", "uk").publicChat.at(-1)?.text).toBe("Вітаємо.");
    expect(viewFor(table.state, "ukraine", "en").publicChat.at(-1)?.text).toBe("Hello.");
  });

  it("refuses translations in a language the table does not speak, or longer than the text may be", () => {
    const base = { type: "say", actor: "us", at: 0, text: "Hello." };
    const french = parseCommand({ ...base, translations: { fr: "Bonjour." } });
    expect(french.ok).toBe(false);
    if (!french.ok) {
      expect(english(ukraine, french.refusal.phrase)).toBe(
        "That command is malformed (translations: translations are keyed by language (uk); English is the text itself).",
      );
    }
    const long = parseCommand({ ...base, translations: { uk: "ш".repeat(1001) } });
    expect(long.ok ? null : long.refusal.code).toBe("invalid-command");
    const note = parseCommand({
      type: "object",
      actor: "us",
      at: 0,
      version: 1,
      issues: [],
      note: "No.",
      noteTranslations: { uk: "ш".repeat(501) },
    });
    expect(note.ok ? null : note.refusal.code).toBe("invalid-command");
    expect(parseCommand({ ...base, translations: { uk: "Вітаємо." } }).ok).toBe(true);
  });
});
