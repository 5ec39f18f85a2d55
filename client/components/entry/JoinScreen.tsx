"use client";
// The join screen for a projector: the QR code and the join link (both carry the code), the code
// itself for typing at the home page, and a live list of who sits where, from the instructor
// console's connection (the key comes from the instructor link's fragment or from this browser,
// where the set-up page left it). On a landscape screen it all fits one screen, list included.
import type { ConsoleTable } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useEffect, useState } from "react";
import { instructorKeyFor, takeKeyFromFragment } from "../../lib/credentials.ts";
import { connectionText } from "../../lib/liveRoom.ts";
import { useConsole } from "../../lib/useConsole.ts";
import styles from "./JoinScreen.module.css";
import { QrCode } from "./QrCode.tsx";
import { RoleFlag } from "./RoleFlag.tsx";

function seatedCount(tables: ConsoleTable[]): { seated: number; seats: number } {
  let seated = 0;
  let seats = 0;
  for (const table of tables) {
    seats += table.status.seats.length;
    seated += table.status.seats.filter((seat) => seat.occupied).length;
  }
  return { seated, seats };
}

export function JoinScreen({ workshopId }: { workshopId: string }) {
  // undefined: not read yet (the key lives only in the browser); null: this browser has none.
  const [key, setKey] = useState<string | null | undefined>(undefined);
  const [origin, setOrigin] = useState("");
  const [host, setHost] = useState("");
  useEffect(() => {
    const readKey = () => setKey(takeKeyFromFragment(workshopId) ?? instructorKeyFor(workshopId));
    readKey();
    setOrigin(window.location.origin);
    setHost(window.location.host);
    // A key pasted into the address bar after the page opened.
    window.addEventListener("hashchange", readKey);
    return () => window.removeEventListener("hashchange", readKey);
  }, [workshopId]);
  const live = useConsole(workshopId, key ?? null);

  if (key === null) {
    return (
      <main id="main" className="page">
        <h1>Join screen</h1>
        <section className="card" aria-labelledby="no-key-heading">
          <h2 id="no-key-heading">This screen needs the instructor link</h2>
          <p>
            This browser does not hold the key for this workshop. Open the instructor link you kept when you
            created the workshop (it ends in <code>#key=…</code>) in this browser, then choose &ldquo;Join
            screen for the projector&rdquo; in the console. You can also open the join screen directly: add
            the same <code>#key=…</code> to this page&apos;s address.
          </p>
          <p>
            No link? <Link href="/workshop/new">Set up a new workshop</Link>.
          </p>
        </section>
      </main>
    );
  }

  const code = live.joinCode;
  const link = code && origin ? `${origin}/join/${code}` : null;
  const { seated, seats } = seatedCount(live.tables);

  return (
    <main id="main" className={styles.screen}>
      <header className={styles.bar}>
        <h1 className={styles.title}>Join the negotiation</h1>
        <p
          role="status"
          className={`status ${styles.status}`}
          data-state={live.status === "open" ? "connected" : live.status}
        >
          <span aria-hidden="true">{live.status === "open" ? "●" : "○"}</span>
          {connectionText[live.status]}
        </p>
      </header>
      {live.problem ? (
        <p className={`error ${styles.problem}`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {live.problem} Open the instructor link again in this browser to get back in.
        </p>
      ) : null}
      <section className={styles.hero} aria-labelledby="how-heading">
        <h2 id="how-heading" className="visually-hidden">
          How to join
        </h2>
        <div className={styles.steps}>
          <p className={styles.step}>Scan the QR code, or open</p>
          <p className={styles.link}>
            {link && code ? (
              <a href={link}>
                {origin}
                <wbr />
                <span className={styles.nowrap}>/join/{code}</span>
              </a>
            ) : (
              "…"
            )}
          </p>
          <p className={styles.step}>
            or go to <span className={styles.host}>{host || "this site"}</span> and type the code
          </p>
          <p className={styles.code} data-testid="join-code">
            {code ?? "…"}
          </p>
        </div>
        <div className={styles.qr}>
          {link ? <QrCode text={link} label={`QR code of the join link ${link}`} /> : null}
        </div>
      </section>
      <section className={styles.joined} aria-labelledby="joined-heading">
        <div className={styles.joinedHead}>
          <h2 id="joined-heading">Who has joined</h2>
          <p aria-live="polite" className={styles.count}>
            {live.tables.length > 0 ? `${seated} of ${seats} seats taken` : ""}
          </p>
        </div>
        <ul className={styles.tables}>
          {live.tables.map((table) => (
            <li key={table.tableId} className={styles.table}>
              <h3 className={styles.tableName}>Table {table.number}</h3>
              <ul className={styles.seats} aria-label={`Seats at table ${table.number}`}>
                {table.status.seats.map((seat) => {
                  const online = table.connected.includes(seat.role);
                  return (
                    <li
                      key={seat.role}
                      className={styles.seat}
                      data-occupied={seat.occupied ? "true" : undefined}
                    >
                      <RoleFlag role={seat.role} name={seat.name} />
                      <span className={styles.role}>{seat.name}</span>
                      <span className={styles.who}>
                        {seat.occupied ? (seat.occupant ?? "taken") : "open seat"}
                        {seat.bot ? <span className={styles.away}> (bot, until a student joins)</span> : null}
                        {seat.occupied && !online && !seat.bot ? (
                          <span className={styles.away}> (not connected)</span>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
