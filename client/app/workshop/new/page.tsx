// The instructor's set-up page. The scenarios are read here, on the server, and handed to the form
// as plain data: title, summary, source documents, variants and the clock's defaults.
import { getScenario, scenarioIds } from "@red-lines/shared/scenarios";
import type { Metadata } from "next";
import type { ScenarioChoice } from "../../../components/entry/scenarioChoice.ts";
import { WorkshopForm } from "../../../components/entry/WorkshopForm.tsx";

export const metadata: Metadata = { title: "Set up a workshop · Red Lines" };

function choices(): ScenarioChoice[] {
  return scenarioIds.flatMap((id) => {
    const scenario = getScenario(id);
    if (!scenario) return [];
    return [
      {
        id: scenario.id,
        title: scenario.title,
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

export default function NewWorkshopPage() {
  return (
    <main id="main" className="page">
      <h1>Set up a workshop</h1>
      <p className="lede">
        Choose what the class plays and how long turns last. You get a join code for the students and a
        private instructor link to run the tables.
      </p>
      <WorkshopForm scenarios={choices()} />
    </main>
  );
}
