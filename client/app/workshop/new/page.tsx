// The instructor's set-up page. The scenarios are read here, on the server, and handed to the form
// as plain data: title, summary, source documents (by their titles), variants and the clock's
// defaults. The built-in ones come from the registry; those saved from the studio (the latest
// version of each) from the server this page is rendered in, which reads them from its database.
// Their texts are in the reader's language, from each scenario's translation (English without one).
import {
  type Locale,
  type StoredScenarioChoices,
  scenarioChoiceSchema,
  storedScenarioChoicesKey,
} from "@red-lines/shared/protocol";
import { getScenario, localizeScenario, scenarioIds } from "@red-lines/shared/scenarios";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ScenarioChoice } from "../../../components/entry/scenarioChoice.ts";
import { WorkshopForm } from "../../../components/entry/WorkshopForm.tsx";
import { PageMessages } from "../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("entry.meta"), getTranslations("app")]);
  return { title: t("newWorkshop", { app: app("title") }) };
}

function builtInChoices(locale: Locale): ScenarioChoice[] {
  return scenarioIds.flatMap((id) => {
    const found = getScenario(id);
    if (!found) return [];
    const scenario = localizeScenario(found, locale);
    return [
      {
        id: scenario.id,
        title: scenario.title,
        origin: "built-in",
        version: null,
        summary: scenario.summary,
        documents: scenario.documents.map(({ file, title }) => ({ file, title })),
        variants: scenario.variants.map(({ id: variantId, name, description }) => ({
          id: variantId,
          name,
          description,
        })),
        defaultVariant: scenario.defaultVariant,
        clock: scenario.clock,
        seats: scenario.turnOrder.map((role) => scenario.roles.find((r) => r.id === role)?.name ?? role),
      },
    ];
  });
}

/** The stored scenarios the server offers; none when it offers none or could not read them. */
async function storedChoices(locale: Locale): Promise<ScenarioChoice[]> {
  const offered = (globalThis as unknown as Record<symbol, StoredScenarioChoices | undefined>)[
    Symbol.for(storedScenarioChoicesKey)
  ];
  if (!offered) return [];
  try {
    return scenarioChoiceSchema.array().parse(await offered(locale));
  } catch {
    // The built-in scenarios still make a working form.
    return [];
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function NewWorkshopPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // After creation the address names the workshop (?created=<id>): the form shows it again from
  // this browser's storage instead of a blank form.
  const { created } = await searchParams;
  const createdId = typeof created === "string" && uuidPattern.test(created) ? created : undefined;
  const [t, locale] = await Promise.all([getTranslations("entry.newWorkshop"), getLocale()]);
  return (
    <main id="main" className="page">
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <PageMessages areas={["entry"]}>
        <WorkshopForm
          scenarios={[...builtInChoices(locale), ...(await storedChoices(locale))]}
          createdId={createdId}
        />
      </PageMessages>
    </main>
  );
}
