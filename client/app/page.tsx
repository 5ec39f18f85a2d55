// Landing page: a server component; the live parts live on their own client pages.
import Link from "next/link";

export default function Home() {
  return (
    <main id="main" className="page">
      <h1>Red Lines</h1>
      <p className="lede">
        A negotiation simulation for classrooms: Ukraine, Russia, the United States and Europe negotiate a
        peace package, each bound by red lines the server enforces.
      </p>
      <section aria-labelledby="sandbox-heading" className="card">
        <h2 id="sandbox-heading">Sandbox table</h2>
        <p>Open a live table, see who else is there, and send a ping that every participant receives.</p>
        <Link className="button" href="/sandbox">
          Open the sandbox table
        </Link>
      </section>
    </main>
  );
}
