// Hands the set-up page (rendered by Next in this process) the stored scenarios it offers: a
// function under a global symbol, since the page is compiled apart from the server and reaches no
// database of its own. It gives the choices only: titles, seats and variants, never briefs, in
// the language the page asks for.
import type { Db } from "@red-lines/db";
import { type StoredScenarioChoices, storedScenarioChoicesKey } from "@red-lines/shared/engine";
import { storedScenarioChoices } from "./storedScenarios.ts";

type Slot = Record<symbol, StoredScenarioChoices | undefined>;

/** Offers this server's stored scenarios to its pages; the returned function takes them back. */
export function offerStoredScenarios(prisma: Db): () => void {
  const key = Symbol.for(storedScenarioChoicesKey);
  const slot = globalThis as unknown as Slot;
  const offered: StoredScenarioChoices = (locale) => storedScenarioChoices(prisma, locale);
  slot[key] = offered;
  return () => {
    if (slot[key] === offered) delete slot[key];
  };
}
