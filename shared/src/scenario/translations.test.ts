import { describe, expect, it } from "vitest";
import { loadScenario } from "./load.ts";
import { scenarioData } from "./registry.ts";
import type { Scenario } from "./schema.ts";
import { localizeScenario, translationCoverage } from "./translations.ts";

/** The flagship with `translations` set as given, loaded and checked as a file would be. */
function withTranslations(translations: unknown) {
  const data = structuredClone(scenarioData("ukraine-2026")) as Record<string, unknown>;
  data.translations = translations;
  return loadScenario(data);
}

const loaded = (translations: unknown): Scenario => {
  const result = withTranslations(translations);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
};

describe("scenario translations", () => {
  it("lay a language over the English text by text, keyed by the scenario's ids", () => {
    const scenario = loaded({
      uk: {
        title: "Мирні переговори щодо України, 2026",
        roles: { ukraine: { name: "Україна", privateBrief: { priorities: ["Перший пріоритет"] } } },
        issues: { territory: { name: "Територія", options: { deferred: { label: "Питання відкладено" } } } },
        redLines: { "ua-no-legal-cession": { title: "Жодної юридичної поступки української землі" } },
      },
    });
    const uk = localizeScenario(scenario, "uk");
    expect(uk.title).toBe("Мирні переговори щодо України, 2026");
    expect(uk.roles.find((r) => r.id === "ukraine")?.name).toBe("Україна");
    // Untranslated texts read in English; the numbers and rules are the same scenario's.
    expect(uk.roles.find((r) => r.id === "russia")?.name).toBe(
      scenario.roles.find((r) => r.id === "russia")?.name,
    );
    const territory = uk.issues.find((i) => i.id === "territory");
    expect(territory?.name).toBe("Територія");
    expect(territory?.options.find((o) => o.id === "deferred")?.label).toBe("Питання відкладено");
    expect(territory?.options.find((o) => o.id === "full-restoration")?.label).toBe(
      scenario.issues.find((i) => i.id === "territory")?.options.find((o) => o.id === "full-restoration")
        ?.label,
    );
    const brief = uk.roles.find((r) => r.id === "ukraine")?.privateBrief.priorities;
    expect(brief?.[0]).toBe("Перший пріоритет");
    expect(brief?.[1]).toBe(scenario.roles.find((r) => r.id === "ukraine")?.privateBrief.priorities[1]);
    expect(
      Object.values(uk.redLines)
        .flat()
        .find((line) => line.id === "ua-no-legal-cession")?.title,
    ).toBe("Жодної юридичної поступки української землі");
    expect(uk.utilities).toEqual(scenario.utilities);
    // The original stays English; the copy is made once; English is the scenario itself.
    expect(scenario.title).toBe("Ukraine peace talks, 2026");
    expect(localizeScenario(scenario, "uk")).toBe(uk);
    expect(localizeScenario(scenario, "en")).toBe(scenario);
  });

  it("report each language's untranslated texts by their place in the translation", () => {
    const none = translationCoverage(loaded(undefined), "uk");
    expect(none.translated).toBe(0);
    expect(none.missing.length).toBe(none.texts);
    expect(none.missing).toContain("issues.territory.options.deferred.label");
    expect(none.missing).toContain("events.us-intel-pause.flash");

    const some = translationCoverage(
      loaded({ uk: { title: "Мирні переговори", issues: { territory: { name: "Територія" } } } }),
      "uk",
    );
    expect(some.translated).toBe(2);
    expect(some.missing).not.toContain("title");
    expect(some.missing).not.toContain("issues.territory.name");
    expect(some.missing.length).toBe(none.texts - 2);
  });

  it("refuse a translation of something the scenario does not have, naming where", () => {
    const result = withTranslations({
      uk: {
        issues: { territory: { options: { "no-such-option": { label: "Х" } } } },
        roles: { ukraine: { privateBrief: { priorities: ["1", "2", "3", "4", "5", "6", "7", "8", "9"] } } },
        events: { "no-such-event": { title: "Х" } },
      },
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(paths).toContain("translations.uk.issues.territory.options.no-such-option.label");
    expect(paths).toContain("translations.uk.events.no-such-event.title");
    expect(
      paths.some((path) => /^translations\.uk\.roles\.ukraine\.privateBrief\.priorities\.\d$/.test(path)),
    ).toBe(true);
    expect(result.ok ? "" : result.errors[0]?.message).toMatch(/no text of the scenario is at/);
  });

  it("take only the supported languages and the texts a scenario has", () => {
    const french = withTranslations({ fr: { title: "Pourparlers" } });
    expect(french.ok ? [] : french.errors.map((error) => error.message).join(" ")).toMatch(
      /translations are keyed by language: uk/,
    );
    const typo = withTranslations({ uk: { tittle: "Х" } });
    expect(typo.ok).toBe(false);
    const empty = withTranslations({ uk: { title: "" } });
    expect(empty.ok).toBe(false);
  });
});

describe("translations in the studio's edits", () => {
  const translated = () =>
    loaded({
      uk: {
        roles: { us: { name: "Сполучені Штати" } },
        issues: { territory: { name: "Територія", options: { deferred: { label: "Відкладено" } } } },
        variants: { "back-channel": { briefNotes: { russia: "Примітка" } } },
        redLines: { "ua-no-legal-cession": { title: "Жодної юридичної поступки" } },
      },
    });

  it("follow a renamed role, issue or option", async () => {
    const { renameIssue, renameOption, renameRole } = await import("../studio/draft.ts");
    const { loadScenario: load } = await import("./load.ts");
    let draft = renameRole(translated(), "us", "usa");
    draft = renameRole(draft, "russia", "rf");
    draft = renameIssue(draft, "territory", "land");
    draft = renameOption(draft, "land", "deferred", "later");
    expect(load(draft).ok).toBe(true);
    const uk = localizeScenario(draft, "uk");
    expect(uk.roles.find((r) => r.id === "usa")?.name).toBe("Сполучені Штати");
    expect(uk.issues.find((i) => i.id === "land")?.options.find((o) => o.id === "later")?.label).toBe(
      "Відкладено",
    );
    expect(uk.variants.find((v) => v.id === "back-channel")?.briefNotes?.rf).toBe("Примітка");
  });

  it("go with a removed text, so the draft still passes the check", async () => {
    const { removeRole, removeOption, removeAt } = await import("../studio/draft.ts");
    const { withoutStrayTranslations } = await import("./translations.ts");
    const { loadScenario: load } = await import("./load.ts");
    // Removing a role or an option may break the flagship's rules too; none of the errors is a
    // translation's.
    const translationErrorsOf = (draft: Scenario) => {
      const result = load(draft);
      return result.ok
        ? []
        : result.errors.map((error) => error.path).filter((path) => path.startsWith("translations"));
    };
    const noUs = removeRole(translated(), "us");
    expect(translationErrorsOf(noUs)).toEqual([]);
    expect(noUs.translations?.uk?.roles).toBeUndefined();
    const noOption = removeOption(translated(), "territory", "deferred");
    expect(translationErrorsOf(noOption)).toEqual([]);
    expect(noOption.translations?.uk?.issues?.territory).toEqual({ name: "Територія" });
    // A red line removed by a generic edit: the studio prunes after every edit.
    const base = translated();
    const lines = base.redLines.ukraine ?? [];
    const index = lines.findIndex((line) => line.id === "ua-no-legal-cession");
    const noLine = removeAt(base, ["redLines", "ukraine", index]);
    expect(translationErrorsOf(noLine)).toEqual(["translations.uk.redLines.ua-no-legal-cession.title"]);
    const pruned = withoutStrayTranslations(noLine);
    expect(translationErrorsOf(pruned)).toEqual([]);
    expect(pruned.translations?.uk?.redLines).toBeUndefined();
    // Nothing stray: the same scenario.
    expect(withoutStrayTranslations(base)).toBe(base);
  });
});
