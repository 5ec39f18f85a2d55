// Landing page: join a table with a code, or set up a workshop. A server component; the join form
// is the only client part.
import Link from "next/link";
import styles from "../components/entry/entry.module.css";
import { JoinCodeForm } from "../components/entry/JoinCodeForm.tsx";

export default function Home() {
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
          <JoinCodeForm />
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
      <p className={styles.footnote}>
        Checking the network first? <Link href="/sandbox">Try a live connection at the sandbox table</Link>.
      </p>
    </main>
  );
}
