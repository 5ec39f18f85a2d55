"use client";
// The language switcher on every page (app/layout.tsx): the reader's choice is kept in a cookie,
// which the server reads for every page (i18n/request.ts); the page then renders again in it.
import {
  type Locale,
  localeCookie,
  localeCookieMaxAgeSeconds,
  localeNames,
  locales,
} from "@red-lines/shared/protocol";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import styles from "./LanguageSwitcher.module.css";

export function LanguageSwitcher() {
  const t = useTranslations("app.language");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: Locale) => {
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie, read by the server; the Cookie Store API is not in every browser this must serve.
    document.cookie = `${localeCookie}=${locale}; path=/; max-age=${localeCookieMaxAgeSeconds}; samesite=lax${secure}`;
    startTransition(() => router.refresh());
  };

  return (
    <nav className={styles.bar} aria-label={t("label")} aria-busy={pending}>
      <ul className={styles.list}>
        {locales.map((locale) => (
          <li key={locale}>
            <button
              type="button"
              lang={locale}
              className={styles.choice}
              aria-pressed={locale === current}
              onClick={() => locale !== current && choose(locale)}
            >
              {localeNames[locale]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
