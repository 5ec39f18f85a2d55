// Landing page: join a table with a code, or set up a workshop, and the workshops this browser
// runs. A server component; the join form and the list of workshops are the client parts. The join
// form sent before the page's scripts ran arrives here as ?code=…&name=…: a good code goes on to
// its join page, anything else fills the form again.
import { joinCodeSchema } from "@red-lines/shared/protocol";
import Link from "next/link";
import { redirect } from "next/navigation";
import styles from "../components/entry/entry.module.css";
import { JoinCodeForm } from "../components/entry/JoinCodeForm.tsx";
import { MyWorkshops } from "../components/entry/MyWorkshops.tsx";

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
  return (
    <main id="main" className="page">
      <h1>Red Lines</h1>
      <p className="lede">
        A negotiation simulation for classrooms: Ukraine, Russia, the United States and Europe negotiate a
        peace package, each bound by red lines the server enforces.
      </p>
      <div className={styles.choices}>
        <section aria-labelledby="join-heading" className="card">
          <h2 id="join-heading">Join a table</h2>
          <p>
            Enter the join code your instructor shows (or scan its QR code) and the name others will see. Next
            you choose your seat.
          </p>
          <JoinCodeForm initialCode={code} initialName={name} />
        </section>
        <section aria-labelledby="run-heading" className="card">
          <h2 id="run-heading">Run a workshop</h2>
          <p>
            For instructors: choose the scenario, its variant, the number of tables and the clock. You get a
            join code and a QR code to project, and a private instructor link to run the tables. No account
            needed.
          </p>
          <Link className="button" href="/workshop/new">
            Set up a workshop
          </Link>
        </section>
      </div>
      <MyWorkshops />
      <p className={styles.footnote}>
        Checking the network first? <Link href="/sandbox">Try a live connection at the sandbox table</Link>.
      </p>
    </main>
  );
}
