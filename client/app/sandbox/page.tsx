import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "../../i18n/PageMessages.tsx";
import { SandboxTable } from "./SandboxTable.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("table");
  return { title: t("meta.sandbox") };
}

export default async function SandboxPage() {
  const t = await getTranslations("table.sandbox");
  return (
    <main id="main" className="page">
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <PageMessages areas={["table", "engine"]}>
        <SandboxTable />
      </PageMessages>
    </main>
  );
}
