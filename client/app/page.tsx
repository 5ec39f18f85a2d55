// Landing page: join a table with a code, or set up a workshop, and the workshops this browser
// runs. A server component; the join form and the list of workshops are the client parts. The join
// form sent before the page's scripts ran arrives here as ?code=…&name=…: a good code goes on to
// its join page, anything else fills the form again.
import { joinCodeSchema } from "@red-lines/shared/protocol";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import styles from "../components/entry/entry.module.css";
import { JoinCodeForm } from "../components/entry/JoinCodeForm.tsx";
import { MyWorkshops } from "../components/entry/MyWorkshops.tsx";
import { PageMessages } from "../i18n/PageMessages.tsx";

function one(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const code = one(query.code);
  const name = one(query.name).trim();
  const parsed = joinCodeSchema.safeParse(code);
  if (parsed.success) redirect(`/join/${parsed.data}${name ? `?name=${encodeURIComponent(name)}` : ""}`);
  const t = await getTranslations("entry.home");
  return (
    <main id="main" className="page">
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <PageMessages areas={["entry"]}>
        <div className={styles.choices}>
          <section aria-labelledby="join-heading" className="card">
            <h2 id="join-heading">{t("joinHeading")}</h2>
            <p>{t("joinText")}</p>
            <JoinCodeForm initialCode={code} initialName={name} />
          </section>
          <section aria-labelledby="run-heading" className="card">
            <h2 id="run-heading">{t("runHeading")}</h2>
            <p>{t("runText")}</p>
            <Link className="button" href="/workshop/new">
              {t("setUp")}
            </Link>
          </section>
        </div>
        <MyWorkshops />
      </PageMessages>
      <p className={styles.footnote}>
        {t.rich("sandbox", { link: (chunks) => <Link href="/sandbox">{chunks}</Link> })}
      </p>
    </main>
  );
}
