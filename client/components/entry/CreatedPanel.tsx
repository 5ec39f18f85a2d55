"use client";
// After a workshop is created: the instructor link (the only way back to the console, so it is
// shown with a copy button and a plain warning), the students' join code and link, the settings
// as stored, and the way on to the console and the projector's join screen.
import type { CreatedWorkshop } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { CopyButton } from "./CopyButton.tsx";
import styles from "./entry.module.css";
import type { ScenarioChoice } from "./scenarioChoice.ts";

/** A link the server made, on the address this browser reached the app at. */
function onThisOrigin(link: string): string {
  const url = new URL(link);
  return `${window.location.origin}${url.pathname}${url.search}${url.hash}`;
}

export function CreatedPanel({
  created,
  scenarios,
}: {
  created: CreatedWorkshop;
  scenarios: ScenarioChoice[];
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [links, setLinks] = useState({ instructor: created.instructorUrl, join: created.joinUrl });
  useEffect(() => {
    heading.current?.focus();
    setLinks({ instructor: onThisOrigin(created.instructorUrl), join: onThisOrigin(created.joinUrl) });
  }, [created]);
  const { settings } = created;
  const scenario = scenarios.find((candidate) => candidate.id === settings.scenarioId);
  const variant = scenario?.variants.find((candidate) => candidate.id === settings.variant);

  return (
    <section className={`card ${styles.created}`} aria-labelledby="created-heading">
      <h2 id="created-heading" ref={heading} tabIndex={-1}>
        Your workshop is ready
      </h2>
      <div className={styles.keep}>
        <h3 className={styles.subheading}>Keep this link</h3>
        <p>
          <strong>The instructor link is the only way back to this workshop&apos;s console.</strong> This
          browser remembers it, but copy it somewhere safe (your notes, an email to yourself) before you go
          on. Anyone with it can run your tables, so do not share it with students.
        </p>
        <label htmlFor="instructor-link">Instructor link</label>
        <div className={styles.copyRow}>
          <input
            id="instructor-link"
            className={styles.linkInput}
            readOnly
            value={links.instructor}
            onFocus={(event) => event.target.select()}
          />
          <CopyButton text={links.instructor} label="Copy the instructor link" />
        </div>
      </div>
      <h3 className={styles.subheading}>For the students</h3>
      <p>
        Join code <strong className={styles.codeInline}>{created.joinCode}</strong>, or the link{" "}
        <span className={styles.link}>{links.join}</span>. The join screen shows both with a QR code, for a
        projector.
      </p>
      <h3 className={styles.subheading}>Settings</h3>
      <ul className={styles.settings}>
        <li>
          {scenario?.title ?? settings.scenarioId}
          {settings.scenarioVersion === undefined ? "" : ` (version ${settings.scenarioVersion})`}, variant{" "}
          {variant?.name ?? settings.variant}
        </li>
        <li>
          {settings.tables} {settings.tables === 1 ? "table" : "tables"}, {settings.rounds}{" "}
          {settings.rounds === 1 ? "round" : "rounds"}, {settings.turnSeconds} seconds a turn
        </li>
        <li>
          {settings.botFill
            ? "Bot fill on: bots take the seats still empty when a table starts."
            : "Bot fill off: a table starts when every seat is taken (the console can seat bots)."}
        </li>
      </ul>
      <div className={styles.actions}>
        <Link className="button" href={`/instructor/${created.workshopId}`}>
          Open the console
        </Link>
        <Link className="button" href={`/instructor/${created.workshopId}/join`}>
          Show the join screen
        </Link>
      </div>
    </section>
  );
}
