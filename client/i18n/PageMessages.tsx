// The words a page's client components may use, in the reader's language: the areas it names,
// and always "app" and "common". Server components read every area through getTranslations and
// need no wrapper; client components below this one read the areas picked here (a nested
// provider replaces, not extends, the layout's messages).
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Namespace } from "./messages.ts";

export async function PageMessages({
  areas,
  children,
}: {
  areas: readonly Namespace[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  const picked = Object.fromEntries(
    ["app", "common", ...areas].map((area) => [area, (messages as Record<string, unknown>)[area]]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
