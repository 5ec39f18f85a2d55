// next-intl's per-request configuration: the reader's language (their kept choice, then their
// browser's languages, then English: shared/src/i18n/locales.ts) and that language's messages
// only, so a page carries one language.
import { chooseLocale, localeCookie } from "@red-lines/shared/protocol";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages.ts";

export default getRequestConfig(async () => {
  const locale = chooseLocale(
    (await cookies()).get(localeCookie)?.value,
    (await headers()).get("accept-language"),
  );
  return { locale, messages: await loadMessages(locale) };
});
