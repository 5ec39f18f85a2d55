"use client";
// After a workshop is created: the instructor link (the only way back to the console, so it is
// shown with a copy button and a plain warning), the students' join code and link, the settings
// as stored, and the way on to the console and the projector's join screen.
import type { CreatedWorkshop } from "@red-lines/shared/protocol";
import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("entry.created");
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
        {t("heading")}
      </h2>
      <div className={styles.keep}>
        <h3 className={styles.subheading}>{t("keepHeading")}</h3>
        <p>{t.rich("keepText", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <label htmlFor="instructor-link">{t("instructorLink")}</label>
        <div className={styles.copyRow}>
          <input
            id="instructor-link"
            className={styles.linkInput}
            readOnly
            value={links.instructor}
            onFocus={(event) => event.target.select()}
          />
          <CopyButton text={links.instructor} label={t("copy")} />
        </div>
      </div>
      <h3 className={styles.subheading}>{t("studentsHeading")}</h3>
      <p>
        {t.rich("studentsText", {
          code: created.joinCode,
          link: links.join,
          strong: (chunks) => <strong className={styles.codeInline}>{chunks}</strong>,
          url: (chunks) => <span className={styles.link}>{chunks}</span>,
        })}
      </p>
      <h3 className={styles.subheading}>{t("settingsHeading")}</h3>
      <ul className={styles.settings}>
        <li>
          {settings.scenarioVersion === undefined
            ? t("scenario", {
                title: scenario?.title ?? settings.scenarioId,
                variant: variant?.name ?? settings.variant,
              })
            : t("scenarioVersioned", {
                title: scenario?.title ?? settings.scenarioId,
                version: settings.scenarioVersion,
                variant: variant?.name ?? settings.variant,
              })}
        </li>
        <li>
          {t("clock", { tables: settings.tables, rounds: settings.rounds, seconds: settings.turnSeconds })}
        </li>
        <li>{settings.botFill ? t("botFillOn") : t("botFillOff")}</li>
      </ul>
      <div className={styles.actions}>
        <Link className="button" href={`/instructor/${created.workshopId}`}>
          {t("openConsole")}
        </Link>
        <Link className="button" href={`/instructor/${created.workshopId}/join`}>
          {t("joinScreen")}
        </Link>
      </div>
    </section>
  );
}
