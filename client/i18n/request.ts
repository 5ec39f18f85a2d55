// next-intl's per-request configuration: the reader's language (their kept choice, then their
// browser's languages, then English: shared/src/i18n/locales.ts) and that language's messages
// only, so a page carries one language.
import { chooseLocale, type Locale, localeCookie } from "@red-lines/shared/protocol";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

const catalogs: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("../messages/en.json"),
  uk: () => import("../messages/uk.json"),
};

export default getRequestConfig(async () => {
  const locale = chooseLocale(
    (await cookies()).get(localeCookie)?.value,
    (await headers()).get("accept-language"),
  );
  return { locale, messages: (await catalogs[locale]()).default };
});
