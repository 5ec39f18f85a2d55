// The messages of the interface, one file per area and language (client/messages/<locale>/<area>.json),
// so that an area's words can be written and reviewed on their own. The English files are the
// source: every other language has the same keys and the same arguments (tests/unit/messages.test.ts).
//
// A page hands its client components only the areas it uses (PageMessages), so a page carries
// the words it shows in one language, not the whole catalogue.
import type { Locale } from "@red-lines/shared/protocol";

export const namespaces = [
  "app",
  "common",
  "table",
  "console",
  "debrief",
  "replay",
  "entry",
  "studio",
  "engine",
  "feed",
  "summary",
  "bots",
  "checks",
] as const;
export type Namespace = (typeof namespaces)[number];

export type Messages = Record<Namespace, Record<string, unknown>>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const files = await Promise.all(
    namespaces.map(async (namespace) => {
      const file: { default: Record<string, unknown> } = await import(
        `../messages/${locale}/${namespace}.json`
      );
      return [namespace, file.default] as const;
    }),
  );
  return Object.fromEntries(files) as Messages;
}
