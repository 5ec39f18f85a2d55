import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "../components/LanguageSwitcher.tsx";
import { GameClientProvider } from "../lib/colyseus.tsx";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("title"), description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request: its scripts carry the nonce of that request's
// Content-Security-Policy (client/proxy.ts), which a page built ahead of time could not know,
// and its words are in the reader's language (i18n/request.ts).
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  // Client components everywhere (the switcher, shared primitives) read "app" and "common"; a
  // page adds its own areas with PageMessages (i18n/PageMessages.tsx).
  const { app, common } = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={{ app, common }}>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          <LanguageSwitcher />
          <GameClientProvider>{children}</GameClientProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
