"use client";
// The join screen for a projector: the QR code and the join link (both carry the code), the code
// itself for typing at the home page, and a live list of who sits where, from the instructor
// console's connection (the key comes from the instructor link's fragment or from this browser,
// where the set-up page left it). On a landscape screen it all fits one screen, list included.
import type { ConsoleTable } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { instructorKeyFor, takeKeyFromFragment } from "../../lib/credentials.ts";
import { useConnectionText } from "../../lib/liveRoom.ts";
import { usePersonName } from "../../lib/personName.ts";
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
  const t = useTranslations("entry.joinScreen");
  const personName = usePersonName();
  const connectionText = useConnectionText();
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
        <h1>{t("heading")}</h1>
        <section className="card" aria-labelledby="no-key-heading">
          <h2 id="no-key-heading">{t("noKeyHeading")}</h2>
          <p>{t.rich("noKeyText", { code: (chunks) => <code>{chunks}</code> })}</p>
          <p>{t.rich("noLink", { link: (chunks) => <Link href="/workshop/new">{chunks}</Link> })}</p>
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
        <h1 className={styles.title}>{t("title")}</h1>
        <p
          role="status"
          className={`status ${styles.status}`}
          data-state={live.status === "open" ? "connected" : live.status}
        >
          <span aria-hidden="true">{live.status === "open" ? "●" : "○"}</span>
          {connectionText(live.status)}
        </p>
      </header>
      {live.problem ? (
        <p className={`error ${styles.problem}`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {t("problem", { problem: live.problem })}
        </p>
      ) : null}
      <section className={styles.hero} aria-labelledby="how-heading">
        <h2 id="how-heading" className="visually-hidden">
          {t("howHeading")}
        </h2>
        <div className={styles.steps}>
          <p className={styles.step}>{t("scan")}</p>
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
            {t.rich("orGoTo", {
              host: host || t("thisSite"),
              site: (chunks) => <span className={styles.host}>{chunks}</span>,
            })}
          </p>
          <p className={styles.code} data-testid="join-code">
            {code ?? "…"}
          </p>
        </div>
        <div className={styles.qr}>{link ? <QrCode text={link} label={t("qrLabel", { link })} /> : null}</div>
      </section>
      <section className={styles.joined} aria-labelledby="joined-heading">
        <div className={styles.joinedHead}>
          <h2 id="joined-heading">{t("joinedHeading")}</h2>
          <p aria-live="polite" className={styles.count}>
            {live.tables.length > 0 ? t("seated", { seated, seats }) : ""}
          </p>
        </div>
        <ul className={styles.tables}>
          {live.tables.map((table) => (
            <li key={table.tableId} className={styles.table}>
              <h3 className={styles.tableName}>{t("table", { table: table.number })}</h3>
              <ul className={styles.seats} aria-label={t("seatsAt", { table: table.number })}>
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
                        {seat.occupied ? (personName(seat.occupant) ?? t("taken")) : t("open")}
                        {seat.bot ? <span className={styles.away}>{t("bot")}</span> : null}
                        {seat.occupied && !online && !seat.bot ? (
                          <span className={styles.away}>{t("away")}</span>
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
