// The page for an address that is not one: in the app's own styles. (Next's built-in one carries an
// inline <style> without the nonce, which the Content-Security-Policy refuses; see client/proxy.ts.)
// Its way home is a plain link: every page carries this page's scripts for when it is needed, and
// next/link would add its own (about 3 KB gzipped) to each, for one click from a page that is rare.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("entry.meta"), getTranslations("app")]);
  return { title: t("notFound", { app: app("title") }) };
}

export default async function NotFound() {
  const t = await getTranslations("entry.notFound");
  return (
    <main id="main" className="page">
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <a className="button" href="/">
        {t("home")}
      </a>
    </main>
  );
}
