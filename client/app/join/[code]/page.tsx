// The join page, opened from the QR code or join link (the code is in the address) or from the
// landing page: the workshop's roles and free seats, a name, a seat. The live part is a client
// component; the look-up happens in the student's browser, where the join limit counts per device.
import { joinCodeSchema } from "@red-lines/shared/protocol";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { checkJoinCode } from "../../../components/entry/checks.ts";
import { JoinTable } from "../../../components/entry/JoinTable.tsx";
import { PageMessages } from "../../../i18n/PageMessages.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const [t, app] = await Promise.all([getTranslations("entry.meta"), getTranslations("app")]);
  return { title: t("join", { app: app("title") }) };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function JoinPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const { name, code: typed } = await searchParams;
  // The "check the join code" form, sent before the page's scripts ran: on to the code typed.
  const retyped = joinCodeSchema.safeParse(typeof typed === "string" ? typed : undefined);
  if (retyped.success) {
    const query = typeof name === "string" && name.trim() ? `?name=${encodeURIComponent(name.trim())}` : "";
    redirect(`/join/${retyped.data}${query}`);
  }
  // The code in the address, checked here so the page's scripts need no schema for it.
  const checked = checkJoinCode(decoded(code));
  const t = await getTranslations("entry");
  return (
    <main id="main" className="page">
      <h1>{t("joinPage.heading")}</h1>
      <PageMessages areas={["entry"]}>
        <JoinTable
          code={
            checked.ok
              ? { ok: true, code: checked.code }
              : { ok: false, problem: t(`checks.${checked.problem}`) }
          }
          initialName={typeof name === "string" ? name : ""}
        />
      </PageMessages>
    </main>
  );
}
